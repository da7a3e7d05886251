import { describe, expect, it } from 'vitest';
import { missingGlyphsWarning } from './missing-glyphs';

const codePoints = (text: string) => new Set(Array.from(text, (c) => c.codePointAt(0)!));

describe('missingGlyphsWarning', () => {
	it('says nothing when every character has a glyph', () => {
		expect(missingGlyphsWarning(new Set())).toBeNull();
	});

	it('names each character once, the first few only', () => {
		expect(missingGlyphsWarning(codePoints('😀🎉'))).toBe(
			'Some characters have no glyph in the bundled fonts: 😀 (U+1F600), 🎉 (U+1F389).'
		);
		expect(missingGlyphsWarning(codePoints('😀😁😂🤣😃😄😅😆'))).toBe(
			'Some characters have no glyph in the bundled fonts: 😀 (U+1F600), 😁 (U+1F601), ' +
				'😂 (U+1F602), 🤣 (U+1F923), 😃 (U+1F603) and 3 more.'
		);
	});
});
