import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered to `<route>/index.html` and every URL is relative,
		// so the build runs from any static host at any sub-path with no rewrite rules.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
		paths: { relative: true },
		prerender: { handleHttpError: 'fail' }
	}
};

export default config;
