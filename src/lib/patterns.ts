import { RE2JS } from 're2js';

/**
 * Regular expressions written by operators (handoff rules), run by RE2's linear-time engine:
 * JavaScript's backtracking engine takes exponential time on patterns such as `^(\w+\s?)*$`,
 * and one message then blocks every request. RE2 has no backreferences or lookaround; such a
 * pattern is refused when saved, with the reason.
 */

// What an operator's pattern may cost to compile (RE2 also caps repetition counts at 1000).
export const MAX_PATTERN_LENGTH = 500;

export interface OperatorPattern {
  /** The first match in `text`, or null. Linear in the text's length. */
  firstMatch(text: string): string | null;
}

/** Compiles `pattern` case-insensitively; throws an Error saying what is wrong with it. */
export function compilePattern(pattern: string): OperatorPattern {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new Error(`it is longer than ${MAX_PATTERN_LENGTH} characters`);
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (e) {
    // "error parsing regexp: invalid or unsupported Perl syntax: `(?=`" and the like.
    throw new Error(String((e as Error).message).replace(/^error parsing regexp: /, ''));
  }
  return {
    firstMatch(text) {
      const m = compiled.matcher(text);
      return m.find() ? (m.group() ?? '') : null;
    },
  };
}

const cache = new Map<string, OperatorPattern | null>();
const CACHE_SIZE = 200;

/** compilePattern, remembered (rules are checked on every message); null for an invalid one. */
export function cachedPattern(pattern: string): OperatorPattern | null {
  let hit = cache.get(pattern);
  if (hit === undefined) {
    try {
      hit = compilePattern(pattern);
    } catch {
      hit = null;
    }
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(pattern, hit);
  }
  return hit;
}
