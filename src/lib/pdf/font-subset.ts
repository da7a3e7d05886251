/**
 * Cuts a font down to the characters a PDF prints. pdf-lib's own subsetting (fontkit)
 * garbles Noto Sans glyphs (pdf-lib issues #494, #1232), so fonteditor-core does it and
 * pdf-lib embeds the small result whole.
 */
import { Font, type TTF } from 'fonteditor-core';

const parsed = new WeakMap<Uint8Array, TTF.TTFObject>();

/** Characters every invoice PDF may print besides its own text (footers, marks). */
export const ALWAYS = Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i).concat(
	[...'·—–−…€£¥'].map((c) => c.codePointAt(0)!)
);

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
	return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * A TrueType font with only the glyphs for `codePoints`. `reuse` parses the whole font once
 * and keeps it (worth it for the fonts every PDF uses); otherwise only what is needed is read.
 */
export function subsetFont(
	bytes: Uint8Array,
	codePoints: Iterable<number>,
	reuse: boolean
): Uint8Array {
	const wanted = new Set(codePoints);
	let font: InstanceType<typeof Font>;
	if (reuse) {
		let whole = parsed.get(bytes);
		if (!whole) {
			whole = Font.create(arrayBufferOf(bytes), {
				type: 'ttf',
				hinting: false,
				compound2simple: true
			}).get();
			parsed.set(bytes, whole);
		}
		const glyf = [
			whole.glyf[0]!,
			...whole.glyf.filter((g) => g.unicode?.some((u) => wanted.has(u)))
		];
		font = Font.create();
		font.set({ ...whole, glyf });
	} else {
		font = Font.create(arrayBufferOf(bytes), {
			type: 'ttf',
			hinting: false,
			compound2simple: true,
			subset: [...wanted]
		});
	}
	return new Uint8Array(font.write({ type: 'ttf', hinting: false }) as ArrayBuffer);
}
