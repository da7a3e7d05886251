/**
 * Regression tests for the loss paths a review proved in the sync engine (issue "Sync that
 * never loses an edit"); each failed on the engine before the change (commit 2bc0922).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { withoutMeta } from '../invoice/schema';
import { ManualClock } from '../platform/clock';
import { makeInvoiceDraft } from '../testing/factories';
import { MemoryRemote } from '../testing/memory-remote';
import { makeReplica, type Replica } from '../testing/replica';
import { openIdbStore } from './idb-store';
import { MemoryRecordStore } from './memory-store';
import type { Item } from './remote-store';
import { ValidationError } from './repository';
import { SETTLE_MS } from './sync-rules';
import { fromItem, toItem } from './table-design';

/** The next delta pull sees only these items, as an index that lags behind would show. */
function nextPullSees(remote: MemoryRemote, items: Item[]): void {
	const realChanges = remote.changesSince.bind(remote);
	remote.changesSince = async () => {
		remote.changesSince = realChanges;
		return { items, cursor: undefined };
	};
}

/** A saves v1, both devices have it, B edits it and pushes. */
async function sharedThenEditedOnB(a: Replica, b: Replica) {
	const invoice = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
	await a.engine.run();
	await b.engine.run();
	await b.repository.save('invoices', { ...withoutMeta(invoice), notes: 'edited on b' }, invoice);
	await b.engine.run();
	return invoice;
}

