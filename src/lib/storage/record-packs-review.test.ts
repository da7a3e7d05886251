/**
 * Adversarial review of record packs (commits ceb798f..cbd155e): what record-packs.test.ts and
 * the step-by-step comparison in pending-packs.test.ts leave out — clients and invoices in one
 * packing write, ids with ':', one id twice in a write, kinds and tombstones in the newest
 * page, ties across packs and the store, reads of more than 200 ids, tidying at the same time
 * as other operations, cancelled and failing writes, and older databases.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentKind, Invoice } from '../invoice/schema';
import { makeClient, makeInvoice } from '../testing/factories';
import { openIdbStore } from './idb-store';
import { MemoryRecordStore } from './memory-store';
import {
	outboxKey,
	type Change,
	type LocalWrite,
	type OutboxEntry,
	type RecordStore,
	type Resolution,
	type WriteOrigin
} from './record-store';

let dbCount = 0;
async function openPacking() {
	const name = `record-packs-review-${++dbCount}`;
	return { name, store: await openIdbStore(name, { packFrom: 1 }) };
}

type Coll = 'invoices' | 'clients';
const KINDS: DocumentKind[] = ['invoice', 'quote', 'credit-note'];
const IDS = ['a', 'b:c', 'x:', 'a:b:c', 'q'];
const BULK = Array.from({ length: 230 }, (_, n) => `n:${String(n).padStart(3, '0')}`);
const stamp = (n: number, k = 0) => `h${String(n).padStart(4, '0')}-${String(k).padStart(3, '0')}`;

interface Shape {
	day: number;
	kind: number;
	deleted: boolean;
}
const shape: fc.Arbitrary<Shape> = fc.record({
	day: fc.integer({ min: 1, max: 4 }),
	kind: fc.integer({ min: 0, max: 2 }),
	deleted: fc.boolean()
});

function invoice(id: string, hlc: string, notes: string, { day, kind, deleted }: Shape): Invoice {
	return makeInvoice({
		id,
		hlc,
		notes,
		issueDate: `2026-01-0${day}`,
		...(kind ? { kind: KINDS[kind] as Exclude<DocumentKind, 'invoice'> } : {}),
		...(deleted ? { deleted: true } : {})
	});
}

function make(collection: Coll, id: string, hlc: string, notes: string, s: Shape): Change {
	return collection === 'invoices'
		? { collection, record: invoice(id, hlc, notes, s) }
		: { collection, record: makeClient({ id, hlc, name: notes }) };
}

type Target = { collection: Coll; id: string; shape: Shape };
const target: fc.Arbitrary<Target> = fc.record({
	collection: fc.constantFrom<Coll>('invoices', 'invoices', 'clients'),
	id: fc.constantFrom(...IDS),
	shape
});

type Ending = 'commit' | 'abort' | 'stale' | 'uncloneable';

type Step =
	| { kind: 'write'; targets: Target[]; origin: WriteOrigin; expectStored: boolean; end: Ending }
	| {
			kind: 'bulk';
			origin: WriteOrigin;
			from: number;
			length: number;
			shift: number;
			withSmall: boolean;
			end: Ending;
	  }
	| { kind: 'acknowledge'; targets: Target[]; older: boolean }
	| { kind: 'bulkAck' }
	| { kind: 'markSending'; targets: Target[] }
	| { kind: 'markFailed'; target: Target }
	| { kind: 'resolve'; targets: Target[]; record: boolean; entry: 'drop' | 'keep' | 'change' }
	| { kind: 'clear' }
	| { kind: 'tidy'; times: number };

const ending = fc.constantFrom<Ending>(
	'commit',
	'commit',
	'commit',
	'abort',
	'stale',
	'uncloneable'
);
const someTargets = fc.uniqueArray(target, {
	minLength: 1,
	maxLength: 4,
	selector: (t) => `${t.collection}:${t.id}`
});

const step: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 5,
		arbitrary: fc.record({
			kind: fc.constant('write' as const),
			// Not unique: several versions of one record in one write.
			targets: fc.array(target, { minLength: 1, maxLength: 6 }),
			origin: fc.constantFrom<WriteOrigin>('import', 'import', 'edit', 'created'),
			expectStored: fc.boolean(),
			end: ending
		})
	},
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('bulk' as const),
			origin: fc.constantFrom<WriteOrigin>('import', 'import', 'edit'),
			from: fc.integer({ min: 0, max: 200 }),
			length: fc.integer({ min: 1, max: 230 }),
			shift: fc.integer({ min: 0, max: 6 }),
			withSmall: fc.boolean(),
			end: ending
		})
	},
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('acknowledge' as const),
			targets: someTargets,
			older: fc.boolean()
		})
	},
	{ weight: 1, arbitrary: fc.constant({ kind: 'bulkAck' as const }) },
	{
		weight: 2,
		arbitrary: fc.record({ kind: fc.constant('markSending' as const), targets: someTargets })
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('markFailed' as const), target }) },
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('resolve' as const),
			targets: someTargets,
			record: fc.boolean(),
			entry: fc.constantFrom('drop' as const, 'keep' as const, 'change' as const)
		})
	},
	{ weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('tidy' as const),
			times: fc.integer({ min: 1, max: 3 })
		})
	}
);

/** A write that ends as `end` says: committed, cancelled at its last report, stale or failing. */
async function writeEnding(store: RecordStore, writes: LocalWrite[], end: Ending): Promise<string> {
	const controller = new AbortController();
	const all = [...writes];
	if (end === 'stale') {
		const { change } = all[all.length - 1]!;
		all[all.length - 1] = {
			...all[all.length - 1]!,
			expected: { hlc: `${change.record.hlc}-never` }
		};
	}
	if (end === 'uncloneable') {
		const bad = { ...invoice('bad:1', stamp(9999), 'bad', { day: 4, kind: 0, deleted: false }) };
		// First: the in-memory store applies a write record by record and stops at the bad one.
		all.unshift({
			change: { collection: 'invoices', record: { ...bad, payments: [() => 0] } as never },
			origin: 'import'
		});
	}
	return store
		.write(all, {
			signal: controller.signal,
			onProgress: (done, total) => {
				// Half way through a write of several slices, else at its last report.
				if (end === 'abort' && done * 2 >= total) controller.abort();
			}
		})
		.then(
			() => 'written',
			(error: Error) => `${error.name} ${'keys' in error ? String(error.keys) : ''}`
		);
}

