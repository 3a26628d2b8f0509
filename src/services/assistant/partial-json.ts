/**
 * The value of one string field of a JSON object that is still being written, as far as it has
 * arrived: lets a structured reply ({"answer": "…", "sources": […]}) stream its answer text.
 * Stops before an escape sequence that is not complete yet, so the result only ever grows.
 */
export function partialStringField(json: string, field: string): string | undefined {
  const start = new RegExp(`"${field}"\\s*:\\s*"`).exec(json);
  if (!start) return undefined;
  let out = '';
  for (let i = start.index + start[0].length; i < json.length; i++) {
    const ch = json[i]!;
    if (ch === '"') return out;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = json[i + 1];
    if (next === undefined) return out;
    if (next === 'u') {
      const hex = json.slice(i + 2, i + 6);
      if (hex.length < 4) return out;
      const code = Number.parseInt(hex, 16);
      // A lone high surrogate waits for its pair, so an emoji is never emitted in halves.
      if (code >= 0xd800 && code <= 0xdbff) {
        const low = /^\\u([0-9a-fA-F]{4})/.exec(json.slice(i + 6, i + 12));
        if (!low) return out;
        out += String.fromCharCode(code, Number.parseInt(low[1]!, 16));
        i += 11;
        continue;
      }
      out += String.fromCharCode(code);
      i += 5;
      continue;
    }
    out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[next] ?? next;
    i += 1;
  }
  return out;
}
