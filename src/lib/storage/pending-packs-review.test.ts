/**
 * Adversarial review of pending packs (commit 88176ff): what the step-by-step comparison in
 * pending-packs.test.ts leaves out — other collections, ids with ':', several versions of one
 * record in one batch, batches over 200 keys, several keys per call, failed writes.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeClient, makeInvoice } from '../testing/factories';
import { openIdbStore } from './idb-store';
import { MemoryRecordStore } from './memory-store';
import {
	COLLECTIONS,
	outboxKey,
	type Change,
	type CollectionName,
	type LocalWrite,
	type OutboxEntry,
	type RecordStore,
	type Resolution,
	type WriteOrigin
} from './record-store';

let dbCount = 0;

async function openPacking() {
	const name = `packs-review-${++dbCount}`;
	return { name, store: await openIdbStore(name, { packFrom: 1 }) };
}

type Coll = 'invoices' | 'clients';
const COLLS: Coll[] = ['invoices', 'clients'];
const IDS = ['a', 'b:c', 'x:', 'a:b:c'];
const BULK = Array.from({ length: 230 }, (_, n) => `n:${String(n).padStart(3, '0')}`);

const stamp = (n: number, k = 0) => `h${String(n).padStart(4, '0')}-${k}`;
const make = (collection: Coll, id: string, hlc: string, notes: string): Change =>
	collection === 'invoices'
		? { collection, record: makeInvoice({ id, hlc, notes }) }
		: { collection, record: makeClient({ id, hlc, name: notes }) };

const target = fc.record({
	collection: fc.constantFrom<Coll>(...COLLS),
	id: fc.constantFrom(...IDS)
});
type Target = { collection: Coll; id: string };

type Step =
	| { kind: 'write'; targets: Target[]; origin: WriteOrigin; expectStored: boolean }
	| { kind: 'bulk'; origin: WriteOrigin; bump: boolean; repeat: boolean }
	| { kind: 'bulkAck'; older: boolean }
	| { kind: 'bulkSending' }
	| { kind: 'acknowledge'; targets: Target[]; older: boolean }
	| { kind: 'markSending'; targets: Target[] }
	| { kind: 'markFailed'; target: Target }
	| { kind: 'resolve'; targets: Target[]; record: boolean; entry: 'drop' | 'keep' | 'change' }
	| { kind: 'clear' };

const targets = fc.uniqueArray(target, {
	minLength: 1,
	maxLength: 4,
	selector: (t) => `${t.collection}:${t.id}`
});

const step: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('write' as const),
			// Not unique: several versions of one record in one batch.
			targets: fc.array(target, { minLength: 1, maxLength: 6 }),
			origin: fc.constantFrom<WriteOrigin>('import', 'import', 'edit', 'created'),
			expectStored: fc.boolean()
		})
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('bulk' as const),
			origin: fc.constantFrom<WriteOrigin>('import', 'import', 'edit'),
			bump: fc.boolean(),
			repeat: fc.boolean()
		})
	},
	{
		weight: 1,
		arbitrary: fc.record({ kind: fc.constant('bulkAck' as const), older: fc.boolean() })
	},
	{ weight: 1, arbitrary: fc.constant({ kind: 'bulkSending' as const }) },
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('acknowledge' as const),
			targets,
			older: fc.boolean()
		})
	},
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('markSending' as const), targets }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('markFailed' as const), target }) },
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('resolve' as const),
			targets,
			record: fc.boolean(),
			entry: fc.constantFrom('drop' as const, 'keep' as const, 'change' as const)
		})
	},
	{ weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) }
);

async function run(store: RecordStore, s: Step, n: number): Promise<unknown> {
	const pendingOf = async (collection: CollectionName, id: string) =>
		(await store.pendingOf([outboxKey(collection, id)]))[0];
	const settle = (p: Promise<unknown>) =>
		p.then(
			(value) => value ?? 'done',
			(error: Error) => `${error.name} ${'keys' in error ? String(error.keys) : ''}`
		);
	switch (s.kind) {
		case 'write': {
			const writes: LocalWrite[] = [];
			const seen = new Map<string, string | undefined>();
			for (const [k, { collection, id }] of s.targets.entries()) {
				const key = outboxKey(collection, id);
				const before = seen.has(key) ? seen.get(key) : (await store.get(collection, id))?.hlc;
				const change = make(collection, id, stamp(n, k), `${s.origin} ${n}.${k}`);
				seen.set(key, change.record.hlc);
				writes.push({
					change,
					origin: s.origin,
					...(s.expectStored ? { expected: { hlc: before } } : {})
				});
			}
			return settle(store.write(writes));
		}
		case 'bulk': {
			// Repeated: a second version of some of them, and of a few small ids, in the same batch.
			const ids = s.repeat ? [...BULK, ...BULK.slice(0, 30), ...IDS] : BULK;
			return settle(
				store.write(
					ids.map((id, k) => ({
						change: make('invoices', id, s.bump ? stamp(n, k) : stamp(0, k), `bulk ${n}`),
						origin: s.origin
					}))
				)
			);
		}
		case 'bulkAck': {
			const records = await store.getMany('invoices', BULK);
			return settle(
				store.acknowledge(
					records.flatMap((record) =>
						record
							? [
									{
										key: outboxKey('invoices', record.id),
										record: s.older ? { ...record, hlc: stamp(0, 999) } : record
									}
								]
							: []
					)
				)
			);
		}
		case 'bulkSending': {
			const records = await store.getMany('invoices', BULK);
			return settle(
				store.markSending(
					records.flatMap((record) => (record ? [{ collection: 'invoices' as const, record }] : []))
				)
			);
		}
		case 'acknowledge': {
			const acks = [];
			for (const { collection, id } of s.targets) {
				const record = await store.get(collection, id);
				if (record) {
					acks.push({
						key: outboxKey(collection, id),
						record: s.older ? { ...record, hlc: stamp(0, 999) } : record
					});
				}
			}
			return settle(store.acknowledge(acks));
		}
		case 'markSending': {
			const changes: Change[] = [];
			for (const { collection, id } of s.targets) {
				const record = await store.get(collection, id);
				if (record) changes.push({ collection, record } as Change);
			}
			return settle(store.markSending(changes));
		}
		case 'markFailed':
			return settle(store.markFailed(outboxKey(s.target.collection, s.target.id), `failed ${n}`));
		case 'resolve': {
			const resolutions: Resolution[] = [];
			for (const [k, { collection, id }] of s.targets.entries()) {
				const record = await store.get(collection, id);
				const entry = await pendingOf(collection, id);
				resolutions.push({
					collection,
					id,
					expected: { hlc: record?.hlc, pendingHlc: entry?.hlc },
					...(s.record ? { record: make(collection, id, stamp(n, k), 'cloud').record } : {}),
					entry:
						s.entry === 'drop'
							? null
							: s.entry === 'change' && entry
								? { ...entry, attempts: entry.attempts + 5 }
								: undefined
				});
			}
			const stale = await store.resolve(resolutions);
			return stale.map((r) => outboxKey(r.collection, r.id));
		}
		case 'clear':
			return settle(store.clearData());
	}
}

const byKey = (entries: OutboxEntry[]) =>
	[...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const ALL_KEYS = [
	...COLLS.flatMap((c) => IDS.map((id) => outboxKey(c, id))),
	...BULK.map((id) => outboxKey('invoices', id))
];

async function state(store: RecordStore) {
	return {
		outbox: byKey(await store.outbox()),
		failing: byKey(await store.failingOutbox()),
		count: await store.pendingCount(),
		pendingOf: await store.pendingOf(ALL_KEYS),
		records: await Promise.all(
			COLLECTIONS.map(async (c) =>
				(await store.all(c)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
			)
		)
	};
}

async function rawDb(name: string): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(name);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

function getAll<T>(db: IDBDatabase, storeName: string): Promise<T[]> {
	return new Promise((resolve, reject) => {
		const request = db.transaction(storeName).objectStore(storeName).getAll();
		request.onsuccess = () => resolve(request.result as T[]);
		request.onerror = () => reject(request.error);
	});
}

/** Invariant 3: no key both packed and in the outbox; a packed key's record has its stamp. */
async function packsHold(name: string): Promise<string[]> {
	const db = await rawDb(name);
	const problems: string[] = [];
	const packs = await getAll<{ collection: Coll; keys: string[]; hlcs: string[] }>(
		db,
		'pending-packs'
	);
	const outbox = new Set((await getAll<OutboxEntry>(db, 'outbox')).map((e) => e.key));
	// Invoices may still be packed themselves (record-packs.ts); one in its store stands over that.
	const recordPacks = await getAll<{ records: { id: string; hlc: string }[] }>(db, 'record-packs');
	const seen = new Set<string>();
	const packedInvoices = new Set<string>();
	for (const pack of recordPacks) {
		for (const record of pack.records) {
			if (packedInvoices.has(record.id)) problems.push(`invoice ${record.id} in two record packs`);
			packedInvoices.add(record.id);
		}
	}
	for (const pack of packs) {
		const records = new Map(
			[
				...(pack.collection === 'invoices' ? recordPacks.flatMap((p) => p.records) : []),
				...(await getAll<{ id: string; hlc: string }>(db, pack.collection))
			].map((r) => [r.id, r])
		);
		pack.keys.forEach((key, i) => {
			if (outbox.has(key)) problems.push(`${key} packed and in the outbox`);
			if (seen.has(key)) problems.push(`${key} packed twice`);
			seen.add(key);
			const record = records.get(key.slice(pack.collection.length + 1));
			if (record?.hlc !== pack.hlcs[i]) problems.push(`${key} packed at ${pack.hlcs[i]}`);
		});
	}
	db.close();
	return problems;
}

