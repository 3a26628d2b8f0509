/**
 * How instructions are laid out in plain text, for chunking and for quoting: list items, and
 * the sentences that announce what follows ("Here's how:", "as follows", a colon at the end).
 * Both must keep an announcement with what it announces.
 */

/** "- step", "* step", "• step", "1. step", "2) step". */
export const LIST_ITEM = /^(?:[-*•]|\d{1,3}[.)])\s/u;

const ANNOUNCES = /(?::|\b(?:here'?s how|here is how|as follows|the following(?: \w+){0,2}|these steps|this way)[.!]?)$/iu;

/** The text ends by announcing what comes next: it means little without it. */
export const announces = (text: string): boolean => ANNOUNCES.test(text.trim());

export const isListItem = (text: string): boolean => LIST_ITEM.test(text.trim());

/**
 * Quoted text is a label or an error message as shown ('"Invalid Grant"', '"Please contact
 * support"'), not the visitor's own words.
 * A straight double quote after a digit is an inch mark (a 27" monitor), not a quotation.
 * (A quotation cannot hold its own opening mark, so a stranger's "““““…" costs linear time.)
 */
export const QUOTED = /(?<!\p{N})"[^"\n]*"|“[^“”\n]*”|‘[^‘’\n]*’|«[^«»\n]*»|`[^`\n]*`|(^|[\s(])'[^'\n]*'(?=[\s.,!?;:)]|$)/gu;

/** The text with its quotations blanked out (a quotation's leading space kept). */
export const withoutQuotes = (text: string): string => text.replace(QUOTED, (_, lead: string | undefined) => `${lead ?? ''} `);
