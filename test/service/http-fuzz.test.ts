// Hostile requests against the real HTTP bridge on a loopback socket: malformed URLs, encodings,
// methods and headers, sent raw (fetch would refuse to send most of them). Whatever arrives, the
// server answers with a status and stays up for the next request.
// The same requests reach the LAN port (`serve --lan`: HTTPS, every address), inside TLS.
import net from 'node:net';
import tls from 'node:tls';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../main/server/http';
import { TOKEN_HEADER } from '../../shared/api';
import { expectStillUp, startBridge, startLanBridge } from '../support/bridge';

describe.each([
  ['the browser mode', false],
  ['the LAN port', true],
] as const)('%s', (_where, lan) => {
  let server: RunningServer;

  // A fresh app and server per test: the temp database is removed after each test.
  beforeEach(async () => {
    server = lan ? await startLanBridge() : await startBridge();
  });
  afterEach(() => server.close());

  /** Sends bytes as they are and returns the status line (or '' if the server closed without one). */
  function raw(request: string | Buffer, timeoutMs = 5_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = lan ? tls.connect({ port: server.port, host: '127.0.0.1', rejectUnauthorized: false }) : net.connect(server.port, '127.0.0.1');
      let data = '';
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no answer within ${timeoutMs} ms to ${JSON.stringify(String(request).slice(0, 80))}`));
      }, timeoutMs);
      socket.on('data', (d) => (data += d.toString('latin1')));
      socket.on('error', () => {});
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(data.split('\r\n')[0] ?? '');
      });
      // A browser keeps its side open until the answer: half-closing at once would let Node drop a
      // request whose answer is asynchronous. A request that never completes is ended after a while.
      socket.write(request);
      setTimeout(() => socket.end(), 1_000).unref();
    });
  }

  const host = () => `127.0.0.1:${server.port}`;
  const get = (target: string, headers = '') => `GET ${target} HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n${headers}\r\n`;
  const post = (target: string, body: string, headers = '') =>
    `POST ${target} HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${server.token}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${headers}\r\n${body}`;

  const stillUp = () => expectStillUp(server);

  describe('HTTP bridge under hostile requests', () => {
    // Each of these killed the browser mode once: an unauthenticated GET from any web page.
    test.each(['/%', '/%E0%A4%A', '/a%00.js', 'http://[x/', '/%ZZ', '/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/secret.txt', '//evil.example/x'])(
      'GET %s gets an answer and the server stays up',
      async (target) => {
        const status = await raw(get(target));
        expect(status).toMatch(/^HTTP\/1\.1 [2-5]\d\d /);
        await stillUp();
      },
    );

    test.each(['/api/%E0%A4%A', '/api/%', '/api/%00', '/api/__proto__', '/api/constructor', '/api/toString', `/api/${'a'.repeat(10_000)}`])(
      'POST %s with the token gets an error envelope and the server stays up',
      async (target) => {
        const status = await raw(post(target, '{}'));
        expect(status).toMatch(/^HTTP\/1\.1 (200|400|404) /);
        await stillUp();
      },
    );

    test('bodies that are not what they claim', async () => {
      for (const body of [
        '',
        'null',
        '[]',
        '"x"',
        '{"vin":',
        '\u0000\u0001',
        `{"vin": "${'A'.repeat(100_000)}"}`,
        JSON.stringify({ __proto__: { polluted: true } }),
      ]) {
        const status = await raw(post('/api/lookup', body));
        expect(status).toMatch(/^HTTP\/1\.1 (200|400) /);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      await stillUp();
    });

    test('methods, headers and framing', async () => {
      const requests = [
        `DELETE /api/appInfo HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`,
        `FOO / HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`,
        `GET / HTTP/1.1\r\nConnection: close\r\n\r\n`,
        `GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
        `GET / HTTP/1.1\r\nHost: ${host()}\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`,
        `GET / HTTP/1.1\r\nHost: ${host()}\r\nX-Big: ${'x'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
        `POST /api/appInfo HTTP/1.1\r\nHost: ${host()}\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\nConnection: close\r\n\r\n0\r\n\r\n`,
        `POST /api/appInfo HTTP/1.1\r\nHost: ${host()}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${server.token}\r\ncontent-length: 100\r\nConnection: close\r\n\r\n{}`,
        `GET /\u00ff\u00fe HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`,
        'garbage\r\n\r\n',
        Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00]), // a TLS hello on the plain port
      ];
      for (const r of requests) {
        const status = await raw(r);
        if (status) expect(status).toMatch(/^HTTP\/1\.1 [2-5]\d\d /);
      }
      await stillUp();
    });

    test('a bounded random fuzz: 300 requests of random bytes in the target and headers', async () => {
      let seed = 20261123;
      const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
      const pick = (s: string) => s[Math.floor(rand() * s.length)]!;
      const alphabet = '%/.?#[]:@!$&\'()*+,;=aZ09-_~\u0000\u00ff\u0100 \t"<>\\^`{|}';
      for (let i = 0; i < 300; i++) {
        let target = '/';
        const len = Math.floor(rand() * 40);
        for (let j = 0; j < len; j++) target += pick(alphabet);
        const api = rand() < 0.5;
        const request = api ? post(`/api/${target.slice(1)}`, '{}') : get(target, rand() < 0.3 ? `Origin: ${target}\r\n` : '');
        const status = await raw(Buffer.from(request, 'latin1'));
        // Node's parser itself answers 400 to a request line it cannot read; everything else is ours.
        expect(status).toMatch(/^HTTP\/1\.1 [2-5]\d\d /);
      }
      await stillUp();
    }, 60_000);
  });
});
