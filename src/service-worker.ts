/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';
import {
	cacheName,
	isAppCache,
	olderCaches,
	runningVersions,
	SKIP_WAITING,
	staleCaches,
	WHICH_VERSION
} from '$lib/platform/app-versions';

// Caches the whole app shell on install, so after one visit the app opens with no network.
// A new version installs beside the old one and waits until the user presses Reload (or no
// tab of the old one is left): open tabs keep running the old code, whose lazy chunks are
// served from the old cache until no tab runs that version (docs/hosting.md, Updates).
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = cacheName(version);
// The Japanese fallback fonts (11 MB) are only needed for CJK names: cached on first use.
const ON_DEMAND = /NotoSansJP_/;
// `_headers` is read by the host, never served (one missing file would fail the whole install).
const SHELL = [...build, ...files, ...prerendered].filter(
	(path) => !ON_DEMAND.test(path) && !path.endsWith('/_headers')
);

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)));
});

sw.addEventListener('message', (event) => {
	if (event.data === SKIP_WAITING) event.waitUntil(sw.skipWaiting());
	else if (event.data === WHICH_VERSION) event.ports[0]?.postMessage(version);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const keys = await caches.keys();
			await prune(keys);
			// On the first visit no worker ran the open pages, so taking them over swaps nothing.
			if (olderCaches(keys, version).length === 0) await sw.clients.claim();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	// AWS calls, other origins and non-GETs always go to the network.
	if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
	// A navigation often means a tab closed or reloaded: a chance to drop unused versions.
	if (request.mode === 'navigate') event.waitUntil(caches.keys().then(prune));
	event.respondWith(respond(request));
});

/** Deletes the caches of older versions that no open tab runs. */
async function prune(keys: string[]): Promise<void> {
	const locks = 'locks' in sw.navigator ? await sw.navigator.locks.query() : undefined;
	const running = locks && runningVersions((locks.held ?? []).map((lock) => lock.name));
	await Promise.all(staleCaches(keys, version, running).map((key) => caches.delete(key)));
}

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
	const cached = (await cache.match(request)) ?? (await fromOlderVersion(request));
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok && ON_DEMAND.test(new URL(request.url).pathname)) {
		await cache.put(request, response.clone());
	}
	return response;
}

/**
 * A tab still running an older version asks for hashed files only that version had (its
 * lazy chunks); they stay in its cache while it runs. Hashed names never change meaning,
 * so any version's copy is right; other files only ever come from the current cache.
 */
async function fromOlderVersion(request: Request): Promise<Response | undefined> {
	if (!new URL(request.url).pathname.includes('/_app/immutable/')) return undefined;
	for (const key of await caches.keys()) {
		if (key === CACHE || !isAppCache(key)) continue;
		const cached = await (await caches.open(key)).match(request);
		if (cached) return cached;
	}
	return undefined;
}
