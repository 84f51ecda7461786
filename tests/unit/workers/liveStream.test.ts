// The stream connection's policy with fake EventSource and WebSocket classes: what it opens, what it
// reports, and that reconnecting is bounded.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamStatus } from '../../../src/contracts/live';
import { MAX_RECONNECTS, openStream, type StreamPlatform } from '../../../workers/live.stream';

class FakeSocket {
  static made: FakeSocket[] = [];
  binaryType = 'blob';
  closedWith: number | null = null;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  close(code: number) {
    this.closedWith = code;
  }
}

class FakeSource {
  static readonly CLOSED = 2;
  static made: FakeSource[] = [];
  readyState = 0;
  closed = false;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSource.made.push(this);
  }
  close() {
    this.closed = true;
  }
}

const platform = {
  WebSocket: FakeSocket,
  EventSource: FakeSource,
  location: { protocol: 'http:' },
} as unknown as StreamPlatform;

let statuses: StreamStatus[];
let messages: string[];
const open = (url: string) =>
  openStream(
    url,
    (data) => (messages.push(data), 2),
    (s) => statuses.push(s),
    platform,
  );
const last = () => statuses[statuses.length - 1]!;

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.made = [];
  FakeSource.made = [];
  statuses = [];
  messages = [];
});
afterEach(() => vi.useRealTimers());

describe('openStream', () => {
  it.each(['ftp://example.com', 'https://u:p@example.com/', 'not a url'])('opens nothing for %s', (url) => {
    expect(() => open(url)).toThrow();
    expect(FakeSocket.made.length + FakeSource.made.length).toBe(0);
  });

  it('opens an EventSource for http(s), counts messages at most every 250 ms, and closes', () => {
    const connection = open('http://127.0.0.1:9000/events');
    const source = FakeSource.made[0]!;
    expect(source.url).toBe('http://127.0.0.1:9000/events');
    expect(last()).toMatchObject({ state: 'connecting', kind: 'sse' });
    source.onopen!();
    expect(last().state).toBe('open');
    const reported = statuses.length;
    source.onmessage!({ data: 'a' });
    source.onmessage!({ data: 'b' });
    expect(statuses.length).toBe(reported);
    vi.advanceTimersByTime(250);
    expect(last()).toMatchObject({ state: 'open', messages: 2, items: 4 });
    connection.close('You pressed Disconnect.');
    expect(source.closed).toBe(true);
    expect(last()).toMatchObject({ state: 'closed', detail: 'You pressed Disconnect.' });
    source.onmessage!({ data: 'late' });
    expect(messages).toEqual(['a', 'b']);
  });

  it('lets EventSource retry by itself, but gives up after a few failures in a row', () => {
    open('https://example.com/events');
    const source = FakeSource.made[0]!;
    for (let i = 1; i <= MAX_RECONNECTS; i++) {
      source.onerror!();
      expect(last().state).toBe('connecting');
      expect(last().detail).toContain(`attempt ${i} of`);
    }
    source.onerror!();
    expect(last().state).toBe('error');
    expect(source.closed).toBe(true);
  });

  it('reports an EventSource the server refused', () => {
    open('https://example.com/events');
    const source = FakeSource.made[0]!;
    source.readyState = FakeSource.CLOSED;
    source.onerror!();
    expect(last().state).toBe('error');
    expect(last().detail).toMatch(/refused the stream/);
  });

  it('opens a WebSocket for ws(s), reads binary messages as UTF-8, and never sends', () => {
    open('ws://127.0.0.1:9000/live');
    const socket = FakeSocket.made[0]!;
    expect(socket.binaryType).toBe('arraybuffer');
    expect('send' in socket).toBe(false);
    socket.onopen!();
    socket.onmessage!({ data: new TextEncoder().encode('{"type":"x"}').buffer });
    expect(messages).toEqual(['{"type":"x"}']);
  });

  it('reconnects a dropped WebSocket at most a few times in a row, waiting longer each time', () => {
    open('wss://example.com/live');
    FakeSocket.made[0]!.onopen!();
    for (let i = 1; i <= MAX_RECONNECTS; i++) {
      FakeSocket.made[i - 1]!.onclose!({ code: 1006, reason: '' });
      expect(last().state).toBe('connecting');
      expect(last().detail).toContain(`attempt ${i} of`);
      vi.advanceTimersByTime(2 ** (i - 1) * 1000 - 1);
      expect(FakeSocket.made.length).toBe(i);
      vi.advanceTimersByTime(1);
      expect(FakeSocket.made.length).toBe(i + 1);
    }
    FakeSocket.made[MAX_RECONNECTS]!.onclose!({ code: 1006, reason: '' });
    expect(last().state).toBe('error');
    expect(last().detail).toMatch(/press Connect to try again/);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.made.length).toBe(MAX_RECONNECTS + 1);
  });

  it('starts a new run of reconnects after a connection held for 30 s', () => {
    open('wss://example.com/live');
    for (let i = 0; i < MAX_RECONNECTS + 2; i++) {
      FakeSocket.made[i]!.onopen!();
      vi.advanceTimersByTime(30_000);
      FakeSocket.made[i]!.onclose!({ code: 1011, reason: 'restart' });
      expect(last().state).toBe('connecting');
      vi.advanceTimersByTime(1000);
    }
  });

  it('does not reopen a WebSocket the server closed normally, nor one the user closed', () => {
    const connection = open('wss://example.com/live');
    FakeSocket.made[0]!.onopen!();
    FakeSocket.made[0]!.onclose!({ code: 1000, reason: '' });
    expect(last()).toMatchObject({ state: 'closed', detail: 'The server closed the stream.' });
    const other = open('wss://example.com/live');
    other.close('You pressed Disconnect.');
    expect(FakeSocket.made[1]!.closedWith).toBe(1000);
    FakeSocket.made[1]!.onclose!({ code: 1006, reason: '' });
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.made.length).toBe(2);
    expect(last()).toMatchObject({ state: 'closed', detail: 'You pressed Disconnect.' });
    connection.close('again');
    expect(last().detail).toBe('You pressed Disconnect.');
  });
});
