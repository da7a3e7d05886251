import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeInvoice } from '../testing/factories';
import { openIdbStore } from './idb-store';
import { MemoryRecordStore } from './memory-store';
import type { Invoice } from '../invoice/schema';
import type { LocalWrite, OutboxEntry, RecordStore, Resolution, WriteOrigin } from './record-store';

let dbCount = 0;
const packingStore = () => openIdbStore(`packs-${++dbCount}`, { packFrom: 1 });

const write = (record: Invoice, origin: WriteOrigin): LocalWrite => ({
	change: { collection: 'invoices', record },
	origin
});

/** The raw number of values in one object store of a database the store opened. */
async function countIn(dbName: string, storeName: string): Promise<number> {
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const request = indexedDB.open(dbName);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	const count = await new Promise<number>((resolve) => {
		const request = db.transaction(storeName).objectStore(storeName).count();
		request.onsuccess = () => resolve(request.result);
	});
	db.close();
	return count;
}

describe('pending imports packed many to a value (IndexedDB)', () => {
	it('writes an import of new records with a few packed values, not an outbox entry each', async () => {
		const store = await openIdbStore('packed-import');
		const ids = Array.from({ length: 600 }, (_, n) => `i${String(n).padStart(4, '0')}`);
		await store.write(ids.map((id) => write(makeInvoice({ id }), 'import')));
		expect(await countIn('packed-import', 'outbox')).toBe(0);
		expect(await countIn('packed-import', 'pending-packs')).toBe(3);
		expect(await store.pendingCount()).toBe(600);
		const outbox = await store.outbox();
		expect(outbox.map((entry) => entry.id)).toEqual(ids);
		expect(outbox[7]).toEqual({
			key: 'invoices:i0007',
			collection: 'invoices',
			id: 'i0007',
			hlc: makeInvoice().hlc,
			baseHlc: undefined,
			base: makeInvoice({ id: 'i0007' }),
			isNew: false,
			imported: true,
			attempts: 0
		});
	});

	it('a sync touching one change of a pack gives the whole pack entries of their own', async () => {
		const store = await openIdbStore('touched-pack');
		const ids = Array.from({ length: 300 }, (_, n) => `i${String(n).padStart(4, '0')}`);
		await store.write(ids.map((id) => write(makeInvoice({ id }), 'import')));
		const record = makeInvoice({ id: 'i0003' });
		await store.markSending([{ collection: 'invoices', record }]);
		expect(await countIn('touched-pack', 'pending-packs')).toBe(1);
		expect(await countIn('touched-pack', 'outbox')).toBe(250);
		expect(await store.pendingCount()).toBe(300);
	});

	it('keeps small writes as entries of their own', async () => {
		const store = await openIdbStore('small-import');
		await store.write([write(makeInvoice({ id: 'a' }), 'import')]);
		expect(await countIn('small-import', 'outbox')).toBe(1);
		expect(await countIn('small-import', 'pending-packs')).toBe(0);
	});

	it('takes an entry out of its pack when anything touches it, in the same transaction', async () => {
		const store = await packingStore();
		await store.write(['a', 'b', 'c'].map((id) => write(makeInvoice({ id }), 'import')));
		await store.write([write(makeInvoice({ id: 'b', hlc: 'h9', notes: 'edited' }), 'edit')]);
		expect(await store.pendingCount()).toBe(3);
		expect((await store.outbox()).find((entry) => entry.id === 'b')).toMatchObject({
			hlc: 'h9',
			imported: false,
			base: makeInvoice({ id: 'b' })
		});
		await store.clearData();
		expect(await store.pendingCount()).toBe(0);
		expect(await store.outbox()).toEqual([]);
	});

	it('takes hundreds of keys out of their packs at once, as the in-memory store would have them', async () => {
		const stores = [new MemoryRecordStore(), await packingStore()];
		const ids = Array.from({ length: 700 }, (_, n) => `i${String(n).padStart(4, '0')}`);
		for (const store of stores) {
			await store.write(ids.map((id) => write(makeInvoice({ id }), 'import')));
			const edited = ids.filter((_, n) => n % 2 === 0).slice(0, 300);
			await store.write(
				edited.map((id) => write(makeInvoice({ id, hlc: 'h9', notes: 'x' }), 'edit'))
			);
			await store.acknowledge(
				ids.slice(0, 260).map((id) => ({ key: `invoices:${id}`, record: makeInvoice({ id }) }))
			);
		}
		const [memory, packed] = await Promise.all(stores.map(state));
		expect(packed).toEqual(memory);
		expect(packed?.count).toBe(570);
	});
});

/** Hlc strings that sort in the order they are made, like the app's. */
const stamp = (n: number) => `h${String(n).padStart(4, '0')}`;
const IDS = ['a', 'b', 'c', 'd', 'e'];

type Step =
	| {
			kind: 'write';
			ids: string[];
			origin: WriteOrigin;
			expectStored: boolean;
			day: number;
			deleted: boolean;
	  }
	| { kind: 'acknowledge'; id: string; older: boolean }
	| { kind: 'markSending'; id: string }
	| { kind: 'markFailed'; id: string }
	| {
			kind: 'resolve';
			id: string;
			record: boolean;
			entry: 'drop' | 'keep' | 'change';
			stale: boolean;
	  }
	| { kind: 'clear' }
	| { kind: 'tidy' };

