/**
 * An sRGB ICC profile (version 2, matrix and tone curves), made here rather than bundled: the
 * common sRGB profile file is HP's, with no licence text beside its copyright. This one is
 * the project's own work and carries no copyright ("No copyright, use freely"). PDF/A needs
 * it as the output intent that says what the PDF's RGB colours mean (ISO 19005-3 6.2.3).
 *
 * Values: IEC 61966-2-1 primaries and white point, adapted to the ICC's D50 connection space
 * with the Bradford transform (the colourants of every published sRGB profile), and the sRGB
 * transfer function sampled at 1,024 points.
 */

const D50 = [0.9642, 1, 0.8249];
const RED = [0.4361, 0.2225, 0.0139];
const GREEN = [0.3851, 0.7169, 0.0971];
const BLUE = [0.1431, 0.0606, 0.7141];
const CURVE_POINTS = 1024;
const DESCRIPTION = 'sRGB IEC61966-2.1';
const COPYRIGHT = 'No copyright, use freely';

function ascii(text: string): number[] {
	return Array.from(text, (c) => c.charCodeAt(0));
}
function u32(value: number): number[] {
	return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}
function s15Fixed16(value: number): number[] {
	return u32(Math.round(value * 65536) >>> 0);
}

function xyzTag([x, y, z]: number[]): number[] {
	return [...ascii('XYZ '), ...u32(0), ...s15Fixed16(x!), ...s15Fixed16(y!), ...s15Fixed16(z!)];
}

function curveTag(): number[] {
	const out = [...ascii('curv'), ...u32(0), ...u32(CURVE_POINTS)];
	for (let i = 0; i < CURVE_POINTS; i++) {
		const v = i / (CURVE_POINTS - 1);
		const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
		const sample = Math.round(linear * 65535);
		out.push(sample >> 8, sample & 0xff);
	}
	return out;
}

/** textDescriptionType: ASCII, then empty Unicode and ScriptCode parts (ICC.1:2001-04). */
function descriptionTag(text: string): number[] {
	return [
		...ascii('desc'),
		...u32(0),
		...u32(text.length + 1),
		...ascii(text),
		0,
		...u32(0),
		...u32(0),
		0,
		0,
		0,
		...new Array<number>(67).fill(0)
	];
}

function textTag(text: string): number[] {
	return [...ascii('text'), ...u32(0), ...ascii(text), 0];
}

export function srgbProfile(): Uint8Array {
	const curve = curveTag();
	const data: [string, number[]][] = [
		['desc', descriptionTag(DESCRIPTION)],
		['cprt', textTag(COPYRIGHT)],
		['wtpt', xyzTag(D50)],
		['rXYZ', xyzTag(RED)],
		['gXYZ', xyzTag(GREEN)],
		['bXYZ', xyzTag(BLUE)],
		['rTRC', curve]
	];
	// The three channels share one curve: their tags point at the same bytes.
	const shared = ['gTRC', 'bTRC'];
	const tableEnd = 128 + 4 + 12 * (data.length + shared.length);
	const table: number[] = u32(data.length + shared.length);
	const body: number[] = [];
	let curveAt = 0;
	for (const [signature, bytes] of data) {
		const at = tableEnd + body.length;
		if (signature === 'rTRC') curveAt = at;
		table.push(...ascii(signature), ...u32(at), ...u32(bytes.length));
		body.push(...bytes);
		while (body.length % 4) body.push(0);
	}
	for (const signature of shared)
		table.push(...ascii(signature), ...u32(curveAt), ...u32(curve.length));
	const size = tableEnd + body.length;
	const header = [
		...u32(size),
		...u32(0), // no preferred colour management module
		...u32(0x02100000), // version 2.1
		...ascii('mntr'),
		...ascii('RGB '),
		...ascii('XYZ '),
		...[2026, 1, 1, 0, 0, 0].flatMap((n) => [n >> 8, n & 0xff]),
		...ascii('acsp'),
		...new Array<number>(24).fill(0), // platform, flags, manufacturer, model, attributes
		...u32(0), // perceptual intent
		...s15Fixed16(D50[0]!),
		...s15Fixed16(D50[1]!),
		...s15Fixed16(D50[2]!),
		...new Array<number>(48).fill(0) // creator and reserved
	];
	return new Uint8Array([...header, ...table, ...body]);
}