/** Runs one step on a store; what it returns (or throws) is part of what must match. */
async function run(store: RecordStore, s: Step, n: number): Promise<unknown> {
	const settle = (p: Promise<unknown>) =>
		p.then(
			(value) => value ?? 'done',
			(error: Error) => `${error.name} ${'keys' in error ? String(error.keys) : ''}`
		);
	switch (s.kind) {
		case 'write': {
			const writes: LocalWrite[] = [];
			const seen = new Map<string, string | undefined>();
			for (const [k, { collection, id, shape }] of s.targets.entries()) {
				const key = outboxKey(collection, id);
				const before = seen.has(key) ? seen.get(key) : (await store.get(collection, id))?.hlc;
				const change = make(collection, id, stamp(n, k), `${s.origin} ${n}.${k}`, shape);
				seen.set(key, change.record.hlc);
				writes.push({
					change,
					origin: s.origin,
					...(s.expectStored ? { expected: { hlc: before } } : {})
				});
			}
			return writeEnding(store, writes, s.end);
		}
		case 'bulk': {
			const ids = BULK.slice(s.from, s.from + s.length);
			const writes: LocalWrite[] = ids.map((id, k) => ({
				change: make('invoices', id, stamp(n, k), `bulk ${n}`, {
					day: 1 + ((k + s.shift) % 4),
					kind: (k * 7 + s.shift) % 3,
					deleted: (k + s.shift) % 5 === 0
				}),
				origin: s.origin
			}));
			if (s.withSmall) {
				// Clients and small ids in the same write, and a second version of one bulk id.
				writes.push(
					...IDS.map((id, k) => ({
						change: make('clients', id, stamp(n, 500 + k), `bulk ${n}`, {
							day: 1,
							kind: 0,
							deleted: false
						}),
						origin: s.origin
					})),
					...IDS.slice(0, 3).map((id, k) => ({
						change: make('invoices', id, stamp(n, 600 + k), `bulk ${n}`, {
							day: 1 + ((k + s.shift) % 4),
							kind: k % 3,
							deleted: false
						}),
						origin: s.origin
					})),
					{
						change: make('invoices', ids[0]!, stamp(n, 700), `bulk ${n} again`, {
							day: 4,
							kind: 0,
							deleted: false
						}),
						origin: s.origin
					}
				);
			}
			return writeEnding(store, writes, s.end);
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
		case 'bulkAck': {
			const records = await store.getMany('invoices', BULK);
			return settle(
				store.acknowledge(
					records.flatMap((record, i) =>
						record && i % 2 === 0 ? [{ key: outboxKey('invoices', record.id), record }] : []
					)
				)
			);
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
			for (const [k, { collection, id, shape }] of s.targets.entries()) {
				const record = await store.get(collection, id);
				const entry = (await store.pendingOf([outboxKey(collection, id)]))[0];
				resolutions.push({
					collection,
					id,
					expected: { hlc: record?.hlc, pendingHlc: entry?.hlc },
					...(s.record ? { record: make(collection, id, stamp(n, k), 'cloud', shape).record } : {}),
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
		case 'tidy':
			for (let t = 0; t < s.times; t++) await store.tidy();
			return 'done';
	}
}

const byKey = (entries: OutboxEntry[]) =>
	[...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const byId = <T extends { id: string }>(records: T[]) =>
	[...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const ALL_IDS = [...IDS, ...BULK, 'bad:1', 'nope'];

async function state(store: RecordStore) {
	const newest: Record<string, Invoice[]> = {};
	for (const kind of KINDS) {
		for (const count of [1, 2, 3, 10, 100, 1000]) {
			newest[`${kind} ${count}`] = byId(await store.newestInvoices(kind, count));
		}
	}
	return {
		outbox: byKey(await store.outbox()),
		failing: byKey(await store.failingOutbox()),
		count: await store.pendingCount(),
		pendingOf: await store.pendingOf(ALL_IDS.map((id) => outboxKey('invoices', id))),
		invoices: byId(await store.all('invoices')),
		clients: byId(await store.all('clients')),
		manyInvoices: await store.getMany('invoices', [...ALL_IDS].reverse()),
		fewInvoices: await store.getMany('invoices', [...IDS, BULK[7]!, BULK[7]!, 'nope']),
		manyClients: await store.getMany('clients', ALL_IDS),
		each: await Promise.all(IDS.map((id) => store.get('invoices', id))),
		newest,
		conflicts: await store.conflicts()
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

/** The layout: each id in one pack at most, a pack's ids and `newest` match its invoices. */
async function recordPacksHold(name: string): Promise<string[]> {
	const db = await rawDb(name);
	const problems: string[] = [];
	const packs = await getAll<{ ids: string[]; records: Invoice[]; newest: string }>(
		db,
		'record-packs'
	);
	const stored = new Map((await getAll<Invoice>(db, 'invoices')).map((i) => [i.id, i]));
	const seen = new Set<string>();
	for (const pack of packs) {
		if (pack.records.length === 0) problems.push('an empty pack');
		const newest = pack.records.reduce((d, i) => (i.issueDate > d ? i.issueDate : d), '');
		if (newest !== pack.newest) problems.push(`pack newest ${pack.newest}, not ${newest}`);
		pack.records.forEach((record, i) => {
			if (pack.ids[i] !== record.id) problems.push(`pack id ${pack.ids[i]} at ${record.id}`);
			if (seen.has(record.id)) problems.push(`${record.id} in two packs`);
			seen.add(record.id);
			const over = stored.get(record.id);
			if (over && over.hlc < record.hlc) problems.push(`${record.id} stored older than packed`);
		});
	}
	db.close();
	return problems;
}

describe('record packs are invisible (review)', () => {
	it('an IndexedDB store packing every write matches the in-memory store, step by step', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
				const memory = new MemoryRecordStore();
				const { name, store: packed } = await openPacking();
				for (const [n, s] of steps.entries()) {
					const results = [await run(memory, s, n + 1), await run(packed, s, n + 1)];
					expect(results[1], `step ${n}: ${JSON.stringify(s)}`).toEqual(results[0]);
					expect(await recordPacksHold(name), `after step ${n}`).toEqual([]);
					expect(await state(packed), `after step ${n}`).toEqual(await state(memory));
				}
			}),
			{ numRuns: Number(process.env.RUNS ?? 40) }
		);
	}, 300_000);

	it('also where IndexedDB has no getAllRecords (Firefox, Safari): the newest page by cursor', async () => {
		const index = IDBIndex.prototype as Partial<{ getAllRecords: unknown }>;
		const getAllRecords = index.getAllRecords;
		expect(
			getAllRecords,
			'fake-indexeddb has it: the other test reads the Chromium way'
		).toBeDefined();
		delete index.getAllRecords;
		try {
			await fc.assert(
				fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
					const memory = new MemoryRecordStore();
					const { store: packed } = await openPacking();
					for (const [n, s] of steps.entries()) {
						const results = [await run(memory, s, n + 1), await run(packed, s, n + 1)];
						expect(results[1], `step ${n}: ${JSON.stringify(s)}`).toEqual(results[0]);
						expect(await state(packed), `after step ${n}`).toEqual(await state(memory));
					}
				}),
				{ numRuns: Number(process.env.RUNS ?? 15) }
			);
		} finally {
			index.getAllRecords = getAllRecords;
		}
	}, 300_000);

	it('tidying at the same time as any other operation changes nothing that is read', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
				const memory = new MemoryRecordStore();
				const { name, store: packed } = await openPacking();
				for (const [n, s] of steps.entries()) {
					const expected = await run(memory, s, n + 1);
					// Not awaited in between: the tidies' transactions fall before, between or after.
					const [got] = await Promise.all([
						run(packed, s, n + 1),
						packed.tidy(),
						packed.tidy(),
						Promise.resolve().then(() => packed.tidy())
					]);
					expect(got, `step ${n}: ${JSON.stringify(s)}`).toEqual(expected);
					expect(await recordPacksHold(name), `after step ${n}`).toEqual([]);
					expect(await state(packed), `after step ${n}`).toEqual(await state(memory));
				}
			}),
			{ numRuns: Number(process.env.RUNS ?? 25) }
		);
	}, 300_000);
});

