/**
 * Values from outside (an import file, a model's answer) shown in a message: cut short, so a
 * 5 MB field makes a one-line message, and printable, so binary garbage, terminal escapes or
 * bidirectional overrides cannot garble or disguise the text around them.
 */

/** Controls, format characters (bidi overrides, zero-width), private use, unassigned, lone
 * surrogates and line/paragraph separators. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/gu;

export const QUOTE_LIMIT = 60;

/** At most `limit` characters (code points, never half of one), with "…" when cut. */
export function printable(text: string, limit: number): string {
	// Every code point is at most two units, so this slice holds the first limit + 1 of them.
	const characters = Array.from(text.slice(0, 2 * limit + 2));
	const cut = characters.length > limit;
	const shown = characters.slice(0, limit).join('').replace(UNPRINTABLE, '\ufffd');
	return cut ? `${shown}…` : shown;
}

export function quote(text: string, limit = QUOTE_LIMIT): string {
	return `"${printable(text, limit)}"`;
}