describe('packing is invisible, beyond one collection and one key a call (review)', () => {
	it('matches the in-memory store over collections, ids with ":", repeated versions and bulk batches', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
				const memory = new MemoryRecordStore();
				const { name, store: packed } = await openPacking();
				for (const [n, s] of steps.entries()) {
					const results = [await run(memory, s, n + 1), await run(packed, s, n + 1)];
					expect(results[1], `step ${n}: ${JSON.stringify(s)}`).toEqual(results[0]);
					expect(await packsHold(name), `after step ${n}`).toEqual([]);
					expect(await state(packed), `after step ${n}`).toEqual(await state(memory));
				}
			}),
			{ numRuns: Number(process.env.RUNS ?? 60) }
		);
	}, 120_000);
});

/** Everything the store says, and the packs as they are stored. */
async function snapshot(name: string, store: RecordStore) {
	const db = await rawDb(name);
	const packs = await getAll(db, 'pending-packs');
	db.close();
	return { packs, ...(await state(store)) };
}

describe('a failed write over packed changes leaves them as they were (review)', () => {
	const ids = Array.from({ length: 700 }, (_, n) => `i:${String(n).padStart(4, '0')}`);
	const imported = ids.map((id): LocalWrite => ({
		change: make('invoices', id, stamp(1), 'file'),
		origin: 'import'
	}));
	const edits = ids.map((id, k): LocalWrite => ({
		change: make('invoices', id, stamp(2, k), 'edited'),
		origin: 'edit'
	}));

	it('cancelled at each progress report of a write that takes keys out of packs', async () => {
		for (const report of [0, 1, 2]) {
			const { name, store } = await openPacking();
			await store.write(imported);
			const before = await snapshot(name, store);
			expect(before.packs.length).toBeGreaterThan(0);
			const controller = new AbortController();
			let seen = 0;
			const writing = store.write(edits, {
				signal: controller.signal,
				onProgress: () => {
					if (seen++ === report) controller.abort();
				}
			});
			await expect(writing).rejects.toMatchObject({ name: 'AbortError' });
			expect(await snapshot(name, store), `report ${report}`).toEqual(before);
		}
	});

	it('cancelled at any moment, it is all or nothing', async () => {
		const mixed = [...edits.slice(0, 300), ...imported.slice(500), ...edits.slice(100, 120)].concat(
			['new:1', 'new:2'].map((id) => ({
				change: make('clients', id, stamp(4), 'file'),
				origin: 'import' as const
			}))
		);
		let completed = false;
		for (let ticks = 0; !completed; ticks++) {
			const { name, store } = await openPacking();
			await store.write(imported.slice(0, 600));
			await store.write([{ change: make('invoices', 'i:0650', stamp(5), 'own'), origin: 'edit' }]);
			const before = await snapshot(name, store);
			const controller = new AbortController();
			const writing = store.write(mixed, { signal: controller.signal }).then(
				() => 'written',
				(error: Error) => error.name
			);
			for (let t = 0; t < ticks; t++) await new Promise((resolve) => setTimeout(resolve, 0));
			controller.abort();
			const outcome = await writing;
			if (outcome === 'written') {
				completed = true;
				const reference = await openPacking();
				await reference.store.write(imported.slice(0, 600));
				await reference.store.write([
					{ change: make('invoices', 'i:0650', stamp(5), 'own'), origin: 'edit' }
				]);
				await reference.store.write(mixed);
				expect(await state(store)).toEqual(await state(reference.store));
			} else {
				expect(outcome, `after ${ticks} ticks`).toBe('AbortError');
				expect(await snapshot(name, store), `after ${ticks} ticks`).toEqual(before);
			}
			expect(await packsHold(name)).toEqual([]);
		}
	}, 120_000);

	it('failing on an uncloneable record after keys were taken out of packs', async () => {
		const { name, store } = await openPacking();
		await store.write(imported);
		const before = await snapshot(name, store);
		const bad = { ...makeInvoice({ id: 'bad', hlc: stamp(3) }), payments: [() => 0] } as never;
		await expect(
			store.write([...edits, { change: { collection: 'invoices', record: bad }, origin: 'import' }])
		).rejects.toThrow();
		expect(await snapshot(name, store)).toEqual(before);
	});
});