/** What the raw database holds: records, packs and pending changes as they are stored. */
async function raw(name: string) {
	const db = await rawDb(name);
	const stores = ['invoices', 'clients', 'record-packs', 'outbox', 'pending-packs', 'conflicts'];
	const contents = Object.fromEntries(
		await Promise.all(stores.map(async (s) => [s, await getAll(db, s)] as const))
	);
	db.close();
	return contents;
}

describe('a cancelled or failing write of new invoices leaves no packs (review)', () => {
	const fresh = BULK.concat(Array.from({ length: 600 }, (_, n) => `m:${n}`)).map(
		(id, k): LocalWrite => ({
			change: make('invoices', id, stamp(3, k % 1000), 'file', {
				day: 1 + (k % 4),
				kind: k % 3,
				deleted: k % 11 === 0
			}),
			origin: 'import'
		})
	);
	const clients = IDS.map((id): LocalWrite => ({
		change: make('clients', id, stamp(3), 'file', { day: 1, kind: 0, deleted: false }),
		origin: 'import'
	}));

	it('cancelled at each progress report, after some packs were put', async () => {
		for (const report of [0, 1, 2, 3]) {
			const { name, store } = await openPacking();
			await store.write([
				{
					change: make('invoices', 'a', stamp(1), 'own', { day: 2, kind: 0, deleted: false }),
					origin: 'edit'
				}
			]);
			const before = await raw(name);
			const controller = new AbortController();
			let seen = 0;
			const writing = store.write([...clients, ...fresh], {
				signal: controller.signal,
				onProgress: () => {
					if (seen++ === report) controller.abort();
				}
			});
			await expect(writing, `report ${report}`).rejects.toMatchObject({ name: 'AbortError' });
			expect(await raw(name), `report ${report}`).toEqual(before);
			expect(await store.all('invoices')).toHaveLength(1);
			expect(await store.newestInvoices('invoice', 1000)).toHaveLength(1);
		}
	});

	it('failing on its last record, or on a stale expectation, after its packs were put', async () => {
		const { name, store } = await openPacking();
		const before = await raw(name);
		const bad = {
			change: {
				collection: 'invoices',
				record: { ...makeInvoice({ id: 'zz:bad' }), payments: [() => 0] }
			},
			origin: 'edit'
		} as never as LocalWrite;
		await expect(store.write([...clients, ...fresh, bad])).rejects.toThrow();
		expect(await raw(name)).toEqual(before);
		const stale: LocalWrite = { ...fresh[0]!, expected: { hlc: 'somewhere else' } };
		await expect(store.write([...fresh.slice(1), ...clients, stale])).rejects.toMatchObject({
			name: 'StaleWriteError'
		});
		expect(await raw(name)).toEqual(before);
		expect(await store.pendingCount()).toBe(0);
	});
});

