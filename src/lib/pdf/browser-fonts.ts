import bold from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import regular from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import fallbackBold from '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf?url';
import fallbackRegular from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf?url';
import type { FontFace, FontSource } from './render';

/** The bundled fonts are served with the app itself: nothing comes from another site. */
const URLS: Record<FontFace, string> = { regular, bold, fallbackRegular, fallbackBold };
const cache = new Map<FontFace, Promise<Uint8Array>>();

export const browserFonts: FontSource = (face) => {
	let bytes = cache.get(face);
	if (!bytes) {
		bytes = fetch(URLS[face]).then(async (response) => {
			if (!response.ok) throw new Error(`The PDF font could not be loaded (${response.status}).`);
			return new Uint8Array(await response.arrayBuffer());
		});
		bytes.catch(() => cache.delete(face));
		cache.set(face, bytes);
	}
	return bytes;
};
