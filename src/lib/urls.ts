/** The URL when `value` (resolved against `base`) is an http(s) address; undefined for anything else. */
export function httpUrl(value: string, base?: string): URL | undefined {
  try {
    const u = new URL(value.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}