describe('reads over packed, shadowed and stored invoices (review)', () => {
	it('getMany of more than 200 ids, some packed, some shadowed, some stored, some missing, repeated', async () => {
		const memory = new MemoryRecordStore();
		const { store } = await openPacking();
		const first = BULK.map((id, k): LocalWrite => ({
			change: make('invoices', id, stamp(1, k), 'packed', { day: 1, kind: 0, deleted: false }),
			origin: 'import'
		}));
		// Every third is written again (into the store, over its packed copy).
		const again = BULK.filter((_, k) => k % 3 === 0).map((id, k): LocalWrite => ({
			change: make('invoices', id, stamp(2, k), 'stored', {
				day: 2,
				kind: 1,
				deleted: k % 2 === 0
			}),
			origin: 'edit'
		}));
		for (const s of [memory, store]) {
			await s.write(first);
			await s.write(again);
		}
		const ids = [...BULK, 'nope', ...BULK.slice(0, 40).reverse(), 'n:000', 'n:001'];
		expect(ids.length).toBeGreaterThan(200);
		expect(await store.getMany('invoices', ids)).toEqual(await memory.getMany('invoices', ids));
		expect(await store.getMany('invoices', ids.slice(0, 150))).toEqual(
			await memory.getMany('invoices', ids.slice(0, 150))
		);
		const everything = byId(await memory.all('invoices'));
		for (let more = true; more;) {
			expect(byId(await store.all('invoices'))).toEqual(everything);
			expect(await store.getMany('invoices', ids)).toEqual(await memory.getMany('invoices', ids));
			more = await store.tidy();
		}
	});

	it('the newest page across many packs and the store: kinds, tombstones, ties, counts beyond all', async () => {
		const memory = new MemoryRecordStore();
		const { store } = await openPacking();
		const shapeOf = (k: number): Shape => ({
			day: 1 + ((k * 5) % 4),
			kind: k % 3,
			deleted: k % 7 === 0
		});
		// Eleven writes of new invoices: eleven or more packs whose newest dates tie.
		const writes: LocalWrite[][] = [];
		for (let w = 0; w < 11; w++) {
			writes.push(
				Array.from({ length: 40 + w }, (_, k) => ({
					change: make('invoices', `w${w}:${k}`, stamp(w + 1, k), 'packed', shapeOf(k + w)),
					origin: 'import'
				}))
			);
		}
		// Then some of them again, into the store: other kinds, dates, tombstones over live copies.
		writes.push(
			Array.from({ length: 60 }, (_, k) => ({
				change: make('invoices', `w${k % 11}:${k}`, stamp(50, k), 'stored', shapeOf(k * 3 + 1)),
				origin: 'edit'
			}))
		);
		for (const s of [memory, store]) for (const w of writes) await s.write(w);
		const check = async (when: string) => {
			for (const kind of KINDS) {
				for (const count of [1, 5, 17, 40, 100, 150, 10_000]) {
					expect(
						byId(await store.newestInvoices(kind, count)),
						`${when}: ${kind} ${count}`
					).toEqual(byId(await memory.newestInvoices(kind, count)));
				}
			}
		};
		await check('packed');
		for (let tidied = 0; await store.tidy(); tidied++) await check(`after ${tidied + 1} tidied`);
	});
});

