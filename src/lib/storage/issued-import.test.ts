/**
 * An issued invoice's document never changes, whichever way a version arrives: a backup file
 * or a cloud item another tool wrote on top of it. Each test failed before the rule was applied
 * on that path (docs/records.md).
 */
import { describe, expect, it } from 'vitest';
import { issue } from '../invoice/issue';
import { withoutMeta, type Invoice } from '../invoice/schema';
import { makeClient, makeInvoiceDraft, makeProfile } from '../testing/factories';
import { MemoryRemote } from '../testing/memory-remote';
import { makeReplica, type Replica } from '../testing/replica';

const context = {
	profile: makeProfile({ name: 'Studio North' }),
	client: makeClient(),
	at: '2026-11-22T10:00:00.000Z',
	locale: 'en-GB'
};
const FILE_STAMP = '2026-11-22T12:00:00.000Z-0000-file';

async function issuedInvoice(device: Replica): Promise<Invoice> {
	const draft = await device.repository.save('invoices', makeInvoiceDraft({ notes: 'as sent' }));
	return device.repository.save('invoices', withoutMeta(issue(draft, context)), draft);
}

/** A version another tool made on top of `invoice` (its history names it). */
function builtOn(invoice: Invoice, change: Partial<Invoice>): Invoice {
	return {
		...invoice,
		...change,
		hlc: FILE_STAMP,
		history: [invoice.hlc, ...(invoice.history ?? [])].slice(0, 10)
	};
}

const linesOf = (invoice: Invoice | undefined) => invoice?.lines.map((l) => l.unitPrice);

describe('a backup import never changes an issued invoice', () => {
	it('an imported version built on the issued one that edits its lines is kept as a copy', async () => {
		const a = makeReplica('a', new MemoryRemote());
		const sent = await issuedInvoice(a);
		const tampered = builtOn(sent, {
			lines: sent.lines.map((line) => ({ ...line, unitPrice: line.unitPrice + 100 }))
		});
		await a.repository.merge([{ collection: 'invoices', record: tampered }]);
		const stored = await a.repository.get('invoices', sent.id);
		expect(linesOf(stored)).toEqual(linesOf(sent));
		expect(stored?.status).toBe('sent');
		const copies = await a.store.conflicts();
		expect(copies).toHaveLength(1);
		expect(copies[0]).toMatchObject({ source: 'import', fields: ['lines'] });
	});

	it('takes what may change (a payment) and refuses the rest of the same version', async () => {
		const a = makeReplica('a', new MemoryRemote());
		const sent = await issuedInvoice(a);
		const payment = { id: 'p1', date: '2026-11-23', amount: 500, note: '' };
		const mixed = builtOn(sent, { payments: [payment], notes: 'rewritten' });
		await a.repository.merge([{ collection: 'invoices', record: mixed }]);
		const stored = await a.repository.get('invoices', sent.id);
		expect(stored?.payments).toEqual([payment]);
		expect(stored?.notes).toBe('as sent');
		// The version kept is newer than the file's, so a later sync does not undo it.
		expect(stored!.hlc > FILE_STAMP).toBe(true);
		expect(await a.store.conflicts()).toHaveLength(1);
	});

	it('an imported delete built on the issued invoice leaves it issued', async () => {
		const a = makeReplica('a', new MemoryRemote());
		const sent = await issuedInvoice(a);
		await a.repository.merge([
			{ collection: 'invoices', record: builtOn(sent, { deleted: true }) }
		]);
		expect(await a.repository.get('invoices', sent.id)).toMatchObject({
			deleted: false,
			status: 'sent'
		});
	});

	it('an invoice issued elsewhere wins over a local delete of its draft, as sync decides', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const draft = await a.repository.save('invoices', makeInvoiceDraft());
		// Issued on another device (a file from it), deleted here meanwhile.
		const issuedElsewhere = {
			...issue(draft, context),
			hlc: FILE_STAMP,
			history: [draft.hlc]
		};
		await a.repository.remove('invoices', draft.id);
		await a.repository.merge([{ collection: 'invoices', record: issuedElsewhere }]);
		expect(await a.repository.get('invoices', draft.id)).toMatchObject({
			deleted: false,
			status: 'sent',
			issued: issuedElsewhere.issued
		});
		// And the cloud gets the issued one, as every other device will.
		await a.engine.run();
		expect(remote.invoice(draft.id)?.status).toBe('sent');
	});

	it('a file that differs only in the activity log merges the logs without a copy', async () => {
		const a = makeReplica('a', new MemoryRemote());
		const sent = await issuedInvoice(a);
		const stored = (await a.repository.get('invoices', sent.id))!;
		const entry = { at: '2026-11-22T11:00:00.000Z', kind: 'pdf-downloaded' as const, device: 'b' };
		// Made alongside (from the version before this device's last log entry).
		const file = { ...stored, activity: [...(stored.activity ?? []).slice(0, 1), entry] };
		const alongside = { ...file, hlc: FILE_STAMP, history: stored.history };
		await a.repository.merge([{ collection: 'invoices', record: alongside }]);
		expect(await a.store.conflicts()).toEqual([]);
		const kinds = (await a.repository.get('invoices', sent.id))?.activity?.map((e) => e.kind);
		expect(kinds).toEqual(expect.arrayContaining(['issued', 'pdf-downloaded']));
	});
});

describe('a cloud item written on top of an issued invoice by another tool', () => {
	it('never changes its document: this device keeps it, puts it back and keeps a copy', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const sent = await issuedInvoice(a);
		await a.engine.run();
		const item = remote.items.get(`invoices#${sent.id}`)!;
		const tampered = builtOn(sent, { notes: 'changed by a script' });
		remote.items.set(String(item.sk), {
			...item,
			...tampered,
			seq: await remote.reserveSeq(1)
		});
		await a.engine.run();
		expect((await a.repository.get('invoices', sent.id))?.notes).toBe('as sent');
		expect(await a.store.conflicts()).toHaveLength(1);
		await a.engine.run();
		expect(remote.invoice(sent.id)?.notes).toBe('as sent');
	});
});
