/**
 * Puts a subset of a TrueType font into a pdf-lib document as a Type 0 (Identity-H) font
 * with widths and a ToUnicode map, so text stays searchable and copyable. pdf-lib's own
 * embedder writes the dictionaries; it is handed this module's font reader where it would
 * take a fontkit font, so fontkit is not needed.
 */
import { CustomFontEmbedder, PDFFont, type PDFDocument } from 'pdf-lib';
import { parseTrueType, type TrueTypeFont } from './truetype';

interface Glyph {
	id: number;
	advanceWidth: number;
	codePoints: number[];
}

const parsed = new WeakMap<Uint8Array, TrueTypeFont>();

/** The font in a file, read once per file (the worker keeps the bundled fonts' bytes). */
export function readFont(bytes: Uint8Array): TrueTypeFont {
	let font = parsed.get(bytes);
	if (!font) {
		font = parseTrueType(bytes);
		parsed.set(bytes, font);
	}
	return font;
}

/** The surface of a fontkit font that pdf-lib's CustomFontEmbedder reads. */
function fontkitShaped(font: TrueTypeFont, codePoints: Iterable<number>) {
	const kept = [...new Set(codePoints)].filter((cp) => font.glyphId(cp) !== 0);
	const { bytes, newIds } = font.subset(kept.map((cp) => font.glyphId(cp)));
	const missing: Glyph = { id: 0, advanceWidth: font.advance(0), codePoints: [] };
	const glyphs = new Map<number, Glyph>(
		kept.map((cp) => {
			const id = font.glyphId(cp);
			return [cp, { id: newIds.get(id)!, advanceWidth: font.advance(id), codePoints: [cp] }];
		})
	);
	const glyphForCodePoint = (codePoint: number) => glyphs.get(codePoint) ?? missing;
	return {
		bytes,
		shaped: {
			postscriptName: font.postscriptName,
			unitsPerEm: font.unitsPerEm,
			ascent: font.ascent,
			descent: font.descent,
			capHeight: font.capHeight,
			xHeight: font.xHeight,
			italicAngle: font.italicAngle,
			bbox: font.bbox,
			cff: false,
			characterSet: kept,
			'OS/2': { sFamilyClass: font.familyClass },
			post: { isFixedPitch: font.fixedPitch },
			head: { macStyle: { italic: font.italic } },
			glyphForCodePoint,
			// No shaping: each character is its own glyph (see the module comment of truetype.ts).
			layout: (text: string) => ({
				glyphs: Array.from(text, (char) => glyphForCodePoint(char.codePointAt(0)!))
			})
		}
	};
}

/**
 * A subset font's name starts with six capital letters and "+" (PDF 32000 9.6.4), so
 * readers do not take it for the whole font. They depend on the glyphs, so one PDF's
 * subsets of the same font get the same tag only when they are the same.
 */
function subsetTag(codePoints: number[]): string {
	let hash = 2166136261;
	for (const cp of codePoints) hash = Math.imul(hash ^ cp, 16777619) >>> 0;
	return Array.from({ length: 6 }, (_, i) =>
		String.fromCharCode(65 + (Math.floor(hash / 26 ** i) % 26))
	).join('');
}

class SubsetEmbedder extends CustomFontEmbedder {
	constructor(font: TrueTypeFont, codePoints: Iterable<number>) {
		const { bytes, shaped } = fontkitShaped(font, codePoints);
		const name = `${subsetTag(shaped.characterSet)}+${font.postscriptName}`;
		super(shaped as never, bytes, name);
	}
}

/**
 * Embeds the glyphs of `codePoints` that the font has; other characters print as the
 * font's missing glyph. The font is written into the document at once and complete.
 */
export async function embedSubsetFont(
	doc: PDFDocument,
	font: TrueTypeFont,
	codePoints: Iterable<number>
): Promise<PDFFont> {
	const pdfFont = PDFFont.of(doc.context.nextRef(), doc, new SubsetEmbedder(font, codePoints));
	await pdfFont.embed();
	return pdfFont;
}
