/**
 * Re-encodes a photo as a smaller JPEG in the browser (createImageBitmap + OffscreenCanvas),
 * for services with a size limit. Browser only.
 */

/** Longest side first tried; vision models scale images down to about this anyway. */
const FIRST_SIDE = 2048;
const QUALITY = 0.85;

/** The image as a JPEG under `maxBytes`, or null when the browser cannot decode it. */
export async function shrinkToJpeg(image: Blob, maxBytes: number): Promise<Uint8Array | null> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(image);
	} catch {
		return null;
	}
	try {
		let side = Math.min(FIRST_SIDE, Math.max(bitmap.width, bitmap.height));
		for (let attempt = 0; attempt < 4; attempt++, side = Math.round(side / 2)) {
			const scale = side / Math.max(bitmap.width, bitmap.height);
			const width = Math.max(1, Math.round(bitmap.width * scale));
			const height = Math.max(1, Math.round(bitmap.height * scale));
			const canvas = new OffscreenCanvas(width, height);
			canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
			const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
			if (blob.size <= maxBytes) return new Uint8Array(await blob.arrayBuffer());
		}
		return null;
	} finally {
		bitmap.close();
	}
}
