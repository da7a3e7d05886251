import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseTrueType } from './truetype';

const require = createRequire(import.meta.url);
const file = (path: string) => new Uint8Array(readFileSync(require.resolve(path)));
const sans = parseTrueType(file('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'));
const jp = parseTrueType(
	file('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf')
);
const id = (font: typeof sans, char: string) => font.glyphId(char.codePointAt(0)!);

describe('TrueType font reader', () => {
	it('reads the metrics a PDF font descriptor needs', () => {
		expect(sans.postscriptName).toBe('NotoSans-Regular');
		expect(sans.unitsPerEm).toBe(1000);
		expect(sans.ascent).toBeGreaterThan(sans.capHeight);
		expect(sans.capHeight).toBeGreaterThan(sans.xHeight);
		expect(sans.descent).toBeLessThan(0);
	});

	it('finds glyphs in the basic plane (format 4) and beyond it (format 12)', () => {
		expect(id(sans, 'A')).toBeGreaterThan(0);
		expect(id(sans, '€')).toBeGreaterThan(0);
		expect(id(sans, '😀')).toBe(0);
		expect(id(jp, '東')).toBeGreaterThan(0);
		expect(id(jp, '𠮟')).toBeGreaterThan(0);
		expect(id(sans, 'A')).not.toBe(id(sans, 'B'));
	});

	it('measures glyphs by their advance width', () => {
		expect(sans.advance(id(sans, 'W'))).toBeGreaterThan(sans.advance(id(sans, 'i')));
		expect(jp.advance(id(jp, '東'))).toBe(jp.unitsPerEm);
	});

	it('subsets to the glyphs asked for and the parts of composite glyphs, renumbered', () => {
		const wanted = [id(sans, 'é'), id(sans, 'A')];
		const { bytes, newIds } = sans.subset(wanted);
		const subset = parseTrueType(bytes);
		// é is drawn from e and the acute accent: both come along.
		expect(subset.numGlyphs).toBe(5);
		expect(newIds.get(id(sans, 'é'))).toBe(1);
		expect(newIds.get(id(sans, 'A'))).toBe(2);
		for (const [old, now] of newIds) expect(subset.advance(now)).toBe(sans.advance(old));
		// é's parts point at their new numbers: subsetting the subset to é finds them again.
		expect([...subset.subset([1]).newIds.keys()].sort()).toEqual([0, 1, 3, 4]);
		expect(bytes.length).toBeLessThan(2_000);
	});

	it('writes table checksums and the whole-file checksum adjustment', () => {
		const { bytes } = sans.subset([id(sans, 'x')]);
		const view = new DataView(bytes.buffer);
		let sum = 0;
		for (let at = 0; at < bytes.length; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
		expect(sum).toBe(0xb1b0afba);
	});

	it('refuses what is not a TrueType font', () => {
		expect(() => parseTrueType(new Uint8Array(64))).toThrow('not a TrueType font');
	});
});
