import { describe, expect, it } from 'vitest';
import { SETTLE_MS, settle } from './sync-rules';

describe('settle (pull checkpoint)', () => {
	it('moves the checkpoint only to changes seen by a pull that started long enough before', () => {
		let state = { checkpoint: 0, candidates: [] as { seq: number; at: number }[] };
		state = settle(state, 40, 1_000, 1_500);
		expect(state.checkpoint).toBe(0);
		state = settle(state, 55, 1_500 + SETTLE_MS - 1, 1_500 + SETTLE_MS);
		expect(state.checkpoint).toBe(0);
		state = settle(state, 55, 1_500 + SETTLE_MS, 1_600 + SETTLE_MS);
		expect(state.checkpoint).toBe(40);
		expect(state.candidates.map((c) => c.seq)).toEqual([55, 55]);
	});

	it('never moves backwards', () => {
		const state = settle(
			{ checkpoint: 90, candidates: [{ seq: 10, at: 0 }] },
			12,
			SETTLE_MS,
			SETTLE_MS
		);
		expect(state.checkpoint).toBe(90);
	});
});
