/** Resolves when the page has a moment to spare (at the latest after a second). */
export function whenIdle(): Promise<void> {
	return new Promise((resolve) =>
		typeof requestIdleCallback === 'function'
			? requestIdleCallback(() => resolve(), { timeout: 1000 })
			: setTimeout(resolve, 0)
	);
}
