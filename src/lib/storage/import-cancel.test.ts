/**
 * An import is all or nothing, also when it is cancelled or fails part way: whatever the
 * moment, the local data and the outbox are either as they were or fully imported.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MemoryTabNetwork } from '../platform/channel';
import { ManualClock } from '../platform/clock';
import { SequentialIds } from '../platform/ids';
import { makeDataset, makeInvoiceDraft } from '../testing/factories';
import { openIdbStore } from './idb-store';
import { MemoryRecordStore } from './memory-store';
import { COLLECTIONS, type Change, type RecordStore } from './record-store';
import { Repository, type ChangeNotice } from './repository';

let dbCount = 0;
const implementations: [string, () => Promise<RecordStore>][] = [
	['memory', async () => new MemoryRecordStore()],
	['IndexedDB', () => openIdbStore(`import-cancel-${++dbCount}`)],
	// Every import's pending changes packed (pending-packs.ts): the same behaviour.
	['IndexedDB packing imports', () => openIdbStore(`import-cancel-${++dbCount}`, { packFrom: 1 })]
];

/** Enough records for the write to report progress several times. */
const { clients, invoices } = makeDataset(700, 20);
const FILE: Change[] = [
	...clients.map((record) => ({ collection: 'clients', record }) as Change),
	...invoices.map((record) => ({ collection: 'invoices', record }) as Change)
];

/** Everything the store holds, in a stable order. */
async function contents(store: RecordStore) {
	const byKey = <T extends { id?: string; key?: string }>(items: T[]) =>
		items.sort((a, b) => String(a.key ?? a.id).localeCompare(String(b.key ?? b.id)));
	const records = await Promise.all(COLLECTIONS.map(async (c) => byKey(await store.all(c))));
	return {
		records,
		outbox: byKey(await store.outbox()),
		conflicts: byKey(await store.conflicts())
	};
}

/**
 * A device with data of its own (a pending edit of a record the file also holds) and a
 * repository to import with, whose store aborts `controller` when the import calls it for the
 * `abortAt`-th time.
 */
async function device(open: () => Promise<RecordStore>, controller: AbortController, abortAt = 0) {
	const store = await open();
	const clock = new ManualClock(Date.parse('2026-03-01T10:00:00Z'));
	const repository = new Repository(
		store,
		clock,
		new SequentialIds(),
		new MemoryTabNetwork<ChangeNotice>().join(),
		'dev-a'
	);
	await repository.save('invoices', makeInvoiceDraft({ notes: 'made here' }));
	await repository.save('invoices', { ...makeInvoiceDraft(), id: 'inv-3' });
	let calls = 0;
	const counted = new Proxy(store, {
		get(target, name, receiver) {
			const value = Reflect.get(target, name, receiver);
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				if (++calls === abortAt) controller.abort();
				return value.apply(target, args);
			};
		}
	});
	const importing = new Repository(
		counted,
		clock,
		new SequentialIds('import'),
		new MemoryTabNetwork<ChangeNotice>().join(),
		'dev-a'
	);
	return { store, repository: importing, before: await contents(store), calls: () => calls };
}

async function fullImport(open: () => Promise<RecordStore>) {
	const { store, repository, calls } = await device(open, new AbortController());
	await repository.merge(FILE);
	return { contents: await contents(store), calls: calls() };
}

describe.each(implementations)('%s: importing', (_, open) => {
	it('cancelled at any step, writes nothing; cancelled after it was written, it is whole', async () => {
		const full = await fullImport(open);
		expect(full.contents.records[0]!.length).toBe(invoices.length + 1);
		for (let step = 1; step <= full.calls; step++) {
			const controller = new AbortController();
			const run = await device(open, controller, step);
			const outcome = await run.repository
				.merge(FILE, { signal: controller.signal })
				.then(() => 'imported' as const)
				.catch((error: Error) => error.name);
			expect(controller.signal.aborted).toBe(true);
			if (outcome === 'imported') {
				// Only once everything is committed may the cancel come too late.
				expect(step).toBe(full.calls);
				expect(await contents(run.store)).toEqual(full.contents);
			} else {
				expect(outcome).toBe('AbortError');
				expect(await contents(run.store)).toEqual(run.before);
			}
		}
	});

	it('cancelled while the records are being written, writes none of them', async () => {
		const full = await fullImport(open);
		const reports: number[] = [];
		await (
			await device(open, new AbortController())
		).repository.merge(FILE, { onProgress: (done) => reports.push(done) });
		expect(reports.length).toBeGreaterThan(2);
		const last = reports.length - 1;
		// The first report, the second, one midway, and the last (everything is written by then).
		for (const report of new Set([0, 1, Math.floor(last / 2), last])) {
			const controller = new AbortController();
			const { store, repository, before } = await device(open, controller);
			let seen = 0;
			const cancelled = repository.merge(FILE, {
				signal: controller.signal,
				onProgress: () => {
					if (seen++ === report) controller.abort();
				}
			});
			await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
			expect(await contents(store)).toEqual(before);
		}
		expect(full.contents.outbox.length).toBeGreaterThan(invoices.length);
	});

	it('failing in the middle of the write, writes nothing', async () => {
		const controller = new AbortController();
		const { store, repository, before } = await device(open, controller);
		let reports = 0;
		const failing = repository.merge(FILE, {
			onProgress: () => {
				if (++reports === 2) throw new Error('the disk is full');
			}
		});
		await expect(failing).rejects.toThrow('the disk is full');
		expect(await contents(store)).toEqual(before);
	});
});
