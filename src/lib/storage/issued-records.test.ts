/**
 * An issued invoice is a legal record: whichever path a change takes (an editor save, a
 * delete, a restore, a sync with a device that edited the draft meanwhile), its document
 * never changes once issued.
 */
import { describe, expect, it } from 'vitest';
import { issue, IssuedInvoiceError } from '../invoice/issue';
import { withoutMeta } from '../invoice/schema';
import { makeClient, makeInvoiceDraft, makeProfile } from '../testing/factories';
import { MemoryRemote } from '../testing/memory-remote';
import { makeReplica } from '../testing/replica';

const profile = makeProfile({ name: 'Studio North' });
const client = makeClient();
const AT = '2026-11-22T10:00:00.000Z';
const context = { profile, client, at: AT, locale: 'en-GB' };

describe('issued invoices in the repository', () => {
	async function issuedOn(device = makeReplica('a', new MemoryRemote())) {
		const draft = await device.repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
		const issued = await device.repository.save(
			'invoices',
			withoutMeta(issue(draft, context)),
			draft
		);
		return { device, draft, issued };
	}

	it('refuses an edit of the document and a delete, and keeps the stored version', async () => {
		const { device, issued } = await issuedOn();
		await expect(
			device.repository.save('invoices', { ...withoutMeta(issued), notes: 'changed' }, issued)
		).rejects.toThrow(IssuedInvoiceError);
		await expect(device.repository.remove('invoices', issued.id)).rejects.toThrow(
			'cannot be deleted'
		);
		expect(await device.repository.get('invoices', issued.id)).toEqual(issued);
	});

	it('refuses a save from an editor opened on the draft before it was issued', async () => {
		const { device, draft, issued } = await issuedOn();
		await expect(
			device.repository.save('invoices', { ...withoutMeta(draft), notes: 'late edit' }, draft)
		).rejects.toThrow('cannot be edited');
		expect((await device.repository.get('invoices', issued.id))?.notes).toBe('v1');
	});

	it('still records payments and voids', async () => {
		const { device, issued } = await issuedOn();
		const payment = { id: 'p1', date: '2026-11-23', amount: 500, note: '' };
		const paid = await device.repository.save(
			'invoices',
			{ ...withoutMeta(issued), payments: [payment] },
			issued
		);
		expect(paid.payments).toEqual([payment]);
		const voided = await device.repository.save(
			'invoices',
			{ ...withoutMeta(paid), status: 'void' },
			paid
		);
		expect(voided.status).toBe('void');
	});
});

describe('issued invoices across devices', () => {
	it('a draft edited offline on one device does not change it once issued on another', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const draft = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
		await a.engine.run();
		await b.engine.run();
		// B edits the draft offline while A issues it.
		const shared = (await b.repository.get('invoices', draft.id))!;
		await b.repository.save('invoices', { ...withoutMeta(shared), notes: 'edited on b' }, shared);
		const issued = await a.repository.save('invoices', withoutMeta(issue(draft, context)), draft);
		a.clock.advance(1_000);
		await a.engine.run();
		b.clock.advance(5_000);
		await b.engine.run();
		await a.engine.run();
		for (const device of [a, b]) {
			const kept = await device.repository.get('invoices', draft.id);
			expect(kept?.status, device.name).toBe('sent');
			expect(kept?.notes, device.name).toBe('v1');
			expect(kept?.issued, device.name).toEqual(issued.issued);
		}
		// B's edit is not lost: it is kept as a copy on B.
		const copies = await b.store.conflicts();
		expect(copies.map((c) => (c.record as { notes?: string }).notes)).toEqual(['edited on b']);
	});

	it('a draft deleted on one device while issued on another stays issued', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const draft = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
		await a.engine.run();
		await b.engine.run();
		await b.repository.remove('invoices', draft.id);
		await a.repository.save('invoices', withoutMeta(issue(draft, context)), draft);
		b.clock.advance(5_000);
		await b.engine.run();
		await a.engine.run();
		await b.engine.run();
		for (const device of [a, b]) {
			const kept = await device.repository.get('invoices', draft.id);
			expect(kept?.deleted, device.name).toBe(false);
			expect(kept?.status, device.name).toBe('sent');
		}
	});
});
