/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';

// Caches the whole app shell on install, so after one visit the app opens with no network.
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `invoicelab-${version}`;
// The Japanese fallback fonts (11 MB) are only needed for CJK names: cached on first use.
const ON_DEMAND = /NotoSansJP_/;
// `_headers` is read by the host, never served (one missing file would fail the whole install).
const SHELL = [...build, ...files, ...prerendered].filter(
	(path) => !ON_DEMAND.test(path) && !path.endsWith('/_headers')
);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(SHELL))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))
			)
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	// AWS calls, other origins and non-GETs always go to the network.
	if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
	event.respondWith(respond(request));
});

/** Pages: network first (fresh after deploys), cache when offline. Assets: cache first. */
async function respond(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	if (request.mode === 'navigate') {
		try {
			return await fetch(request);
		} catch {
			const page = await cache.match(request, { ignoreSearch: true });
			return (
				page ?? (await cache.match(new URL('./', sw.location.href).pathname)) ?? Response.error()
			);
		}
	}
	const cached = await cache.match(request);
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok && ON_DEMAND.test(new URL(request.url).pathname)) {
		await cache.put(request, response.clone());
	}
	return response;
}
