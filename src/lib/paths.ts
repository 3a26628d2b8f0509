import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root (where package.json is), found by walking up, so the same code works from
 * src/ under tsx and from dist/src/ after a build.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Baton project root (package.json)');
    dir = parent;
  }
  return dir;
}

export const ROOT_DIR = findRoot();
export const VIEWS_DIR = path.join(ROOT_DIR, 'views');
export const ASSETS_DIR = path.join(VIEWS_DIR, 'assets');

/** The version being run, from package.json (in the image too: it is copied beside dist/). */
export const VERSION: string = (JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { version: string }).version;
