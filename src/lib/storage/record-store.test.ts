import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeClient, makeInvoice } from '../testing/factories';
import { openIdbStore } from './idb-store';
import { MemoryRecordStore } from './memory-store';
import type { RecordStore } from './record-store';

let dbCount = 0;
const implementations: [string, () => Promise<RecordStore>][] = [
	['memory', async () => new MemoryRecordStore()],
	['IndexedDB', () => openIdbStore(`test-${++dbCount}`)]
];

describe.each(implementations)('%s RecordStore', (_, open) => {
	it('stores records with an outbox entry that collapses repeated edits', async () => {
		const store = await open();
		await store.write([{ collection: 'invoices', record: makeInvoice({ hlc: 'h1' }) }]);
		await store.write([{ collection: 'invoices', record: makeInvoice({ hlc: 'h2', notes: 'x' }) }]);
		await store.write([{ collection: 'clients', record: makeClient() }]);
		expect((await store.get('invoices', 'invoice-1'))?.notes).toBe('x');
		const outbox = await store.outbox();
		expect(outbox).toHaveLength(2);
		expect(outbox.find((e) => e.collection === 'invoices')?.hlc).toBe('h2');
	});

	it('keeps tombstones', async () => {
		const store = await open();
		await store.write([{ collection: 'invoices', record: makeInvoice({ deleted: true }) }]);
		expect(await store.all('invoices')).toHaveLength(1);
	});

	it('returns copies, not live objects', async () => {
		const store = await open();
		const client = makeClient();
		await store.write([{ collection: 'clients', record: client }]);
		client.name = 'changed';
		expect((await store.get('clients', client.id))?.name).toBe('Acme Ltd');
	});

	it('reads and writes metadata', async () => {
		const store = await open();
		expect(await store.readMeta('device')).toBeUndefined();
		await store.writeMeta('device', { id: 'abc' });
		expect(await store.readMeta('device')).toEqual({ id: 'abc' });
	});
});

describe('IndexedDB RecordStore', () => {
	it('writes a batch all or nothing', async () => {
		const store = await openIdbStore('atomic');
		const bad = { ...makeInvoice({ id: 'bad' }), payments: [() => 0] } as never;
		await expect(
			store.write([
				{ collection: 'invoices', record: makeInvoice({ id: 'good' }) },
				{ collection: 'invoices', record: bad }
			])
		).rejects.toThrow();
		expect(await store.all('invoices')).toEqual([]);
		expect(await store.outbox()).toEqual([]);
	});
});
