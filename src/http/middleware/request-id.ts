import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const SAFE = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The request id for logs and the X-Request-Id response header. An id set by a proxy in front
 * is kept (so one request can be followed across both logs) when it looks like an id.
 */
export function genReqId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SAFE.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}
