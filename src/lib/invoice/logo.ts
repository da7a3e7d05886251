/**
 * The business logo: a PNG or JPEG kept as a data: URL. A few kilobytes of PNG can claim
 * 12,000 × 12,000 pixels and take seconds and gigabytes to decode, so the size is read from
 * the file's header (PNG IHDR, JPEG frame header) and checked before anything decodes it.
 * Pure.
 */
import { LOGO_DATA_URL } from './schema';

/** Enough for any print size of a logo; 4,096² RGBA decodes to 64 MB at most. */
export const MAX_LOGO_SIDE = 4096;

export interface ImageSize {
	type: 'png' | 'jpeg';
	width: number;
	height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = [0x49, 0x48, 0x44, 0x52];

/** An image's type and size from its header bytes, or null if they are not a PNG or JPEG. */
export function imageSize(bytes: Uint8Array): ImageSize | null {
	const size = bytes[0] === 0x89 ? pngSize(bytes) : bytes[0] === 0xff ? jpegSize(bytes) : null;
	return size && size.width > 0 && size.height > 0 ? size : null;
}

function pngSize(bytes: Uint8Array): ImageSize | null {
	const starts = (values: number[], at: number) => values.every((v, i) => bytes[at + i] === v);
	if (bytes.length < 24 || !starts(PNG_SIGNATURE, 0) || !starts(IHDR, 12)) return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
}

/** Start-of-frame markers C0–CF, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
const isFrameHeader = (marker: number) =>
	marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(bytes: Uint8Array): ImageSize | null {
	if (bytes[1] !== 0xd8) return null;
	const u16 = (at: number) => (bytes[at]! << 8) | bytes[at + 1]!;
	let at = 2;
	while (at + 1 < bytes.length) {
		if (bytes[at] !== 0xff) return null;
		const marker = bytes[at + 1]!;
		// Fill bytes (FF FF …) may pad before any marker.
		if (marker === 0xff) {
			at += 1;
			continue;
		}
		// Markers without a payload: TEM and restart markers.
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
			at += 2;
			continue;
		}
		// The image data or its end came before any frame header.
		if (marker === 0xda || marker === 0xd9) return null;
		if (at + 3 >= bytes.length) return null;
		const length = u16(at + 2);
		if (length < 2) return null;
		if (isFrameHeader(marker)) {
			if (length < 7 || at + 8 >= bytes.length) return null;
			return { type: 'jpeg', height: u16(at + 5), width: u16(at + 7) };
		}
		at += 2 + length;
	}
	return null;
}

const grouped = new Intl.NumberFormat('en-US');

/** Why a logo of this size is refused, or null if it is fine. */
export function logoSizeProblem(size: ImageSize): string | null {
	if (size.width <= MAX_LOGO_SIDE && size.height <= MAX_LOGO_SIDE) return null;
	const [w, h, max] = [size.width, size.height, MAX_LOGO_SIDE].map((n) => grouped.format(n));
	return `The logo is ${w} × ${h} pixels; the limit is ${max} pixels a side`;
}

export type LogoReading =
	({ ok: true; bytes: Uint8Array } & ImageSize) | { ok: false; problem: string };

/**
 * A stored logo's bytes and size, checked without decoding it. Logos arrive by import and
 * sync too, so whatever shows or embeds one reads it through here.
 */
export function readLogo(dataUrl: string): LogoReading {
	const match = LOGO_DATA_URL.exec(dataUrl);
	if (!match) return { ok: false, problem: 'The logo is not a PNG or JPEG image' };
	let bytes: Uint8Array;
	try {
		bytes = Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0));
	} catch {
		bytes = new Uint8Array(0);
	}
	const size = imageSize(bytes);
	if (!size || size.type !== match[1]) {
		return { ok: false, problem: 'The logo could not be read as an image' };
	}
	const problem = logoSizeProblem(size);
	return problem ? { ok: false, problem } : { ok: true, bytes, ...size };
}