describe('an IndexedDB database of version 6 (review)', () => {
	it('upgrades with its records, pending and failing changes, and then packs imports', async () => {
		const name = 'packs-review-v6';
		const invoice = makeInvoice({ id: 'old:1', hlc: stamp(1) });
		const entry: OutboxEntry = {
			key: outboxKey('invoices', 'old:1'),
			collection: 'invoices',
			id: 'old:1',
			hlc: stamp(1),
			isNew: true,
			attempts: 2,
			lastError: 'offline'
		};
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.open(name, 6);
			request.onupgradeneeded = () => {
				const db = request.result;
				db.createObjectStore('invoices', { keyPath: 'id' }).createIndex(
					'by-issue-date',
					'issueDate'
				);
				db.createObjectStore('clients', { keyPath: 'id' });
				for (const store of ['profile', 'schedules', 'logos']) {
					db.createObjectStore(store, { keyPath: 'id' });
				}
				db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('by-error', 'lastError');
				db.createObjectStore('meta', { keyPath: 'key' });
				db.createObjectStore('conflicts', { keyPath: 'key' });
				request.transaction!.objectStore('invoices').put(invoice);
				request.transaction!.objectStore('outbox').put(entry);
			};
			request.onsuccess = () => {
				request.result.close();
				resolve();
			};
			request.onerror = () => reject(request.error);
		});
		const store = await openIdbStore(name, { packFrom: 1 });
		expect(await store.outbox()).toEqual([entry]);
		expect(await store.failingOutbox()).toEqual([entry]);
		expect(await store.pendingCount()).toBe(1);
		await store.write(
			['a', 'b'].map((id) => ({ change: make('invoices', id, stamp(2), 'file'), origin: 'import' }))
		);
		expect(await store.pendingCount()).toBe(3);
		expect((await store.outbox()).map((e) => e.key)).toEqual([
			'invoices:a',
			'invoices:b',
			'invoices:old:1'
		]);
		expect(await packsHold(name)).toEqual([]);
	});
});