const step: fc.Arbitrary<Step> = fc.oneof(
	fc.record({
		kind: fc.constant('write' as const),
		ids: fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 1, maxLength: 5 }),
		origin: fc.constantFrom<WriteOrigin>('import', 'import', 'edit', 'created'),
		expectStored: fc.boolean(),
		day: fc.integer({ min: 1, max: 3 }),
		deleted: fc.boolean()
	}),
	fc.record({
		kind: fc.constant('acknowledge' as const),
		id: fc.constantFrom(...IDS),
		older: fc.boolean()
	}),
	fc.record({ kind: fc.constant('markSending' as const), id: fc.constantFrom(...IDS) }),
	fc.record({ kind: fc.constant('markFailed' as const), id: fc.constantFrom(...IDS) }),
	fc.record({
		kind: fc.constant('resolve' as const),
		id: fc.constantFrom(...IDS),
		record: fc.boolean(),
		entry: fc.constantFrom('drop' as const, 'keep' as const, 'change' as const),
		stale: fc.boolean()
	}),
	fc.constant({ kind: 'clear' as const }),
	fc.constant({ kind: 'tidy' as const })
);

/** Runs one step on a store; what it returns (or throws) is part of what must match. */
async function run(store: RecordStore, s: Step, n: number): Promise<unknown> {
	const key = (id: string) => `invoices:${id}`;
	const pending = async (id: string): Promise<OutboxEntry | undefined> =>
		(await store.outbox()).find((entry) => entry.id === id);
	switch (s.kind) {
		case 'write': {
			const writes: LocalWrite[] = [];
			for (const id of s.ids) {
				const stored = await store.get('invoices', id);
				writes.push({
					...write(
						makeInvoice({
							id,
							hlc: stamp(n),
							notes: `${s.origin} ${n}`,
							issueDate: `2026-01-0${s.day}`,
							...(s.deleted ? { deleted: true } : {})
						}),
						s.origin
					),
					...(s.expectStored ? { expected: { hlc: stored?.hlc } } : {})
				});
			}
			return store.write(writes).then(
				() => 'written',
				(error: Error) => error.name
			);
		}
		case 'acknowledge': {
			const record = await store.get('invoices', s.id);
			if (!record) return 'none';
			const pushed = s.older ? { ...record, hlc: stamp(0) } : record;
			return store.acknowledge([{ key: key(s.id), record: pushed }]);
		}
		case 'markSending': {
			const record = await store.get('invoices', s.id);
			return record && store.markSending([{ collection: 'invoices', record }]);
		}
		case 'markFailed':
			return store.markFailed(key(s.id), `failed ${n}`);
		case 'resolve': {
			const record = await store.get('invoices', s.id);
			const entry = await pending(s.id);
			const resolution: Resolution = {
				collection: 'invoices',
				id: s.id,
				expected: { hlc: s.stale ? stamp(0) : record?.hlc, pendingHlc: entry?.hlc },
				...(s.record ? { record: makeInvoice({ id: s.id, hlc: stamp(n), notes: 'cloud' }) } : {}),
				entry:
					s.entry === 'drop'
						? null
						: s.entry === 'change' && entry
							? { ...entry, attempts: entry.attempts + 5 }
							: undefined
			};
			return (await store.resolve([resolution])).length;
		}
		case 'clear':
			return store.clearData();
		case 'tidy':
			// Only IndexedDB packs records; what it says differs, what reads see must not.
			await store.tidy();
			return undefined;
	}
}

const byKey = (entries: OutboxEntry[]) => [...entries].sort((a, b) => a.key.localeCompare(b.key));

async function state(store: RecordStore) {
	return {
		outbox: byKey(await store.outbox()),
		failing: byKey(await store.failingOutbox()),
		count: await store.pendingCount(),
		pendingOf: await store.pendingOf(IDS.map((id) => `invoices:${id}`)),
		invoices: (await store.all('invoices')).sort((a, b) => a.id.localeCompare(b.id)),
		each: await Promise.all(IDS.map((id) => store.get('invoices', id))),
		many: await store.getMany('invoices', [...IDS].reverse()),
		newest: (await store.newestInvoices('invoice', 2)).sort((a, b) => a.id.localeCompare(b.id))
	};
}

describe('packing is invisible', () => {
	it('an IndexedDB store that packs every import behaves exactly like the in-memory store', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
				const memory = new MemoryRecordStore();
				const packed = await packingStore();
				for (const [n, s] of steps.entries()) {
					const results = [await run(memory, s, n + 1), await run(packed, s, n + 1)];
					expect(results[1], `step ${n}: ${JSON.stringify(s)}`).toEqual(results[0]);
					expect(await state(packed), `after step ${n}`).toEqual(await state(memory));
				}
			}),
			{ numRuns: Number(process.env.PACK_RUNS ?? 150) }
		);
	});
});
