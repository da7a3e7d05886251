import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeClient, makeInvoice } from '../testing/factories';
import { openIdbStore } from './idb-store';
import { MemoryRecordStore } from './memory-store';
import { StaleWriteError, type Change, type RecordStore, type WriteOrigin } from './record-store';

const edit = (record: Change['record'], origin: WriteOrigin = 'edit') => ({
	change: { collection: 'invoices', record } as Change,
	origin
});

let dbCount = 0;
const implementations: [string, () => Promise<RecordStore>][] = [
	['memory', async () => new MemoryRecordStore()],
	['IndexedDB', () => openIdbStore(`test-${++dbCount}`)],
	// Every import's pending changes packed (pending-packs.ts): the same behaviour.
	['IndexedDB packing imports', () => openIdbStore(`test-${++dbCount}`, { packFrom: 1 })]
];

describe.each(implementations)('%s RecordStore', (_, open) => {
	it('stores records with an outbox entry that collapses repeated edits', async () => {
		const store = await open();
		await store.write([edit(makeInvoice({ hlc: 'h1' }))]);
		await store.write([edit(makeInvoice({ hlc: 'h2', notes: 'x' }))]);
		await store.write([
			{ change: { collection: 'clients', record: makeClient() }, origin: 'edit' }
		]);
		expect((await store.get('invoices', 'invoice-1'))?.notes).toBe('x');
		const outbox = await store.outbox();
		expect(outbox).toHaveLength(2);
		expect(outbox.find((e) => e.collection === 'invoices')?.hlc).toBe('h2');
	});

	it('keeps tombstones', async () => {
		const store = await open();
		await store.write([edit(makeInvoice({ deleted: true }))]);
		expect(await store.all('invoices')).toHaveLength(1);
	});

	it('returns copies, not live objects', async () => {
		const store = await open();
		const client = makeClient();
		await store.write([{ change: { collection: 'clients', record: client }, origin: 'edit' }]);
		client.name = 'changed';
		expect((await store.get('clients', client.id))?.name).toBe('Acme Ltd');
	});

	it('remembers whether the cloud can have a record, and the version a pending edit builds on', async () => {
		const store = await open();
		const first = makeInvoice({ id: 'a', hlc: 'h1' });
		await store.write([edit(first, 'created')]);
		await store.write([edit(makeInvoice({ id: 'a', hlc: 'h2' }))]);
		await store.write([edit(makeInvoice({ id: 'b', hlc: 'h1' }), 'import')]);
		await store.write([edit(makeInvoice({ id: 'business-like', hlc: 'h1' }))]);
		const byId = new Map((await store.outbox()).map((e) => [e.id, e]));
		expect(byId.get('a')).toMatchObject({
			isNew: true,
			baseHlc: undefined,
			hlc: 'h2'
		});
		expect(byId.get('b')).toMatchObject({ isNew: false });
		// A fixed id (the business profile) may already be in the cloud.
		expect(byId.get('business-like')).toMatchObject({ isNew: false });

		const pushed = makeInvoice({ id: 'a', hlc: 'h2' });
		await store.acknowledge([{ key: 'invoices:a', record: pushed }]);
		await store.write([edit(makeInvoice({ id: 'a', hlc: 'h3', notes: 'later' }))]);
		expect((await store.outbox()).find((e) => e.id === 'a')).toMatchObject({
			isNew: false,
			baseHlc: 'h2',
			base: pushed
		});
	});

	it('marks entries as possibly sent, durably, before they go out', async () => {
		const store = await open();
		const record = makeInvoice({ id: 'a', hlc: 'h1' });
		await store.write([edit(record, 'created')]);
		await store.markSending([{ collection: 'invoices', record }]);
		expect((await store.outbox())[0]).toMatchObject({ isNew: false, sent: [record] });
	});

	it('acknowledges only the version that was pushed', async () => {
		const store = await open();
		await store.write([edit(makeInvoice({ hlc: 'h1' }))]);
		await store.write([edit(makeInvoice({ hlc: 'h2' }))]);
		await store.acknowledge([{ key: 'invoices:invoice-1', record: makeInvoice({ hlc: 'h1' }) }]);
		expect(await store.pendingCount()).toBe(1);
		await store.markFailed('invoices:invoice-1', 'Item too large');
		expect((await store.outbox())[0]).toMatchObject({ attempts: 1, lastError: 'Item too large' });
		await store.acknowledge([{ key: 'invoices:invoice-1', record: makeInvoice({ hlc: 'h2' }) }]);
		expect(await store.pendingCount()).toBe(0);
	});

	it('reads the pending changes of given records without the others', async () => {
		const store = await open();
		const many = Array.from({ length: 250 }, (_, n) => `m${String(n).padStart(3, '0')}`);
		await store.write(many.map((id) => edit(makeInvoice({ id }), 'import')));
		await store.write([edit(makeInvoice({ id: 'a', hlc: 'h1' }))]);
		const all = new Map((await store.outbox()).map((entry) => [entry.key, entry]));
		const keys = ['invoices:m007', 'invoices:none', 'invoices:a', 'clients:a'];
		expect(await store.pendingOf(keys)).toEqual(keys.map((key) => all.get(key)));
		const every = [...all.keys(), 'invoices:none'];
		expect(await store.pendingOf(every)).toEqual(every.map((key) => all.get(key)));
	});

	it('finds the pending changes whose push failed without reading the others', async () => {
		const store = await open();
		await store.write(['a', 'b', 'c'].map((id) => edit(makeInvoice({ id }))));
		expect(await store.failingOutbox()).toEqual([]);
		await store.markFailed('invoices:b', 'Item too large');
		expect(await store.failingOutbox()).toMatchObject([
			{ key: 'invoices:b', lastError: 'Item too large' }
		]);
		// A newer edit of b is a fresh attempt: it no longer needs attention.
		await store.write([edit(makeInvoice({ id: 'b', hlc: 'h9' }))]);
		expect((await store.failingOutbox()).map((e) => e.key)).toEqual(
			(await store.outbox()).filter((e) => e.lastError).map((e) => e.key)
		);
	});

	it('refuses a write whose record moved since it was read, writing nothing', async () => {
		const store = await open();
		await store.write([edit(makeInvoice({ id: 'a', hlc: 'h1' }))]);
		await expect(
			store.write([
				{ ...edit(makeInvoice({ id: 'b', hlc: 'h1' })), expected: { hlc: undefined } },
				{ ...edit(makeInvoice({ id: 'a', hlc: 'h3' })), expected: { hlc: 'h0' } }
			])
		).rejects.toBeInstanceOf(StaleWriteError);
		expect((await store.get('invoices', 'a'))?.hlc).toBe('h1');
		expect(await store.get('invoices', 'b')).toBeUndefined();
	});

	it('applies sync decisions only where record and pending edit are as decided', async () => {
		const store = await open();
		await store.write([edit(makeInvoice({ id: 'a', hlc: 'h1' }))]);
		await store.write([edit(makeInvoice({ id: 'b', hlc: 'h1' }))]);
		const lost = makeInvoice({ id: 'a', hlc: 'h1' });
		const conflict = {
			key: 'invoices:a:h1',
			collection: 'invoices' as const,
			id: 'a',
			record: lost,
			keptHlc: 'h5',
			fields: ['notes'],
			detectedAt: '2026-11-22T10:00:00.000Z'
		};
		const stale = await store.resolve([
			{
				collection: 'invoices',
				id: 'a',
				expected: { hlc: 'h1', pendingHlc: 'h1' },
				record: makeInvoice({ id: 'a', hlc: 'h5' }),
				entry: null,
				conflict
			},
			// Decided before a save moved b to h2: must not apply.
			{
				collection: 'invoices',
				id: 'b',
				expected: { hlc: 'h0', pendingHlc: 'h0' },
				record: makeInvoice({ id: 'b', hlc: 'h9' }),
				entry: null
			}
		]);
		expect(stale.map((r) => r.id)).toEqual(['b']);
		expect((await store.get('invoices', 'a'))?.hlc).toBe('h5');
		expect((await store.get('invoices', 'b'))?.hlc).toBe('h1');
		expect((await store.outbox()).map((e) => e.id)).toEqual(['b']);
		expect((await store.conflicts())[0]?.record).toEqual(lost);
		await store.dismissConflict('invoices:a:h1');
		expect(await store.conflicts()).toEqual([]);
	});

	it('reads the newest live invoices of a kind first, with every one sharing the last date', async () => {
		const store = await open();
		const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}`;
		await store.write([
			edit(makeInvoice({ id: 'old', issueDate: day(1) })),
			edit(makeInvoice({ id: 'tie-a', issueDate: day(5) })),
			edit(makeInvoice({ id: 'tie-b', issueDate: day(5) })),
			edit(makeInvoice({ id: 'quote', issueDate: day(9), kind: 'quote' })),
			edit(makeInvoice({ id: 'gone', issueDate: day(9), deleted: true })),
			edit(makeInvoice({ id: 'newest', issueDate: day(8) })),
			edit(makeInvoice({ id: 'tie-c', issueDate: day(5) }))
		]);
		const ids = async (count: number) =>
			(await store.newestInvoices('invoice', count)).map((i) => i.id).sort();
		expect(await ids(1)).toEqual(['newest']);
		// The second newest date has three invoices: all of them come, whatever their order.
		expect(await ids(2)).toEqual(['newest', 'tie-a', 'tie-b', 'tie-c']);
		expect(await ids(10)).toEqual(['newest', 'old', 'tie-a', 'tie-b', 'tie-c']);
		expect((await store.newestInvoices('quote', 5)).map((i) => i.id)).toEqual(['quote']);
	});

	it('reads and writes metadata', async () => {
		const store = await open();
		expect(await store.readMeta('device')).toBeUndefined();
		await store.writeMeta('device', { id: 'abc' });
		expect(await store.readMeta('device')).toEqual({ id: 'abc' });
	});
});

describe('IndexedDB RecordStore', () => {
	it('upgrades a first-version database: records kept, only the indexes in use left', async () => {
		const invoice = makeInvoice({ id: 'old' });
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.open('first-version', 1);
			request.onupgradeneeded = () => {
				const invoices = request.result.createObjectStore('invoices', { keyPath: 'id' });
				for (const [name, path] of [
					['by-number', 'number'],
					['by-issue-date', 'issueDate'],
					['by-client', 'clientId'],
					['by-hlc', 'hlc']
				]) {
					invoices.createIndex(name as string, path as string);
				}
				const clients = request.result.createObjectStore('clients', { keyPath: 'id' });
				clients.createIndex('by-name', 'name');
				clients.createIndex('by-hlc', 'hlc');
				for (const name of ['profile', 'outbox', 'meta']) {
					request.result.createObjectStore(name, { keyPath: name === 'profile' ? 'id' : 'key' });
				}
				invoices.put(invoice);
			};
			request.onsuccess = () => {
				request.result.close();
				resolve();
			};
			request.onerror = () => reject(request.error);
		});
		const store = await openIdbStore('first-version');
		expect(await store.all('invoices')).toEqual([invoice]);
		expect(await store.newestInvoices('invoice', 1)).toEqual([invoice]);
		const db = await new Promise<IDBDatabase>((resolve) => {
			const request = indexedDB.open('first-version');
			request.onsuccess = () => resolve(request.result);
		});
		const tx = db.transaction(['invoices', 'clients', 'outbox']);
		expect([...tx.objectStore('invoices').indexNames]).toEqual(['by-issue-date']);
		expect([...tx.objectStore('clients').indexNames]).toEqual([]);
		expect([...tx.objectStore('outbox').indexNames]).toEqual(['by-error']);
		db.close();
	});

	it('reads every record once when it reads them in slices', async () => {
		const store = await openIdbStore('slices');
		const ids = Array.from({ length: 4_001 }, (_, n) => `i${String(n).padStart(5, '0')}`);
		await store.write(ids.map((id) => edit(makeInvoice({ id }))));
		expect((await store.all('invoices')).map((i) => i.id)).toEqual(ids);
	});

	it('writes a batch all or nothing', async () => {
		const store = await openIdbStore('atomic');
		const bad = { ...makeInvoice({ id: 'bad' }), payments: [() => 0] } as never;
		await expect(store.write([edit(makeInvoice({ id: 'good' })), edit(bad)])).rejects.toThrow();
		expect(await store.all('invoices')).toEqual([]);
		expect(await store.outbox()).toEqual([]);
	});
});
