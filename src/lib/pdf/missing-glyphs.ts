/**
 * One warning naming the characters no bundled font has. Text is measured many times while
 * it is laid out, so misses are kept as a set of characters, never one warning per miss.
 */

const NAMED = 5;

export function missingGlyphsWarning(codePoints: ReadonlySet<number>): string | null {
	if (codePoints.size === 0) return null;
	const named = [...codePoints]
		.slice(0, NAMED)
		.map((cp) => `${String.fromCodePoint(cp)} (U+${cp.toString(16).toUpperCase()})`);
	const more = codePoints.size - named.length;
	return `Some characters have no glyph in the bundled fonts: ${named.join(', ')}${
		more > 0 ? ` and ${more} more` : ''
	}.`;
}
