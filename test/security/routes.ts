import type { Express } from 'express';

export interface RouteInfo {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/**
 * Every route the app serves, read from Express's router, so a route added later is in every
 * check below without anyone remembering to list it. Routers are mounted at the root (app.use(router)).
 */
export function routesOf(app: Express): RouteInfo[] {
  const out: RouteInfo[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') out.push({ method: method as RouteInfo['method'], path });
      } else if (layer.handle.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

/** A path with its parameters filled in: ids a real row will not have, tokens that do not verify. */
export function concrete(path: string): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => (/token/i.test(name) ? 'not-a-token' : '00000000-0000-4000-8000-000000000000'));
}

/** The visitor's side: bearer tokens, no cookie, mounted before the session. */
export const isVisitorRoute = (path: string) => path.startsWith('/api/v1/') || path.startsWith('/widget');