describe('an IndexedDB database of version 7 (review)', () => {
	it('upgrades with its packed pending changes, whose records a packing import then stands over', async () => {
		const name = 'record-packs-review-v7';
		const memory = new MemoryRecordStore();
		const old = ['old:1', 'old:2', 'old:3'].map((id, k) =>
			invoice(id, stamp(1, k), 'before', { day: 3, kind: 0, deleted: false })
		);
		// What version 7 left: the records in their store, their imports' changes packed.
		await memory.write(
			old.map((record) => ({ change: { collection: 'invoices', record }, origin: 'import' }))
		);
		await memory.markFailed('invoices:old:3', 'offline');
		const failing = (await memory.pendingOf(['invoices:old:3']))[0]!;
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.open(name, 7);
			request.onupgradeneeded = () => {
				const db = request.result;
				db.createObjectStore('invoices', { keyPath: 'id' }).createIndex(
					'by-issue-date',
					'issueDate'
				);
				for (const store of ['clients', 'profile', 'schedules', 'logos']) {
					db.createObjectStore(store, { keyPath: 'id' });
				}
				db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('by-error', 'lastError');
				db.createObjectStore('meta', { keyPath: 'key' });
				db.createObjectStore('conflicts', { keyPath: 'key' });
				db.createObjectStore('pending-packs', { keyPath: 'id', autoIncrement: true }).createIndex(
					'by-key',
					'keys',
					{ multiEntry: true }
				);
				const tx = request.transaction!;
				for (const record of old) tx.objectStore('invoices').put(record);
				tx.objectStore('pending-packs').put({
					collection: 'invoices',
					keys: ['invoices:old:1', 'invoices:old:2'],
					hlcs: [old[0]!.hlc, old[1]!.hlc],
					entries: [null, null]
				});
				tx.objectStore('outbox').put(failing);
			};
			request.onsuccess = () => {
				request.result.close();
				resolve();
			};
			request.onerror = () => reject(request.error);
		});
		const store = await openIdbStore(name, { packFrom: 1 });
		const all = async (s: RecordStore) => ({
			outbox: byKey(await s.outbox()),
			count: await s.pendingCount(),
			invoices: byId(await s.all('invoices')),
			newest: byId(await s.newestInvoices('invoice', 3))
		});
		expect(await all(store)).toEqual(await all(memory));
		const imported = [...BULK, 'old:2'].map((id, k): LocalWrite => ({
			change: make('invoices', id, stamp(2, k), 'file', {
				day: 1 + (k % 4),
				kind: 0,
				deleted: false
			}),
			origin: 'import'
		}));
		for (const s of [memory, store]) {
			await s.write(imported);
			await s.markSending([
				{ collection: 'invoices', record: (await s.get('invoices', 'n:005'))! }
			]);
			await s.acknowledge([{ key: 'invoices:old:1', record: old[0]! }]);
		}
		expect(await all(store)).toEqual(await all(memory));
		while (await store.tidy());
		expect(await all(store)).toEqual(await all(memory));
	});
});

