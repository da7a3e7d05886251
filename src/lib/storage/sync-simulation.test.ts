import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programs, simulate, type Program } from '../testing/sync-simulation';
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

/** Programs the bench soak failed on once, shrunk; each replays the case exactly. */
const FOUND_BY_SOAK: [string, Program][] = [
	[
		'a backup holding a delete, imported on a device that edited the record since',
		{
			devices: 3,
			skews: [0, 0, 0],
			steps: [
				{ kind: 'sync', device: 1, faults: true, reconcile: false },
				{ kind: 'create', device: 1 },
				{ kind: 'sync', device: 4, faults: false, reconcile: false },
				{ kind: 'sync', device: 0, faults: false, reconcile: false },
				{ kind: 'delete', device: 1, pick: 0 },
				{ kind: 'edit', device: 0, pick: 0, fields: ['notes'], duringPull: false },
				{ kind: 'sync', device: 0, faults: false, reconcile: false },
				{ kind: 'import', device: 0, from: 1 },
				{ kind: 'edit', device: 0, pick: 0, fields: ['notes'], duringPull: false },
				{ kind: 'edit', device: 0, pick: 0, fields: ['notes'], duringPull: false },
				{ kind: 'sync', device: 0, faults: false, reconcile: false }
			],
			faultSeed: 0,
			faultRate: 0.05
		}
	],
	[
		'a backup holding a delete, imported on a device that never had the record',
		{
			devices: 4,
			skews: [0, 0, 0, 0],
			steps: [
				{ kind: 'create', device: 0 },
				{ kind: 'sync', device: 0, faults: false, reconcile: false },
				{ kind: 'edit', device: 0, pick: 0, fields: ['notes'], duringPull: false },
				{ kind: 'renumber', device: 0, pick: 0, editFirst: false },
				{ kind: 'restore', device: 0, pick: 0 },
				{ kind: 'sync', device: 3, faults: false, reconcile: false },
				{ kind: 'delete', device: 3, pick: 0 },
				{ kind: 'import', device: 1, from: 3 }
			],
			faultSeed: 0,
			faultRate: 0.05
		}
	]
];

describe('cases the soak found', () => {
	it.each(FOUND_BY_SOAK)('%s: nothing deleted comes back', async (_, program) => {
		expect((await simulate(program)).violations).toEqual([]);
	});
});
