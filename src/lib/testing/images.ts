/**
 * Image files cut down to the bytes that say their size: enough to test what is decided
 * before decoding, without encoding pixels (a 12,000 × 12,000 PNG header is 33 bytes).
 */

const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const be16 = (n: number) => [(n >>> 8) & 255, n & 255];

/** A PNG's signature and IHDR chunk (8-bit RGB); the CRC is left zero, nothing here reads it. */
export function pngHeader(width: number, height: number): Uint8Array {
	return Uint8Array.from([
		...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
		...be32(13),
		...[0x49, 0x48, 0x44, 0x52],
		...be32(width),
		...be32(height),
		...[8, 2, 0, 0, 0],
		...be32(0)
	]);
}

/** A JPEG segment: marker and length-prefixed payload. */
export function jpegSegment(marker: number, payload: number[]): number[] {
	return [0xff, marker, ...be16(payload.length + 2), ...payload];
}

/**
 * A JPEG's start, other segments (`before`), and the frame header (SOF0 baseline by default)
 * that holds the size.
 */
export function jpegHeader(
	width: number,
	height: number,
	{ sof = 0xc0, before = [] as number[][] } = {}
): Uint8Array {
	return Uint8Array.from([
		...[0xff, 0xd8],
		...before.flat(),
		...jpegSegment(sof, [8, ...be16(height), ...be16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])
	]);
}

export function imageDataUrl(type: 'png' | 'jpeg', bytes: Uint8Array): string {
	return `data:image/${type};base64,${btoa(String.fromCharCode(...bytes))}`;
}
