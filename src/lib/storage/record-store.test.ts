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

	it('remembers whether the cloud can have a record, and what a pending edit builds on', async () => {
		const store = await open();
		await store.write([{ collection: 'invoices', record: makeInvoice({ id: 'a', hlc: 'h1' }) }]);
		await store.write([{ collection: 'invoices', record: makeInvoice({ id: 'a', hlc: 'h2' }) }]);
		await store.write(
			[{ collection: 'invoices', record: makeInvoice({ id: 'b', hlc: 'h1' }) }],
			'import'
		);
		const [a, b] = (await store.outbox()).sort((x, y) => x.id.localeCompare(y.id));
		expect(a).toMatchObject({ isNew: true, baseHlc: undefined, hlc: 'h2' });
		expect(b).toMatchObject({ isNew: false });

		await store.acknowledge([{ key: 'invoices:a', hlc: 'h2' }]);
		await store.write([{ collection: 'invoices', record: makeInvoice({ id: 'a', hlc: 'h3' }) }]);
		expect((await store.outbox()).find((e) => e.id === 'a')).toMatchObject({
			isNew: false,
			baseHlc: 'h2'
		});
	});

	it('acknowledges only the version that was pushed', async () => {
		const store = await open();
		await store.write([{ collection: 'invoices', record: makeInvoice({ hlc: 'h1' }) }]);
		await store.write([{ collection: 'invoices', record: makeInvoice({ hlc: 'h2' }) }]);
		await store.acknowledge([{ key: 'invoices:invoice-1', hlc: 'h1' }]);
		expect(await store.pendingCount()).toBe(1);
		await store.markFailed('invoices:invoice-1', 'Item too large');
		expect((await store.outbox())[0]).toMatchObject({ attempts: 1, lastError: 'Item too large' });
		await store.acknowledge([{ key: 'invoices:invoice-1', hlc: 'h2' }]);
		expect(await store.pendingCount()).toBe(0);
	});

	it('applies cloud versions with their conflicts and rebases in one go', async () => {
		const store = await open();
		await store.write([{ collection: 'invoices', record: makeInvoice({ id: 'a', hlc: 'h1' }) }]);
		await store.write([{ collection: 'invoices', record: makeInvoice({ id: 'b', hlc: 'h1' }) }]);
		const lost = makeInvoice({ id: 'a', hlc: 'h1' });
		await store.applyRemote({
			records: [{ collection: 'invoices', record: makeInvoice({ id: 'a', hlc: 'h5' }) }],
			conflicts: [
				{
					key: 'invoices:a:h1',
					collection: 'invoices',
					id: 'a',
					record: lost,
					keptHlc: 'h5',
					detectedAt: '2026-11-22T10:00:00.000Z'
				}
			],
			rebased: [{ key: 'invoices:b', baseHlc: 'h0' }]
		});
		expect((await store.get('invoices', 'a'))?.hlc).toBe('h5');
		expect(await store.outbox()).toEqual([
			expect.objectContaining({ id: 'b', baseHlc: 'h0', isNew: false })
		]);
		expect((await store.conflicts())[0]?.record).toEqual(lost);
		await store.dismissConflict('invoices:a:h1');
		expect(await store.conflicts()).toEqual([]);
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
