import fs from 'node:fs';
import { parse } from 'yaml';

/**
 * Docker Compose's variable interpolation, as its reference documents it
 * (docs.docker.com/reference/compose-file/interpolation): ${VAR}, $VAR, :- and -, :? and ?, :+ and +,
 * nested inside the default, error or replacement, and $$ for a literal $. Applied to each file
 * before the merge, as Compose does. Docker cannot run here; this lets tests check what a given
 * .env makes of the compose files.
 */
export type Env = Record<string, string | undefined>;

export class InterpolationError extends Error {}

export function interpolate(text: string, env: Env): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '{') {
      const end = closingBrace(text, i + 2);
      out += expand(text.slice(i + 2, end), env);
      i = end + 1;
    } else {
      const name = /^[A-Za-z_]\w*/.exec(text.slice(i + 1))?.[0];
      if (!name) {
        out += c;
        i++;
        continue;
      }
      out += env[name] ?? '';
      i += 1 + name.length;
    }
  }
  return out;
}

function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '$') i++;
    else if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new InterpolationError(`unclosed \${ in ${text}`);
}

function expand(body: string, env: Env): string {
  const m = /^([A-Za-z_]\w*)(?:(:?)([-?+])([^]*))?$/.exec(body);
  if (!m) throw new InterpolationError(`invalid interpolation format for \${${body}}`);
  const [, name, colon, op, rest = ''] = m;
  const value = env[name!];
  const present = colon ? value !== undefined && value !== '' : value !== undefined;
  if (!op) return value ?? '';
  // Compose before v2.10.1 (compose-go ddb94f1) worked out a default even when the variable was
  // set, so a required variable nested in a default failed regardless: read it as they did.
  if (op === '-') {
    const fallback = interpolate(rest, env);
    return present ? value! : fallback;
  }
  if (op === '+') return present ? interpolate(rest, env) : '';
  if (!present) throw new InterpolationError(`required variable ${name} is missing a value: ${interpolate(rest, env)}`);
  return value!;
}

type Tree = unknown;

function interpolateTree(tree: Tree, env: Env): Tree {
  if (typeof tree === 'string') return interpolate(tree, env);
  if (Array.isArray(tree)) return tree.map((t) => interpolateTree(t, env));
  if (tree && typeof tree === 'object') return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, interpolateTree(v, env)]));
  return tree;
}

/** Compose's merge of a later file into an earlier one, for what Baton's files use: maps merge key
 * by key, and sequences and scalars are replaced (Compose appends to a few sequences, such as
 * ports, which the override files here do not set). */
function merge(base: Tree, over: Tree): Tree {
  if (base && over && typeof base === 'object' && typeof over === 'object' && !Array.isArray(base) && !Array.isArray(over)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(over)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return over;
}

export interface ComposeProject {
  services: Record<string, { environment?: Record<string, string>; secrets?: string[]; command?: string[] | string; [key: string]: unknown }>;
  secrets?: Record<string, { file: string }>;
  [key: string]: unknown;
}

/** What `docker compose -f a -f b … config` would make of the files with this environment. */
export function loadCompose(files: string[], env: Env): ComposeProject {
  return files.map((f) => interpolateTree(parse(fs.readFileSync(f, 'utf8')), env)).reduce(merge) as ComposeProject;
}

/** The variables a .env file sets (NAME=value lines; comments and blank lines skipped). */
export function readDotEnv(file: string): Env {
  const env: Env = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Za-z_]\w*)=(.*)$/.exec(line);
    if (m) env[m[1]!] = m[2]!.trim();
  }
  return env;
}
