/**
 * Regressions from an adversarial review of sync (each failed before its fix): local races between tabs, restore of a conflict copy, and a late write that rolls the
 * cloud back after a long chain of edits.
 */
import { describe, expect, it } from 'vitest';
import { withoutMeta, type Invoice } from '../invoice/schema';
import { MemoryTabNetwork } from '../platform/channel';
import { ManualClock } from '../platform/clock';
import { SequentialIds } from '../platform/ids';
import { makeInvoiceDraft } from '../testing/factories';
import { MemoryRemote } from '../testing/memory-remote';
import { makeReplica, type Replica } from '../testing/replica';
import { MemoryRecordStore } from './memory-store';
import { Repository, type ChangeNotice } from './repository';
import { restoredVersion } from './sync-rules';

async function edit(r: Replica, id: string, patch: Partial<Invoice>): Promise<Invoice> {
	const current = (await r.store.get('invoices', id)) as Invoice;
	return r.repository.save('invoices', { ...withoutMeta(current), ...patch }, current);
}

describe('review probes: local races', () => {
	it('an edit saved over a record deleted meanwhile is kept as a copy even if another tab restores it at that moment', async () => {
		const store = new MemoryRecordStore();
		const clock = new ManualClock(Date.parse('2026-11-22T09:00:00Z'));
		const network = new MemoryTabNetwork<ChangeNotice>();
		const tab1 = new Repository(store, clock, new SequentialIds('t1'), network.join(), 'dev');
		const tab2 = new Repository(store, clock, new SequentialIds('t2'), network.join(), 'dev');
		const v0 = await tab1.save('invoices', makeInvoiceDraft({ notes: 'v0' }));
		// Tab 1's form is open on v0. The record is deleted (here by tab 2; a sync does the same).
		clock.advance(1_000);
		await tab2.remove('invoices', v0.id);
		const tombstone = (await store.get('invoices', v0.id))!;
		// Tab 1 saves; right before its copy is stored, tab 2 restores the record.
		const realResolve = store.resolve.bind(store);
		store.resolve = async (resolutions) => {
			store.resolve = realResolve;
			clock.advance(1_000);
			await tab2.save('invoices', { ...withoutMeta(tombstone), notes: 'restored in tab 2' });
			return realResolve(resolutions);
		};
		clock.advance(1_000);
		const outcome = await tab1.update(
			'invoices',
			{ ...withoutMeta(v0), dueDate: '2027-01-31' },
			v0
		);
		const stored = (await store.get('invoices', v0.id)) as Invoice;
		const copies = await store.conflicts();
		const kept =
			stored.dueDate === '2027-01-31' ||
			copies.some((c) => (c.record as Invoice).dueDate === '2027-01-31');
		expect(outcome.record.deleted === false || kept).toBe(true);
		expect(kept, 'tab 1’s edit is neither stored nor kept as a copy').toBe(true);
	});
});

describe('review probes: restoring a conflict copy', () => {
	it('restoring the other notes does not undo a due date another device set afterwards', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const v0 = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v0' }));
		await a.engine.run();
		await b.engine.run();
		// Both change the notes at once: one side gets a copy of the other's notes.
		a.clock.advance(1_000);
		await edit(a, v0.id, { notes: 'notes a' });
		b.clock.advance(2_000);
		await edit(b, v0.id, { notes: 'notes b' });
		await b.engine.run();
		await a.engine.run();
		await b.engine.run();
		const holder = (await a.store.conflicts()).length ? a : b;
		const other = holder === a ? b : a;
		const [copy] = await holder.store.conflicts();
		expect(copy?.fields).toEqual(['notes']);
		// Later the other device sets the due date, and it syncs in.
		other.clock.advance(120_000);
		await edit(other, v0.id, { dueDate: '2027-06-30' });
		await other.engine.run();
		holder.clock.advance(120_000);
		await holder.engine.run();
		expect(((await holder.store.get('invoices', v0.id)) as Invoice).dueDate).toBe('2027-06-30');
		// The user restores the other notes, as SyncCoordinator.restore does.
		const current = await holder.store.get('invoices', v0.id);
		const restored = withoutMeta(restoredVersion(copy!, current));
		await holder.repository.update('invoices', restored as never, current);
		await holder.store.dismissConflict(copy!.key);
		for (const r of [holder, other, holder]) {
			r.clock.advance(61_000);
			await r.engine.run({ reconcile: true });
		}
		const cloud = remote.invoice(v0.id)!;
		expect(cloud.notes).toBe((copy!.record as Invoice).notes);
		expect(cloud.dueDate, 'the restore undid a later edit of another field').toBe('2027-06-30');
	});
});

describe('review probes: late write after a long chain of edits', () => {
	it('a creation that lands late over 11 later edits raises no conflict copy', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const invoice = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
		remote.fault = (op) =>
			op === 'BatchWriteItem' ? 'late' : op === 'PutItem' ? 'lost-request' : null;
		await expect(a.engine.run()).rejects.toThrow();
		remote.fault = () => null;
		await a.engine.run(); // the conditional retry lands
		for (let i = 1; i <= 11; i++) {
			a.clock.advance(2_000);
			await edit(a, invoice.id, { notes: `edit ${i}` });
			await a.engine.run();
		}
		remote.landLate(); // the stale first attempt lands over the 11th edit
		a.clock.advance(61_000);
		await a.engine.run({ reconcile: true });
		a.clock.advance(61_000);
		await a.engine.run();
		expect(remote.invoice(invoice.id)?.notes).toBe('edit 11');
		expect(await a.store.conflicts(), 'one device alone edited it').toEqual([]);
	});
});
