import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Where the page may send requests: AWS's own endpoints, this computer (DynamoDB Local,
 * dynalite, test fakes), and any endpoint added at build time, space-separated, in
 * INVOICELAB_CONNECT_SRC (a static build cannot widen its policy at run time).
 */
const connectSources = [
	'self',
	'https://*.amazonaws.com',
	'http://127.0.0.1:*',
	'http://localhost:*',
	...(process.env.INVOICELAB_CONNECT_SRC ?? '').split(/\s+/).filter(Boolean)
];

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered to `<route>/index.html` and every URL is relative,
		// so the build runs from any static host at any sub-path with no rewrite rules.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
		paths: { relative: true },
		prerender: { handleHttpError: 'fail' },
		// src/lib/app/services.ts registers it, to offer each update instead of swapping.
		serviceWorker: { register: false },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte sets style attributes for transitions and dynamic values.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': connectSources,
				'worker-src': ['self'],
				// The PDF preview shows the generated file from a blob: URL.
				'frame-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
