/**
 * Whether a form holds unsaved changes: its values compared with those it was filled from,
 * so typing a value back to what was loaded is no change, and nothing is flagged per keystroke.
 * Forms hold plain data (strings, numbers, arrays, objects). Pure.
 */
export function hasChanges(loaded: unknown, current: unknown): boolean {
	if (Object.is(loaded, current)) return false;
	if (typeof loaded !== 'object' || typeof current !== 'object' || !loaded || !current) return true;
	if (Array.isArray(loaded) !== Array.isArray(current)) return true;
	const before = loaded as Record<string, unknown>;
	const after = current as Record<string, unknown>;
	const keys = Object.keys(before);
	if (keys.length !== Object.keys(after).length) return true;
	return keys.some((key) => !Object.hasOwn(after, key) || hasChanges(before[key], after[key]));
}
