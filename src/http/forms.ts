import type { Response } from 'express';
import { z } from 'zod';
import { ValidationError } from '../services/errors.js';
import { render } from './render.js';

/** Parses a form body with a zod schema; problems become a ValidationError keyed by field. */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    fields[key] ??= issue.message;
  }
  throw new ValidationError('Please correct the highlighted fields.', fields);
}

/**
 * Runs a form action; on a ValidationError the same form is rendered again with what the person
 * typed and what is wrong (422, which htmx swaps like any other response).
 */
export async function submitForm(
  res: Response,
  template: string,
  values: Record<string, unknown>,
  action: () => Promise<void>,
  extra: Record<string, unknown> | (() => Promise<Record<string, unknown>>) = {},
): Promise<void> {
  try {
    await action();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    // Passwords are never echoed back into the page.
    const { password: _p, current: _c, next: _n, _csrf, ...typed } = values;
    const more = typeof extra === 'function' ? await extra() : extra;
    const shown = { ...((more.values as Record<string, unknown> | undefined) ?? {}), ...typed };
    render(res, template, { ...more, values: shown, errors: e.fields, error: e.message }, 422);
  }
}

/** Trimmed text field with a length cap and a message a person understands. */
export const textField = (label: string, max = 200) =>
  z.string({ error: `${label} is required.` }).trim().min(1, { error: `${label} is required.` }).max(max, { error: `${label} must be at most ${max} characters.` });