describe('two tabs on one database (review)', () => {
	it('one tidies while the other, which never loaded the packs code, imports, syncs and reads', async () => {
		const name = 'record-packs-review-tabs';
		const memory = new MemoryRecordStore();
		const a = await openIdbStore(name, { packFrom: 1 });
		vi.resetModules();
		const b = await (await import('./idb-store')).openIdbStore(name, { packFrom: 1 });
		const imported = (n: number, ids: string[]) =>
			ids.map((id, k): LocalWrite => ({
				change: make('invoices', id, stamp(n, k), `file ${n}`, {
					day: 1 + (k % 4),
					kind: k % 3,
					deleted: false
				}),
				origin: 'import'
			}));
		await memory.write(imported(1, BULK));
		await a.write(imported(1, BULK));
		// Read in this order: B's first read meets packs before it has their code.
		const everything = async (s: RecordStore) => ({
			invoices: byId(await s.all('invoices')),
			newest: byId(await s.newestInvoices('quote', 7)),
			many: await s.getMany('invoices', [...BULK].reverse()),
			outbox: byKey(await s.outbox())
		});
		// B reads before it has the code, then imports over the packs while A tidies.
		expect(await everything(b)).toEqual(await everything(memory));
		const again = imported(2, BULK.slice(100, 130).concat(['new:1', 'new:2']));
		await memory.write(again);
		await Promise.all([a.tidy(), b.write(again), a.tidy(), b.tidy()]);
		expect(await everything(a)).toEqual(await everything(memory));
		const record = (await memory.get('invoices', 'n:200'))!;
		await memory.markSending([{ collection: 'invoices', record }]);
		await memory.acknowledge([{ key: 'invoices:n:200', record }]);
		await Promise.all([
			b
				.markSending([{ collection: 'invoices', record }])
				.then(() => b.acknowledge([{ key: 'invoices:n:200', record }])),
			a.tidy(),
			a.tidy()
		]);
		expect(await everything(b)).toEqual(await everything(memory));
		expect(await everything(a)).toEqual(await everything(memory));
	});
});
