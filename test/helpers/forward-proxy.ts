import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';

/**
 * A real forward proxy for tests: CONNECT tunnels and absolute-form requests, optional Basic proxy
 * authentication, and its own host table, so a target name resolves only through the proxy (a client
 * that bypasses it fails instead of passing by accident).
 */
export interface ForwardProxyOptions {
  /** Names the proxy resolves, e.g. { 'webhook.proxied.test': '127.0.0.1' }; IP literals pass as they are. */
  hosts?: Record<string, string>;
  /** Require `Proxy-Authorization: Basic` with these credentials. */
  auth?: { user: string; password: string };
  /** Answer every request 407 offering only these schemes (e.g. ['NTLM', 'Negotiate']). */
  onlySchemes?: string[];
  /** Allow CONNECT only to these ports (others get 403). */
  connectPorts?: number[];
}

export interface ForwardProxy {
  port: number;
  url: string;
  /** `host:port` of every CONNECT accepted. */
  connects: string[];
  /** Absolute-form URLs of every proxied plain-http request. */
  requests: string[];
  /** Every Proxy-Authorization header seen (to check what was sent). */
  authorizations: string[];
  close(): Promise<void>;
}

export function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const connects: string[] = [];
  const requests: string[] = [];
  const authorizations: string[] = [];
  const sockets = new Set<Socket>();
  const resolveHost = (host: string): string | undefined => {
    const bare = host.replace(/^\[|\]$/g, '');
    if (/^[\d.]+$/.test(bare) || bare.includes(':')) return bare;
    return options.hosts?.[bare.toLowerCase()];
  };
  const authorized = (req: IncomingMessage): { status: number; challenge?: string } => {
    const header = req.headers['proxy-authorization'];
    if (header) authorizations.push(header);
    if (options.onlySchemes) return { status: 407, challenge: options.onlySchemes.join(', ') };
    if (!options.auth) return { status: 200 };
    const expected = `Basic ${Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64')}`;
    return header === expected ? { status: 200 } : { status: 407, challenge: 'Basic realm="test proxy"' };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const auth = authorized(req);
    if (auth.status !== 200) {
      res.writeHead(auth.status, { 'proxy-authenticate': auth.challenge ?? 'Basic' }).end();
      return;
    }
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute-form request expected');
      return;
    }
    const address = resolveHost(target.hostname);
    if (!address) {
      res.writeHead(502).end('unknown host');
      return;
    }
    requests.push(target.href);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = httpRequest(
      {
        host: address,
        port: target.port || 80,
        method: req.method,
        path: target.pathname + target.search,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end('upstream failed'));
    req.pipe(upstream);
  });

  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    client.on('error', () => undefined);
    const auth = authorized(req);
    if (auth.status !== 200) {
      client.end(
        `HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: ${auth.challenge}\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(req.url ?? '');
    const address = match ? resolveHost(match[1]!) : undefined;
    const port = match ? Number(match[2]) : 0;
    if (options.connectPorts && !options.connectPorts.includes(port)) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (!address) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(port, address, () => {
      connects.push(req.url ?? '');
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('no port'));
      resolve({
        port: address.port,
        url: `http://127.0.0.1:${address.port}`,
        connects,
        requests,
        authorizations,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
