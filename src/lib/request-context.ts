import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the audit log should know about the request an action came in on, without every service
 * method taking it as an argument: the client's address, and how the actor came (a personal
 * access token's name). Set by the HTTP edge for each request; absent for jobs and the CLI.
 */
export interface RequestContext {
  ip?: string | null;
  via?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/**
 * Runs `work` outside any request: for what outlives the request that happened to start it (a
 * shared connection and its listeners), so later events are not taken for that request's.
 */
export function outsideRequestContext<T>(work: () => T): T {
  return storage.exit(work);
}

/** The current request's context, to read or to add to (the same object for the whole request). */
export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}