describe('sync defects (regressions)', () => {
	describe.each([
		['memory', async () => new MemoryRecordStore()],
		['IndexedDB', () => openIdbStore(`defect-1-${Math.random()}`)]
	])('1. a save during a pull’s merge survives (%s store)', (_, open) => {
		it('is neither overwritten nor dropped from the outbox', async () => {
			const remote = new MemoryRemote();
			const clock = new ManualClock(Date.parse('2026-11-22T09:00:00Z'));
			const a = makeReplica('a', remote, { store: await open(), clock });
			const b = makeReplica('b', remote);
			const invoice = await sharedThenEditedOnB(a, b);
			clock.advance(5_000);
			// The user saves after the engine decided, before its transaction.
			const realResolve = a.repository.resolve.bind(a.repository);
			a.repository.resolve = async (resolutions) => {
				a.repository.resolve = realResolve;
				const typed = { ...withoutMeta(invoice), dueDate: '2026-04-01', notes: 'typed on a' };
				await a.repository.save('invoices', typed);
				return realResolve(resolutions);
			};
			await a.engine.run();
			const stored = await a.store.get('invoices', invoice.id);
			expect(stored?.notes).toBe('typed on a');
			await b.engine.run({ reconcile: true });
			expect((await b.store.get('invoices', invoice.id))?.notes).toBe('typed on a');
			expect(remote.invoice(invoice.id)?.dueDate).toBe('2026-04-01');
		});
	});

	it('2. a batch that landed unacknowledged is never re-sent blindly over a newer edit', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const invoice = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v1 from a' }));
		// The batch lands but its answer is lost, and the tab closes before trying again.
		remote.fault = (op) =>
			op === 'BatchWriteItem' ? 'lost-response' : op === 'PutItem' ? 'lost-request' : null;
		await expect(a.engine.run()).rejects.toThrow();
		remote.fault = () => null;
		await b.engine.run();
		b.clock.advance(10_000);
		// A's next pull does not see v1 yet (the index lags behind), and B's edit lands just
		// before A sends v1 again.
		nextPullSees(remote, []);
		const realPut = remote.putIf.bind(remote);
		remote.putIf = async (item, expected) => {
			remote.putIf = realPut;
			await b.repository.save(
				'invoices',
				{ ...withoutMeta(invoice), notes: 'edited on b' },
				invoice
			);
			await b.engine.run();
			return realPut(item, expected);
		};
		await a.engine.run();
		for (const replica of [a, b, a]) await replica.engine.run();
		expect(remote.invoice(invoice.id)?.notes).toBe('edited on b');
		expect((await a.store.get('invoices', invoice.id))?.notes).toBe('edited on b');
		expect([...(await a.store.conflicts()), ...(await b.store.conflicts())]).toEqual([]);
	});

	it('2. the business profile (a fixed id) is never written unconditionally', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const draft = { name: 'Mine', email: '', address: '', taxId: '', logo: '' };
		const profile = {
			...draft,
			id: 'business',
			defaultCurrency: 'EUR',
			paymentTermsDays: 14,
			numberFormat: 'INV-{YYYY}-{SEQ:4}'
		};
		await a.repository.save('profile', { ...profile, taxId: 'DE1' });
		await a.engine.run();
		await b.repository.save('profile', { ...profile, email: 'b@example.com' });
		await b.engine.run();
		expect(remote.requests.get('BatchWriteItem') ?? 0).toBe(0);
		const cloud = fromItem(remote.items.get('profile#business')!);
		expect(cloud.ok && cloud.change.record).toMatchObject({ taxId: 'DE1', email: 'b@example.com' });
	});

	it('3. a write that lands long after it was sent is found by the next full check', async () => {
		const clock = new ManualClock(Date.parse('2026-11-22T09:00:00Z'));
		const remote = new MemoryRemote();
		const [a, b, c] = ['a', 'b', 'c'].map((n) => makeReplica(n, remote, { clock }));
		const x = await a!.repository.save('invoices', makeInvoiceDraft({ notes: 'x from a' }));
		// A's request stalls (a frozen tab, a sleeping laptop) and lands minutes later; the tab
		// never gets to try again.
		remote.fault = (op) =>
			op === 'BatchWriteItem' ? 'late' : op === 'PutItem' ? 'lost-request' : null;
		await expect(a!.engine.run()).rejects.toThrow();
		remote.fault = () => null;
		await b!.repository.save('invoices', makeInvoiceDraft({ notes: 'y from b' }));
		await b!.engine.run();
		for (let i = 0; i < 4; i++) {
			clock.advance(SETTLE_MS);
			await c!.engine.run();
		}
		remote.landLate();
		clock.advance(SETTLE_MS);
		await c!.engine.run();
		const report = await c!.engine.run({ reconcile: true });
		expect(await c!.store.get('invoices', x.id)).toBeDefined();
		expect(report.repaired).toBe(1);
	});

	it('3. a late write of an old version cannot win over newer edits for good', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const invoice = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
		remote.fault = (op) =>
			op === 'BatchWriteItem' ? 'late' : op === 'PutItem' ? 'lost-request' : null;
		await expect(a.engine.run()).rejects.toThrow();
		remote.fault = () => null;
		await a.engine.run(); // the retry is conditional and lands
		await b.engine.run();
		await b.repository.save('invoices', { ...withoutMeta(invoice), notes: 'v2 on b' }, invoice);
		await b.engine.run();
		remote.landLate(); // the stale first attempt finally lands over v2
		await b.engine.run({ reconcile: true });
		await a.engine.run({ reconcile: true });
		expect(remote.invoice(invoice.id)?.notes).toBe('v2 on b');
		expect((await a.store.get('invoices', invoice.id))?.notes).toBe('v2 on b');
	});

	it('an old version seen late through the lagging index does not undo what the edit builds on', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const v0 = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v0' }));
		await a.engine.run();
		const oldItem = structuredClone(remote.items.get(`invoices#${v0.id}`)!);
		const v1 = await a.repository.save('invoices', { ...withoutMeta(v0), notes: 'v1' }, v0);
		await a.engine.run();
		await a.repository.save('invoices', { ...withoutMeta(v1), notes: 'v2' }, v1);
		// B changes another field on top of v1 meanwhile.
		await b.engine.run();
		const onB = (await b.store.get('invoices', v0.id))!;
		await b.repository.save('invoices', { ...withoutMeta(onB), dueDate: '2026-05-01' }, onB);
		await b.engine.run();
		nextPullSees(remote, [oldItem]);
		await a.engine.run();
		expect(await a.store.conflicts()).toEqual([]);
		expect(remote.invoice(v0.id)).toMatchObject({ notes: 'v2', dueDate: '2026-05-01' });
	});

	it('4. an edit that synced in while the editor was open is merged, not overwritten', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const invoice = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
		await a.engine.run();
		await b.engine.run();
		const opened = (await a.store.get('invoices', invoice.id))!;
		await b.repository.save('invoices', { ...withoutMeta(invoice), notes: 'PO 4711 (from b)' });
		await b.engine.run();
		a.clock.advance(60_000);
		await a.engine.run();
		const outcome = await a.repository.update(
			'invoices',
			{ ...withoutMeta(opened), dueDate: '2026-03-01' },
			opened
		);
		expect(outcome).toMatchObject({ merged: ['notes'], clashes: [] });
		await a.engine.run();
		await b.engine.run();
		expect(remote.invoice(invoice.id)).toMatchObject({
			notes: 'PO 4711 (from b)',
			dueDate: '2026-03-01'
		});
	});

	it('4. the same field changed meanwhile keeps the other value as a conflict copy', async () => {
		const { repository, store } = makeReplica('a', new MemoryRemote());
		const opened = await repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
		await repository.save('invoices', { ...withoutMeta(opened), notes: 'other tab' });
		const outcome = await repository.update(
			'invoices',
			{ ...withoutMeta(opened), notes: 'this form' },
			opened
		);
		expect(outcome.clashes).toEqual(['notes']);
		expect((await store.get('invoices', opened.id))?.notes).toBe('this form');
		const [copy] = await store.conflicts();
		expect(copy).toMatchObject({ fields: ['notes'], record: { notes: 'other tab' } });
	});

	it('5. a deleted and re-created table is filled again, and every device sees new writes', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		for (let i = 0; i < 5; i++) await a.repository.save('invoices', makeInvoiceDraft());
		for (let round = 0; round < 3; round++) {
			await a.engine.run();
			await b.engine.run();
			a.clock.advance(SETTLE_MS);
			b.clock.advance(SETTLE_MS);
		}
		remote.recreate();
		const fresh = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'after reset' }));
		for (let round = 0; round < 2; round++) {
			await a.engine.run();
			await b.engine.run();
		}
		expect(await b.store.get('invoices', fresh.id)).toBeDefined();
		const c = makeReplica('c', remote);
		await c.engine.run();
		expect(await c.store.all('invoices')).toHaveLength(6);
	});

	it('6. malformed and far-future stamps are skipped and reported, and freeze nothing', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const invoice = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
		await a.engine.run();
		await b.engine.run();
		const item = structuredClone(remote.items.get(`invoices#${invoice.id}`)!);
		const hostile: Record<string, unknown>[] = [
			{ ...item, notes: 'by hand', hlc: '~', seq: await remote.reserveSeq(1) },
			{
				...item,
				notes: 'future',
				hlc: '9999-12-31T23:59:59.999Z-ffff-x',
				seq: await remote.reserveSeq(1)
			},
			{
				...item,
				notes: 'future history',
				hlc: `${String(item.hlc).slice(0, 24)}-00ff-x`,
				history: [item.hlc, '9999-12-31T23:59:59.999Z-ffff-x'],
				seq: await remote.reserveSeq(1)
			}
		];
		for (const bad of hostile) {
			remote.items.set(String(bad.sk), bad);
			const report = await b.engine.run();
			expect(report.skipped).toEqual([expect.stringContaining(`invoices#${invoice.id}`)]);
			expect((await b.store.get('invoices', invoice.id))?.notes).toBe('v1');
		}
		remote.items.set(String(item.sk), item);
		const edited = await b.repository.save('invoices', { ...withoutMeta(invoice), notes: 'v2' });
		expect(edited.hlc.startsWith('2026-')).toBe(true);
		await b.engine.run();
		await a.engine.run({ reconcile: true });
		expect((await a.store.get('invoices', invoice.id))?.notes).toBe('v2');
	});

	it('6. an import refuses records stamped more than a day ahead', async () => {
		const { repository, store } = makeReplica('a', new MemoryRemote());
		const invoice = await repository.save('invoices', makeInvoiceDraft());
		const future = { ...invoice, hlc: '2031-01-01T00:00:00.000Z-0000-x', notes: 'future' };
		const counts = await repository.merge([{ collection: 'invoices', record: future }]);
		expect(counts.refused).toEqual([expect.stringContaining('more than a day ahead')]);
		expect((await store.get('invoices', invoice.id))?.notes).toBe('');
	});

	it('7. an item skipped once is read again when it becomes readable', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const invoice = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
		const good = toItem(
			'default',
			{ collection: 'invoices', record: { ...invoice, id: 'other' } },
			500
		);
		remote.items.set(String(good.sk), { ...good, schemaVersion: 2 });
		const b = makeReplica('b', remote);
		for (let i = 0; i < 3; i++) {
			expect((await b.engine.run()).skipped).toHaveLength(1);
			b.clock.advance(SETTLE_MS);
		}
		remote.items.set(String(good.sk), good);
		const report = await b.engine.run({ reconcile: true });
		expect(await b.store.get('invoices', 'other')).toBeDefined();
		expect(report.skipped).toEqual([]);
	});

	it('8. an old backup imported on a fresh device raises no conflicts', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const saved = [];
		for (let i = 0; i < 3; i++) {
			saved.push(await a.repository.save('invoices', makeInvoiceDraft({ notes: `v1-${i}` })));
		}
		await a.engine.run();
		const backup = await a.store.all('invoices');
		a.clock.advance(60_000);
		for (const invoice of saved) {
			await a.repository.save('invoices', { ...withoutMeta(invoice), notes: 'later' }, invoice);
		}
		await a.engine.run();
		const c = makeReplica('c', remote);
		await c.repository.merge(backup.map((record) => ({ collection: 'invoices' as const, record })));
		const report = await c.engine.run();
		expect(report.conflicts).toBe(0);
		expect((await c.store.all('invoices')).map((i) => i.notes)).toEqual([
			'later',
			'later',
			'later'
		]);
	});

	it('8. re-editing after a lost acknowledgement is not a conflict', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const invoice = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
		await a.engine.run();
		const v2 = await a.repository.save(
			'invoices',
			{ ...withoutMeta(invoice), notes: 'v2' },
			invoice
		);
		remote.fault = (op) => (op === 'PutItem' ? 'lost-response' : null);
		await expect(a.engine.run()).rejects.toThrow();
		remote.fault = () => null;
		await a.repository.save('invoices', { ...withoutMeta(v2), notes: 'v3' }, v2);
		const report = await a.engine.run();
		expect(report.conflicts).toBe(0);
		expect(await a.store.conflicts()).toEqual([]);
		expect(remote.invoice(invoice.id)?.notes).toBe('v3');
	});

	it('a tombstone keeps no lines or long text, so any invoice can be deleted in the cloud', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const line = {
			id: 'l',
			description: 'x'.repeat(2000),
			quantity: 1,
			unitPrice: 1,
			taxRate: 0,
			discountPercent: 0
		};
		const big = await a.repository.save(
			'invoices',
			makeInvoiceDraft({ lines: Array.from({ length: 150 }, (_, i) => ({ ...line, id: `l${i}` })) })
		);
		await a.repository.remove('invoices', big.id);
		const tombstone = await a.store.get('invoices', big.id);
		expect(tombstone).toMatchObject({ deleted: true, lines: [], number: big.number });
		await a.engine.run();
		expect(remote.invoice(big.id)?.deleted).toBe(true);
	});

	it('a record that cannot fit in one DynamoDB item is refused when saved, with the reason', async () => {
		const { repository, store } = makeReplica('a', new MemoryRemote());
		const line = {
			id: 'l',
			description: 'é'.repeat(2000),
			quantity: 1,
			unitPrice: 1,
			taxRate: 0,
			discountPercent: 0
		};
		const lines = Array.from({ length: 120 }, (_, i) => ({ ...line, id: `l${i}` }));
		await expect(repository.save('invoices', makeInvoiceDraft({ lines }))).rejects.toThrow(
			ValidationError
		);
		await expect(repository.save('invoices', makeInvoiceDraft({ lines }))).rejects.toThrow(
			/too large to sync: \d+ KB/
		);
		expect(await store.pendingCount()).toBe(0);
	});

	it('renaming a clashing draft is refused when the draft moved since the plan was read', async () => {
		const { repository, store } = makeReplica('a', new MemoryRemote());
		const snapshot = await repository.save('invoices', makeInvoiceDraft({ number: 'INV-1' }));
		await repository.save('invoices', { ...withoutMeta(snapshot), notes: 'typed meanwhile' });
		expect(await repository.replace('invoices', { ...snapshot, number: 'INV-2' }, snapshot)).toBe(
			false
		);
		expect(await store.get('invoices', snapshot.id)).toMatchObject({
			number: 'INV-1',
			notes: 'typed meanwhile'
		});
	});
});
