import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { connectSources } from './src/lib/aws/content-policy.js';

/**
 * Loopback endpoints are allowed only in builds for this computer (`npm start`,
 * `npm run dev:aws`, tests: scripts/build.mjs --local) and in `vite dev`.
 */
const local = process.env.INVOICELAB_LOCAL_BUILD === '1' || process.argv.includes('dev');

/**
 * Plain strings from a plain-JS module, typed as the CSP sources they are.
 * @typedef {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>['connect-src']} ConnectSources
 */

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
				'connect-src': /** @type {ConnectSources} */ (
					connectSources({ local, extra: process.env.INVOICELAB_CONNECT_SRC ?? '' })
				),
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
