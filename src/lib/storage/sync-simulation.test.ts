import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programs, simulate } from '../testing/sync-simulation';
import { openIdbStore } from './idb-store';

/** Seeded, so a failure replays; the bench soak runs many more cases (npm run bench). */
const SEED = 20261203;

describe('sync fault simulation', () => {
	it('3–5 devices under random faults converge, lose no write, resurrect nothing and go quiet', async () => {
		await fc.assert(
			fc.asyncProperty(programs, async (program) => {
				const { violations } = await simulate(program);
				expect(violations).toEqual([]);
			}),
			{ numRuns: Number(process.env.SIM_RUNS ?? 1000), seed: Number(process.env.SIM_SEED ?? SEED) }
		);
	}, 120_000);

	it('holds with IndexedDB stores that pack every import (pending-packs.ts)', async () => {
		let opened = 0;
		const openStore = () => openIdbStore(`simulation-${++opened}`, { packFrom: 1 });
		await fc.assert(
			fc.asyncProperty(programs, async (program) => {
				const { violations } = await simulate(program, { openStore });
				expect(violations).toEqual([]);
			}),
			{ numRuns: Number(process.env.SIM_RUNS ?? 150), seed: SEED + 1 }
		);
	}, 120_000);
});
