// A user's event stream for browser tests, on its own port (so another origin than the app): Server-Sent
// Events at /events and a WebSocket at /ws, written by hand on node:http (the handshake, text frames
// out, a close frame answered) so no WebSocket package is needed. Records every request it receives.

import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export interface StreamServer {
  origin: string;
  sseUrl: string;
  wsUrl: string;
  /** Every request received, as "GET /events" or "UPGRADE /ws", with the Origin header it carried. */
  requests: { line: string; origin: string | undefined }[];
  sseClients: Set<ServerResponse>;
  wsClients: Set<Duplex>;
  /** One SSE message to every client; a multi-line `data` is sent as several data: lines. */
  sendSse(data: string): void;
  /** One text frame to every WebSocket client. */
  sendWs(text: string): void;
  close(): Promise<void>;
}

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** An unmasked text frame (a server's frames are never masked); test messages stay under 64 KiB. */
function textFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const n = payload.length;
  if (n >= 65_536) throw new Error('The test stream server sends frames under 64 KiB only.');
  const head = n < 126 ? Buffer.from([0x81, n]) : Buffer.from([0x81, 126, n >> 8, n & 0xff]);
  return Buffer.concat([head, payload]);
}

/** Starts the stream server on a free port of 127.0.0.1. */
export async function startStreamServer(): Promise<StreamServer> {
  const requests: StreamServer['requests'] = [];
  const sseClients = new Set<ServerResponse>();
  const wsClients = new Set<Duplex>();
  const server = createServer((req, res) => {
    requests.push({ line: `${req.method} ${req.url}`, origin: req.headers.origin });
    if (req.url !== '/events') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'access-control-allow-origin': req.headers.origin ?? '*',
    });
    res.write(': open\n\n');
    sseClients.add(res);
    req.on('close', () => sseClients.delete(res));
  });
  server.on('upgrade', (req, socket: Duplex) => {
    requests.push({ line: `UPGRADE ${req.url}`, origin: req.headers.origin });
    const key = req.headers['sec-websocket-key'];
    if (req.url !== '/ws' || typeof key !== 'string') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    const accept = createHash('sha1')
      .update(key + WS_GUID)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    wsClients.add(socket);
    socket.on('data', (chunk: Buffer) => {
      // The client sends nothing but a close frame (opcode 8): answer it and hang up.
      if ((chunk[0]! & 0x0f) === 0x8) socket.end(Buffer.from([0x88, 0x00]));
    });
    socket.on('close', () => wsClients.delete(socket));
    socket.on('error', () => wsClients.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The stream server has no port.');
  const host = `127.0.0.1:${address.port}`;
  return {
    origin: `http://${host}`,
    sseUrl: `http://${host}/events`,
    wsUrl: `ws://${host}/ws`,
    requests,
    sseClients,
    wsClients,
    sendSse(data) {
      const message = data
        .split('\n')
        .map((line) => `data: ${line}\n`)
        .join('');
      for (const client of sseClients) client.write(`${message}\n`);
    },
    sendWs(text) {
      for (const socket of wsClients) socket.write(textFrame(text));
    },
    async close() {
      for (const client of sseClients) client.end();
      for (const socket of wsClients) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
