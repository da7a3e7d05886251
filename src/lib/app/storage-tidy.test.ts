import { describe, expect, it } from 'vitest';
import { tidyWhenIdle } from './storage-tidy';

describe('tidyWhenIdle', () => {
	it('moves one pack per idle moment until none is left, one run at a time', async () => {
		let packs = 3;
		const moments: string[] = [];
		const store = {
			tidy: async () => {
				moments.push('tidy');
				return packs-- > 0;
			}
		};
		const idle = async () => void moments.push('idle');
		const first = tidyWhenIdle(store, idle);
		expect(tidyWhenIdle(store, idle)).toBe(first);
		await first;
		expect(moments).toEqual(['idle', 'tidy', 'idle', 'tidy', 'idle', 'tidy', 'idle', 'tidy']);
		// Finished: the next call starts a new run.
		await tidyWhenIdle(store, idle);
		expect(moments.filter((m) => m === 'tidy')).toHaveLength(5);
	});

	it('stops quietly when a step fails, so the next call can try again', async () => {
		const store = { tidy: async () => Promise.reject(new Error('disk full')) };
		await expect(tidyWhenIdle(store, async () => {})).resolves.toBeUndefined();
	});
});
