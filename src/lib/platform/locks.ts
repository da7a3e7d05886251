/** Runs work while holding a lock shared by every tab; false when another tab holds it. */
export type ExclusiveRunner = (name: string, work: () => Promise<void>) => Promise<boolean>;

/** Web Locks: one holder across all tabs of the origin, released if a tab closes or crashes. */
export const webLocks: ExclusiveRunner = async (name, work) => {
	if (!('locks' in navigator)) {
		await work();
		return true;
	}
	return navigator.locks.request(name, { ifAvailable: true }, async (lock) => {
		if (!lock) return false;
		await work();
		return true;
	});
};

/** The same rule within one process, for tests. */
export function memoryLocks(): ExclusiveRunner {
	const held = new Set<string>();
	return async (name, work) => {
		if (held.has(name)) return false;
		held.add(name);
		try {
			await work();
			return true;
		} finally {
			held.delete(name);
		}
	};
}
