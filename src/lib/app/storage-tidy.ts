/**
 * Moves the records a big write packed (storage/record-packs.ts) into their stores, a pack at
 * a time while the page is idle. Reads find them either way, but packed ones are slower to
 * find one by one. One run per store at a time; a run in another tab meanwhile is harmless.
 */
import type { RecordStore } from '../storage/record-store';

const running = new WeakMap<object, Promise<void>>();

/** Resolves when the page has a moment: each pack takes tens of milliseconds to move. */
export function whenIdle(): Promise<void> {
	return new Promise((resolve) =>
		typeof requestIdleCallback === 'function'
			? requestIdleCallback(() => resolve(), { timeout: 1000 })
			: setTimeout(resolve, 0)
	);
}

export function tidyWhenIdle(
	store: Pick<RecordStore, 'tidy'>,
	idle: () => Promise<void> = whenIdle
): Promise<void> {
	let run = running.get(store);
	if (!run) {
		run = (async () => {
			try {
				do await idle();
				while (await store.tidy());
			} catch {
				// Left packed: every read still finds them, and the next load tries again.
			} finally {
				running.delete(store);
			}
		})();
		running.set(store, run);
	}
	return run;
}
