import { describe, expect, it } from 'vitest';
import { imageDataUrl, jpegHeader, jpegSegment, pngHeader } from '../testing/images';
import { imageSize, logoSizeProblem, readLogo } from './logo';
import { LOGO_DATA_URL } from './schema';

/** A real 40×20 PNG, pixels and all. */
const REAL_PNG =
	'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACgAAAAUCAIAAABwJOjsAAAAJElEQVR4nGM4YWMzIIhh1OJRi0ctHrV41OJRi0ctHrV45FgMAGQL6C7l1KfNAAAAAElFTkSuQmCC';

describe('imageSize', () => {
	it('reads a PNG size from its IHDR chunk, however large the image claims to be', () => {
		expect(imageSize(pngHeader(12_000, 12_000))).toEqual({
			type: 'png',
			width: 12_000,
			height: 12_000
		});
		expect(imageSize(pngHeader(2 ** 31 - 1, 1))).toEqual({
			type: 'png',
			width: 2 ** 31 - 1,
			height: 1
		});
		expect(readLogo(REAL_PNG)).toMatchObject({ ok: true, type: 'png', width: 40, height: 20 });
	});

	it('reads a JPEG size from its frame header, past other segments and fill bytes', () => {
		expect(imageSize(jpegHeader(640, 480))).toEqual({ type: 'jpeg', width: 640, height: 480 });
		const exif = jpegSegment(
			0xe1,
			Array.from({ length: 5000 }, (_, i) => i & 255)
		);
		const huffman = jpegSegment(0xc4, [0, 1, 2]); // DHT sits in the SOF range but is not one
		const progressive = jpegHeader(12_000, 9_000, { sof: 0xc2, before: [exif, [0xff], huffman] });
		expect(imageSize(progressive)).toEqual({ type: 'jpeg', width: 12_000, height: 9_000 });
	});

	it('gives up on truncated files, other formats and impossible sizes, without throwing', () => {
		// Cut anywhere before the last byte of the size, and no size is read.
		const sizeEnds = [
			[pngHeader(100, 100), 24],
			[jpegHeader(100, 100), 11]
		] as const;
		for (const [whole, end] of sizeEnds) {
			for (let length = 0; length < end; length++) {
				expect(imageSize(whole.subarray(0, length))).toBeNull();
			}
			expect(imageSize(whole.subarray(0, end))).toEqual(imageSize(whole));
		}
		const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');
		const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
		for (const bytes of [gif, svg, new Uint8Array(0), pngHeader(0, 10), jpegHeader(10, 0)]) {
			expect(imageSize(bytes)).toBeNull();
		}
		// A scan before any frame header, and a segment whose length runs past the end.
		expect(imageSize(Uint8Array.from([0xff, 0xd8, ...jpegSegment(0xda, [1, 2])]))).toBeNull();
		expect(imageSize(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0]))).toBeNull();
		expect(imageSize(Uint8Array.from([0xff, 0xd8, 0x12, 0x34]))).toBeNull();
	});
});

describe('logo limits', () => {
	it('refuses more than 4,096 pixels a side, saying how large it is', () => {
		expect(logoSizeProblem({ type: 'png', width: 4096, height: 4096 })).toBeNull();
		expect(logoSizeProblem({ type: 'png', width: 12_000, height: 12_000 })).toBe(
			'The logo is 12,000 × 12,000 pixels; the limit is 4,096 pixels a side'
		);
		expect(logoSizeProblem({ type: 'jpeg', width: 100, height: 4097 })).toMatch(/100 × 4,097/);
	});

	it('reads a stored logo, refusing other kinds of URL and undecodable or oversized images', () => {
		expect(readLogo(imageDataUrl('jpeg', jpegHeader(300, 100)))).toMatchObject({
			ok: true,
			type: 'jpeg'
		});
		expect(readLogo(imageDataUrl('png', pngHeader(12_000, 12_000)))).toEqual({
			ok: false,
			problem: 'The logo is 12,000 × 12,000 pixels; the limit is 4,096 pixels a side'
		});
		const notImage = { ok: false, problem: 'The logo is not a PNG or JPEG image' };
		expect(readLogo('data:image/svg+xml;base64,PHN2Zy8+')).toEqual(notImage);
		expect(readLogo('javascript:alert(1)')).toEqual(notImage);
		expect(readLogo(imageDataUrl('png', jpegHeader(10, 10)))).toEqual({
			ok: false,
			problem: 'The logo could not be read as an image'
		});
		expect(readLogo('data:image/png;base64,AAAA')).toEqual({
			ok: false,
			problem: 'The logo could not be read as an image'
		});
	});

	it('accepts only base64 PNG and JPEG data: URLs', () => {
		expect(LOGO_DATA_URL.test(REAL_PNG)).toBe(true);
		for (const url of [
			'data:image/svg+xml;base64,PHN2Zy8+',
			'data:image/png,rawbytes',
			'data:image/png;base64,AA AA',
			'data:text/html;base64,PHNjcmlwdD4=',
			'javascript:alert(1)',
			'https://example.com/logo.png',
			` ${REAL_PNG}`
		]) {
			expect(LOGO_DATA_URL.test(url), url).toBe(false);
		}
	});
});
