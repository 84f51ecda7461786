import { describe, expect, it } from 'vitest';
import { checkStreamUrl } from '../../../../src/analytics/live/streamUrl';

describe('checkStreamUrl', () => {
  it.each([
    ['https://example.com/events', 'sse', 'https://example.com'],
    ['  http://127.0.0.1:8080/sse?topic=orders ', 'sse', 'http://127.0.0.1:8080'],
    ['wss://stream.example.org:9443/live', 'websocket', 'wss://stream.example.org:9443'],
    ['ws://localhost:3000', 'websocket', 'ws://localhost:3000'],
    ['HTTPS://Example.COM/a b', 'sse', 'https://example.com'],
  ])('accepts %s as %s', (typed, kind, origin) => {
    const check = checkStreamUrl(typed);
    expect(check).toMatchObject({ ok: true, kind, origin });
  });

  it('gives the normalised URL that will be opened', () => {
    expect(checkStreamUrl('HTTPS://Example.COM/a b')).toEqual({
      ok: true,
      url: 'https://example.com/a%20b',
      origin: 'https://example.com',
      kind: 'sse',
    });
  });

  it.each([
    ['', /Type the URL/],
    ['   ', /Type the URL/],
    ['example.com/events', /not a full URL/],
    ['/events', /not a full URL/],
    ['ftp://example.com/events', /Only http:, https: .* not ftp:/],
    ['file:///etc/passwd', /not file:/],
    ['javascript:alert(1)', /not javascript:/],
    ['data:text/plain,hi', /not data:/],
    ['blob:https://example.com/1234', /not blob:/],
    ['https://user:secret@example.com/events', /user name and password/],
    ['wss://token@example.com/events', /user name and password/],
    ['https://example.com/events#orders', /#… part/],
    [`https://example.com/${'a'.repeat(2001)}`, /longer than 2000/],
  ])('refuses %j with a reason', (typed, reason) => {
    const check = checkStreamUrl(typed);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toMatch(reason);
  });

  it.each([
    ['http://example.com/events', 'https:', false],
    ['ws://example.com/events', 'https:', false],
    ['https://example.com/events', 'https:', true],
    ['wss://example.com/events', 'https:', true],
    ['http://localhost:8080/events', 'https:', true],
    ['ws://127.0.0.1:9000', 'https:', true],
    ['ws://[::1]:9000', 'https:', true],
    ['http://example.com/events', 'http:', true],
  ])('from an %s page served over %s: %s', (typed, pageProtocol, ok) => {
    const check = checkStreamUrl(typed, pageProtocol);
    expect(check.ok).toBe(ok);
    if (!check.ok) expect(check.reason).toMatch(/blocks (http|ws): streams: use (https|wss):/);
  });
});
