import type { ServerResponse } from 'node:http';

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: string;
  contentType?: string;
  /** Close the connection after this answer (a body left unread, or listen is stopping). */
  close?: boolean;
}

/**
 * Writes one answer; a client that went away meanwhile is not an error. The body goes as a string:
 * Node then sends head and body in one write, where a Buffer costs a second, separately encrypted one.
 */
export function sendAnswer(res: ServerResponse, answer: Answer): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(answer.status, {
    'content-type': answer.contentType ?? 'application/json',
    'content-length': String(Buffer.byteLength(answer.body, 'utf8')),
    ...(answer.close ? { connection: 'close' } : {}),
    ...answer.headers,
  });
  res.end(answer.body);
}

export function jsonAnswer(status: number, value: unknown, close = false): Answer {
  return { status, body: JSON.stringify(value), close };
}
