import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { makeInvoice } from '../testing/factories';
import { openIdbStore } from './idb-store';
import type { LocalWrite } from './record-store';

const ids = Array.from({ length: 600 }, (_, n) => `i${String(n).padStart(4, '0')}`);
const imported = (id: string, fields = {}): LocalWrite => ({
	change: { collection: 'invoices', record: makeInvoice({ id, ...fields }) },
	origin: 'import'
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

describe('new records of a big write packed many to a value (IndexedDB)', () => {
	it('an import of new records is written as a few packs, and every read finds them', async () => {
		const store = await openIdbStore('record-packs-import');
		await store.write(ids.map((id, n) => imported(id, { issueDate: `2026-02-${10 + (n % 9)}` })));
		expect(await countIn('record-packs-import', 'invoices')).toBe(0);
		expect(await countIn('record-packs-import', 'record-packs')).toBe(3);
		expect((await store.all('invoices')).map((i) => i.id)).toEqual(ids);
		expect((await store.get('invoices', 'i0301'))?.id).toBe('i0301');
		expect((await store.getMany('invoices', ['i0599', 'nope', 'i0000'])).map((i) => i?.id)).toEqual(
			['i0599', undefined, 'i0000']
		);
		const newest = await store.newestInvoices('invoice', 50);
		expect(newest.length).toBe(ids.filter((_, n) => n % 9 === 8).length);
		expect(newest.every((invoice) => invoice.issueDate === '2026-02-18')).toBe(true);
	});

	it('tidying moves them into their store a pack at a time, never over a newer version', async () => {
		const store = await openIdbStore('record-packs-tidy');
		await store.write(ids.map((id) => imported(id)));
		const edit = makeInvoice({ id: 'i0005', hlc: 'h9', notes: 'edited before tidying' });
		await store.write([{ change: { collection: 'invoices', record: edit }, origin: 'edit' }]);
		expect(await countIn('record-packs-tidy', 'invoices')).toBe(1);
		const before = await store.all('invoices');
		expect(before.find((i) => i.id === 'i0005')).toEqual(edit);

		const steps: boolean[] = [];
		for (let more = true; more;) steps.push((more = await store.tidy()));
		expect(steps).toEqual([true, true, true, false]);
		expect(await countIn('record-packs-tidy', 'record-packs')).toBe(0);
		expect(await countIn('record-packs-tidy', 'invoices')).toBe(600);
		expect(await store.all('invoices')).toEqual(before);
		expect(await store.pendingCount()).toBe(600);
	});

	it('a record already packed is written to its store by a second import, not packed twice', async () => {
		const store = await openIdbStore('record-packs-twice');
		await store.write(ids.map((id) => imported(id)));
		await store.write(ids.map((id) => imported(id, { hlc: 'h9', notes: 'second' })));
		expect(await countIn('record-packs-twice', 'record-packs')).toBe(3);
		expect(await countIn('record-packs-twice', 'invoices')).toBe(600);
		expect((await store.all('invoices')).every((i) => i.notes === 'second')).toBe(true);
		await store.clearData();
		expect(await countIn('record-packs-twice', 'record-packs')).toBe(0);
		expect(await store.all('invoices')).toEqual([]);
	});

	it('a page that never loaded the packs code (another tab imported) still reads them', async () => {
		const store = await openIdbStore('record-packs-other-tab');
		await store.write(ids.map((id, n) => imported(id, { issueDate: `2026-03-${10 + (n % 9)}` })));
		const expected = {
			all: await store.all('invoices'),
			many: await store.getMany('invoices', ['i0002', 'i0404']),
			newest: await store.newestInvoices('invoice', 5)
		};
		// A fresh copy of the module: as in a tab opened before the import, nothing loaded yet.
		for (const read of ['all', 'many', 'newest'] as const) {
			vi.resetModules();
			const fresh = await (await import('./idb-store')).openIdbStore('record-packs-other-tab');
			const got =
				read === 'all'
					? await fresh.all('invoices')
					: read === 'many'
						? await fresh.getMany('invoices', ['i0002', 'i0404'])
						: await fresh.newestInvoices('invoice', 5);
			expect(got, read).toEqual(expected[read]);
		}
		expect(expected.all).toHaveLength(600);
	});

	it('given idle moments, the store tidies every pack in the background, one run at a time', async () => {
		let moments = 0;
		const store = await openIdbStore('record-packs-background', {
			whenIdle: async () => void moments++
		});
		await store.write(ids.map((id) => imported(id)));
		const run = store.tidyInBackground();
		expect(store.tidyInBackground()).toBe(run);
		await run;
		// The write's own start may follow the run above: it finds nothing left.
		await store.tidyInBackground();
		expect(await countIn('record-packs-background', 'record-packs')).toBe(0);
		expect(await countIn('record-packs-background', 'invoices')).toBe(600);
		expect(moments).toBeGreaterThanOrEqual(3);
	});
});
