import { describe, expect, it } from 'vitest';
import { srgbProfile } from './srgb-profile';

const profile = srgbProfile();
const view = new DataView(profile.buffer, profile.byteOffset, profile.byteLength);
const ascii = (at: number, length = 4) => String.fromCharCode(...profile.subarray(at, at + length));
const s15 = (at: number) => view.getInt32(at) / 65536;

/** Tag signature → [offset, size], from the tag table after the 128-byte header. */
const tags = new Map(
	Array.from({ length: view.getUint32(128) }, (_, i) => {
		const at = 132 + 12 * i;
		return [ascii(at), [view.getUint32(at + 4), view.getUint32(at + 8)]] as const;
	})
);
const xyz = (tag: string) => {
	const [at] = tags.get(tag)!;
	expect(ascii(at)).toBe('XYZ ');
	return [s15(at + 8), s15(at + 12), s15(at + 16)];
};

describe('the sRGB ICC profile of the PDF/A output intent', () => {
	it('is an ICC version 2 RGB display profile of the size it says', () => {
		expect(view.getUint32(0)).toBe(profile.length);
		expect(view.getUint8(8)).toBe(2);
		expect(ascii(12)).toBe('mntr');
		expect(ascii(16)).toBe('RGB ');
		expect(ascii(20)).toBe('XYZ ');
		expect(ascii(36)).toBe('acsp');
		expect(profile.length % 4).toBe(0);
	});

	it('has every tag a matrix/TRC display profile needs, each inside the profile', () => {
		for (const tag of ['desc', 'cprt', 'wtpt', 'rXYZ', 'gXYZ', 'bXYZ', 'rTRC', 'gTRC', 'bTRC']) {
			const [at, size] = tags.get(tag) ?? [NaN, NaN];
			expect(at! % 4, tag).toBe(0);
			expect(at! + size!, tag).toBeLessThanOrEqual(profile.length);
		}
		const [desc] = tags.get('desc')!;
		expect(ascii(desc + 12, 'sRGB IEC61966-2.1'.length)).toBe('sRGB IEC61966-2.1');
	});

	it('holds the sRGB primaries adapted to D50, adding up to the D50 white point', () => {
		const [r, g, b] = [xyz('rXYZ'), xyz('gXYZ'), xyz('bXYZ')];
		expect(r[0]).toBeCloseTo(0.4361, 3);
		expect(g[1]).toBeCloseTo(0.7169, 3);
		expect(b[2]).toBeCloseTo(0.7141, 3);
		const white = xyz('wtpt');
		for (let i = 0; i < 3; i++) expect(r[i]! + g[i]! + b[i]!).toBeCloseTo(white[i]!, 3);
		expect(white).toEqual([
			expect.closeTo(0.9642, 3),
			expect.closeTo(1, 3),
			expect.closeTo(0.8249, 3)
		]);
	});

	it('follows the sRGB transfer curve: linear near black, a 2.4 power above', () => {
		const [at] = tags.get('rTRC')!;
		expect(ascii(at)).toBe('curv');
		const count = view.getUint32(at + 8);
		const value = (x: number) => view.getUint16(at + 12 + 2 * Math.round(x * (count - 1))) / 65535;
		expect(value(0)).toBe(0);
		expect(value(1)).toBe(1);
		expect(value(0.5)).toBeCloseTo(0.214, 3);
		expect(value(0.02)).toBeCloseTo(0.02 / 12.92, 4);
		expect(tags.get('gTRC')).toEqual(tags.get('rTRC'));
	});
});
