/**
 * The parts of the TrueType (sfnt) format that truetype.ts reads and writes: the Unicode
 * character map, the PostScript name, and a font file from its tables.
 */

export interface Table {
	offset: number;
	length: number;
}

/** Looks characters up in the Unicode character map (format 12 for all planes, else 4). */
export function characterMap(view: DataView, cmap: number): (codePoint: number) => number {
	const u16 = (at: number) => view.getUint16(at);
	const u32 = (at: number) => view.getUint32(at);
	let format4 = -1;
	let format12 = -1;
	for (let i = 0; i < u16(cmap + 2); i++) {
		const platform = u16(cmap + 4 + 8 * i);
		const encoding = u16(cmap + 6 + 8 * i);
		const at = cmap + u32(cmap + 8 + 8 * i);
		const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
		if (!unicode) continue;
		if (u16(at) === 12) format12 = at;
		else if (u16(at) === 4) format4 = at;
	}
	if (format12 >= 0) {
		const groups = u32(format12 + 12);
		return (codePoint) => {
			let low = 0;
			let high = groups - 1;
			while (low <= high) {
				const mid = (low + high) >> 1;
				const at = format12 + 16 + 12 * mid;
				if (codePoint < u32(at)) high = mid - 1;
				else if (codePoint > u32(at + 4)) low = mid + 1;
				else return u32(at + 8) + codePoint - u32(at);
			}
			return 0;
		};
	}
	if (format4 < 0) throw new Error('The font has no Unicode character map.');
	const segments = u16(format4 + 6) / 2;
	const ends = format4 + 14;
	const starts = ends + 2 * segments + 2;
	const deltas = starts + 2 * segments;
	const offsets = deltas + 2 * segments;
	return (codePoint) => {
		if (codePoint > 0xffff) return 0;
		let low = 0;
		let high = segments - 1;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (u16(ends + 2 * mid) < codePoint) low = mid + 1;
			else high = mid;
		}
		if (codePoint < u16(starts + 2 * low) || codePoint > u16(ends + 2 * low)) return 0;
		const delta = u16(deltas + 2 * low);
		const offset = u16(offsets + 2 * low);
		if (offset === 0) return (codePoint + delta) & 0xffff;
		const glyph = u16(offsets + 2 * low + offset + 2 * (codePoint - u16(starts + 2 * low)));
		return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
	};
}

/** The PostScript name (name id 6), from the Windows or the Mac record. */
export function postscriptName(bytes: Uint8Array, view: DataView, name: Table | undefined): string {
	if (!name) return '';
	const strings = name.offset + view.getUint16(name.offset + 4);
	for (let i = 0; i < view.getUint16(name.offset + 2); i++) {
		const at = name.offset + 6 + 12 * i;
		if (view.getUint16(at + 6) !== 6) continue;
		const start = strings + view.getUint16(at + 10);
		const raw = bytes.subarray(start, start + view.getUint16(at + 8));
		const windows = view.getUint16(at) === 3;
		const chars = windows
			? Array.from({ length: raw.length / 2 }, (_, j) => (raw[2 * j]! << 8) | raw[2 * j + 1]!)
			: Array.from(raw);
		return String.fromCharCode(...chars).replace(/[^\x21-\x7e]|[[\](){}<>/%]/g, '');
	}
	return '';
}

/** An sfnt file from its tables, with the checksums readers may verify. */
export function writeFont(tables: [string, Uint8Array][]): Uint8Array {
	const padded = (length: number) => (length + 3) & ~3;
	const headerLength = 12 + 16 * tables.length;
	const total = tables.reduce((sum, [, data]) => sum + padded(data.length), headerLength);
	const out = new Uint8Array(total);
	const view = new DataView(out.buffer);
	const checksum = (from: number, length: number) => {
		let sum = 0;
		for (let at = from; at < from + padded(length); at += 4) sum = (sum + view.getUint32(at)) >>> 0;
		return sum;
	};
	const power = 2 ** Math.floor(Math.log2(tables.length));
	view.setUint32(0, 0x00010000);
	view.setUint16(4, tables.length);
	view.setUint16(6, power * 16);
	view.setUint16(8, Math.log2(power));
	view.setUint16(10, tables.length * 16 - power * 16);
	let offset = headerLength;
	let headOffset = 0;
	tables.forEach(([tag, data], i) => {
		const at = 12 + 16 * i;
		for (let c = 0; c < 4; c++) out[at + c] = tag.charCodeAt(c);
		if (tag === 'head') {
			headOffset = offset;
			data.fill(0, 8, 12);
		}
		out.set(data, offset);
		view.setUint32(at + 4, checksum(offset, data.length));
		view.setUint32(at + 8, offset);
		view.setUint32(at + 12, data.length);
		offset += padded(data.length);
	});
	view.setUint32(headOffset + 8, (0xb1b0afba - checksum(0, total)) >>> 0);
	return out;
}
