/**
 * Reads a TrueType font just enough to print with it in a PDF: which glyph a character has,
 * how wide it is, the metrics a PDF font descriptor needs, and a subset holding only the
 * glyphs a document prints. This replaces fontkit and fonteditor-core (with them, the PDF
 * code weighed 582 KB gzip; 182 KB without): invoices need no shaping, so a character maps
 * straight to one glyph.
 */

import { characterMap, postscriptName, writeFont, type Table } from './truetype-tables';

export interface TrueTypeFont {
	postscriptName: string;
	unitsPerEm: number;
	ascent: number;
	descent: number;
	capHeight: number;
	xHeight: number;
	italicAngle: number;
	bbox: { minX: number; minY: number; maxX: number; maxY: number };
	fixedPitch: boolean;
	italic: boolean;
	familyClass: number;
	numGlyphs: number;
	/** The glyph for a character, 0 (the "missing" glyph) when the font has none. */
	glyphId(codePoint: number): number;
	advance(glyphId: number): number;
	/**
	 * A font holding `glyphIds` (and the parts composite glyphs are built of), renumbered from
	 * 1 in the order given; glyph 0 stays the missing glyph. Only the tables a PDF reader
	 * uses for an embedded CIDFontType2 are written (as pdfkit and fontkit do).
	 */
	subset(glyphIds: number[]): { bytes: Uint8Array; newIds: Map<number, number> };
}

export function parseTrueType(bytes: Uint8Array): TrueTypeFont {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const u16 = (at: number) => view.getUint16(at);
	const i16 = (at: number) => view.getInt16(at);
	const u32 = (at: number) => view.getUint32(at);
	if (u32(0) !== 0x00010000 && u32(0) !== 0x74727565) {
		throw new Error('The font is not a TrueType font.');
	}
	const tables = new Map<string, Table>();
	for (let i = 0; i < u16(4); i++) {
		const at = 12 + 16 * i;
		const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
		tables.set(tag, { offset: u32(at + 8), length: u32(at + 12) });
	}
	const table = (tag: string): Table => {
		const found = tables.get(tag);
		if (!found) throw new Error(`The font has no ${tag} table.`);
		return found;
	};
	const head = table('head').offset;
	const hhea = table('hhea').offset;
	const hmtx = table('hmtx').offset;
	const loca = table('loca').offset;
	const glyf = table('glyf').offset;
	const post = tables.get('post')?.offset;
	const os2 = tables.get('OS/2')?.offset;
	const numGlyphs = u16(table('maxp').offset + 4);
	const numberOfHMetrics = u16(hhea + 34);
	const longLoca = i16(head + 50) === 1;
	const glyphStart = (id: number) => (longLoca ? u32(loca + 4 * id) : 2 * u16(loca + 2 * id));

	const advance = (id: number) =>
		u16(hmtx + 4 * (id < numberOfHMetrics ? id : numberOfHMetrics - 1));
	const leftBearing = (id: number) =>
		id < numberOfHMetrics
			? i16(hmtx + 4 * id + 2)
			: i16(hmtx + 4 * numberOfHMetrics + 2 * (id - numberOfHMetrics));
	const glyphBytes = (id: number) =>
		bytes.subarray(glyf + glyphStart(id), glyf + glyphStart(id + 1));

	/** Parts of a composite glyph: [offset of the part's glyph id in the glyph, glyph id]. */
	const components = (glyph: Uint8Array): [number, number][] => {
		if (glyph.length === 0 || new DataView(glyph.buffer, glyph.byteOffset).getInt16(0) >= 0) {
			return [];
		}
		const g = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
		const parts: [number, number][] = [];
		let at = 10;
		for (;;) {
			const flags = g.getUint16(at);
			parts.push([at + 2, g.getUint16(at + 2)]);
			at += 4 + (flags & 0x0001 ? 4 : 2);
			if (flags & 0x0008) at += 2;
			else if (flags & 0x0040) at += 4;
			else if (flags & 0x0080) at += 8;
			if (!(flags & 0x0020)) return parts;
		}
	};

	return {
		postscriptName: postscriptName(bytes, view, tables.get('name')) || 'Font',
		unitsPerEm: u16(head + 18),
		ascent: i16(hhea + 4),
		descent: i16(hhea + 6),
		capHeight: os2 !== undefined && u16(os2) >= 2 ? i16(os2 + 88) : i16(hhea + 4),
		xHeight: os2 !== undefined && u16(os2) >= 2 ? i16(os2 + 86) : 0,
		italicAngle: post !== undefined ? view.getInt32(post + 4) / 65536 : 0,
		bbox: {
			minX: i16(head + 36),
			minY: i16(head + 38),
			maxX: i16(head + 40),
			maxY: i16(head + 42)
		},
		fixedPitch: post !== undefined && u32(post + 12) !== 0,
		italic: (u16(head + 44) & 0x02) !== 0,
		familyClass: os2 !== undefined ? i16(os2 + 30) >> 8 : 0,
		numGlyphs,
		// A subset has no character map: PDF text names glyphs by number.
		glyphId: tables.has('cmap') ? characterMap(view, table('cmap').offset) : () => 0,
		advance,
		subset(glyphIds) {
			const order = [0];
			const newIds = new Map([[0, 0]]);
			const add = (id: number) => {
				if (newIds.has(id) || id >= numGlyphs) return;
				newIds.set(id, order.length);
				order.push(id);
			};
			glyphIds.forEach(add);
			// Composite glyphs (accented letters) are drawn from other glyphs: keep those too.
			for (let i = 0; i < order.length; i++) {
				for (const [, part] of components(glyphBytes(order[i]!))) add(part);
			}
			const glyphs = order.map((id) => {
				const glyph = glyphBytes(id).slice();
				const g = new DataView(glyph.buffer);
				for (const [at, part] of components(glyph)) g.setUint16(at, newIds.get(part)!);
				return glyph;
			});
			const padded = (length: number) => (length + 3) & ~3;
			const newGlyf = new Uint8Array(glyphs.reduce((sum, g) => sum + padded(g.length), 0));
			const newLoca = new DataView(new ArrayBuffer(4 * (order.length + 1)));
			let end = 0;
			glyphs.forEach((glyph, i) => {
				newLoca.setUint32(4 * i, end);
				newGlyf.set(glyph, end);
				end += padded(glyph.length);
			});
			newLoca.setUint32(4 * order.length, end);
			const newHmtx = new DataView(new ArrayBuffer(4 * order.length));
			order.forEach((id, i) => {
				newHmtx.setUint16(4 * i, advance(id));
				newHmtx.setInt16(4 * i + 2, leftBearing(id));
			});
			const copy = (tag: string) =>
				bytes.slice(table(tag).offset, table(tag).offset + table(tag).length);
			const newHead = copy('head');
			new DataView(newHead.buffer).setInt16(50, 1);
			const newHhea = copy('hhea');
			new DataView(newHhea.buffer).setUint16(34, order.length);
			const newMaxp = copy('maxp');
			new DataView(newMaxp.buffer).setUint16(4, order.length);
			const font = writeFont([
				['glyf', newGlyf],
				['head', newHead],
				['hhea', newHhea],
				['hmtx', new Uint8Array(newHmtx.buffer)],
				['loca', new Uint8Array(newLoca.buffer)],
				['maxp', newMaxp]
			]);
			return { bytes: font, newIds };
		}
	};
}
