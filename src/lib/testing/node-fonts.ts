import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontFace, FontSource } from '../pdf/render';

const require = createRequire(import.meta.url);
const FILES: Record<FontFace, string> = {
	regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
	bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
	fallbackRegular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
	fallbackBold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'
};
const cache = new Map<FontFace, Promise<Uint8Array>>();

/** The same font files the app bundles, read from node_modules (tests and benchmarks). */
export const nodeFonts: FontSource = (face) => {
	let bytes = cache.get(face);
	if (!bytes) {
		bytes = readFile(require.resolve(FILES[face])).then((b) => new Uint8Array(b));
		cache.set(face, bytes);
	}
	return bytes;
};
