import type { IncomingMessage } from 'node:http';

export type BodyRead = { body: Buffer } | { tooLarge: true } | { failed: string };

/**
 * Reads a request body up to `maxBytes`. A declared Content-Length above the limit is refused
 * without reading; a body that grows past it stops being read at once (the caller answers 413
 * and closes the connection), so no client can make listen hold more than the limit.
 */
export function readCappedBody(req: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve({ tooLarge: true });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyRead) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        req.pause();
        finish({ tooLarge: true });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish({ body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) }));
    req.once('error', (error) => finish({ failed: error.message }));
    req.once('close', () =>
      finish({ failed: 'the client closed the connection before the body was complete' }),
    );
  });
}
