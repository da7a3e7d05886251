/**
 * Which version of the app each cache holds and each open tab runs, shared by the pages and
 * the service worker. A tab holds a shared Web Lock named after its version for as long as it
 * is open (the browser lets go when it closes or reloads), so the worker can tell which old
 * versions' files are still needed. Pure.
 */

const CACHE_PREFIX = 'invoicelab-';
const LOCK_PREFIX = 'invoicelab-version:';

/** What a page posts to the waiting worker when its user presses Reload. */
export const SKIP_WAITING = 'skip-waiting';
/** What a page posts, with a port for the answer, to learn a worker's version. */
export const WHICH_VERSION = 'which-version';

export function cacheName(version: string): string {
	return `${CACHE_PREFIX}${version}`;
}

export function isAppCache(key: string): boolean {
	return key.startsWith(CACHE_PREFIX);
}

export function versionLock(version: string): string {
	return `${LOCK_PREFIX}${version}`;
}

/** The versions open tabs run, from the names of the locks held in the origin. */
export function runningVersions(lockNames: Iterable<string | undefined>): Set<string> {
	const versions = new Set<string>();
	for (const name of lockNames) {
		if (name?.startsWith(LOCK_PREFIX)) versions.add(name.slice(LOCK_PREFIX.length));
	}
	return versions;
}

/**
 * The app's caches made before the current version's; later ones belong to a newer worker
 * still installing or waiting. Cache names list in the order the caches were made. None when
 * the current cache is missing, as then old cannot be told from new.
 */
export function olderCaches(keys: readonly string[], current: string): string[] {
	const index = keys.indexOf(cacheName(current));
	return keys.slice(0, Math.max(index, 0)).filter(isAppCache);
}

/**
 * The older caches no open tab needs: those whose version no tab runs. `running` is
 * undefined where the browser has no Web Locks; then the cache made just before the current
 * one is kept, which covers tabs left open across one deploy.
 */
export function staleCaches(
	keys: readonly string[],
	current: string,
	running: ReadonlySet<string> | undefined
): string[] {
	const older = olderCaches(keys, current);
	if (running === undefined) return older.slice(0, -1);
	return older.filter((key) => !running.has(key.slice(CACHE_PREFIX.length)));
}
