import { describe, expect, it } from 'vitest';
import type { InvoiceFields } from '../invoice/invoice-form';
import { withoutMeta, type Invoice } from '../invoice/schema';
import { MemoryTabNetwork } from '../platform/channel';
import { ManualClock } from '../platform/clock';
import { SequentialIds } from '../platform/ids';
import { MemoryRecordStore } from '../storage/memory-store';
import { Repository, type ChangeNotice } from '../storage/repository';
import { makeInvoiceDraft } from '../testing/factories';
import { makeProfile } from '../testing/factories';
import {
	addPayment,
	correctInvoice,
	freezeIssued,
	issueInvoice,
	removePayment,
	restorePayment,
	saveInvoice
} from './invoice-actions';

/** One store, written by the open form and by "elsewhere" (a sync, another tab). */
async function openedInvoice() {
	const store = new MemoryRecordStore();
	const clock = new ManualClock(Date.parse('2026-03-10T12:00:00Z'));
	const network = new MemoryTabNetwork<ChangeNotice>();
	const tab = (name: string) =>
		new Repository(store, clock, new SequentialIds(name), network.join(), 'laptop');
	const form = tab('form');
	const elsewhere = tab('elsewhere');
	const client = await form.save('clients', {
		name: 'Acme Ltd',
		email: '',
		address: '',
		taxId: ''
	});
	const invoice = await form.save(
		'invoices',
		makeInvoiceDraft({ clientId: client.id, clientName: client.name, notes: 'PO 4711' })
	);
	clock.advance(60_000);
	/** Saves a change to the invoice as another device's sync or another tab would. */
	const editElsewhere = async (change: Partial<Invoice>) => {
		const stored = (await store.get('invoices', invoice.id))!;
		await elsewhere.save('invoices', { ...withoutMeta(stored), ...change }, stored);
		clock.advance(60_000);
	};
	return { store, form, elsewhere, clients: [client], invoice, editElsewhere };
}

/** What the editor form reads back from an unchanged invoice. */
function fieldsOf(invoice: Invoice): InvoiceFields {
	const { number, clientName, issueDate, dueDate, currency, lines, discount, notes } = invoice;
	return { number, clientName, issueDate, dueDate, currency, lines, discount, notes };
}

describe('saveInvoice', () => {
	it('keeps a change made elsewhere while the editor was open', async () => {
		const { store, form, clients, invoice, editElsewhere } = await openedInvoice();
		const snapshot = invoice; // what the editor was loaded from
		await editElsewhere({ notes: 'PO 4711, deliver to gate 3' });

		const outcome = await saveInvoice(
			form,
			clients,
			{ ...fieldsOf(snapshot), dueDate: '2026-03-01' },
			snapshot
		);

		const stored = await store.get('invoices', invoice.id);
		expect(stored).toMatchObject({ notes: 'PO 4711, deliver to gate 3', dueDate: '2026-03-01' });
		expect(outcome).toMatchObject({ merged: ['notes'], clashes: [], deleted: false });
		expect(await store.conflicts()).toEqual([]);
	});

	it('where both changed a field, keeps the edit and the other value as a conflict copy', async () => {
		const { store, form, clients, invoice, editElsewhere } = await openedInvoice();
		await editElsewhere({ notes: 'Their notes' });

		const outcome = await saveInvoice(
			form,
			clients,
			{ ...fieldsOf(invoice), notes: 'My notes' },
			invoice
		);

		expect((await store.get('invoices', invoice.id))?.notes).toBe('My notes');
		expect(outcome).toMatchObject({ merged: [], clashes: ['notes'], deleted: false });
		const copies = await store.conflicts();
		expect(copies.map((c) => [c.fields, (c.record as Invoice).notes])).toEqual([
			[['notes'], 'Their notes']
		]);
	});

	it('leaves an invoice deleted elsewhere deleted, and keeps the edit as a copy', async () => {
		const { store, form, elsewhere, clients, invoice } = await openedInvoice();
		await elsewhere.remove('invoices', invoice.id);

		const outcome = await saveInvoice(
			form,
			clients,
			{ ...fieldsOf(invoice), notes: 'Typed meanwhile' },
			invoice
		);

		expect(outcome.deleted).toBe(true);
		expect((await store.get('invoices', invoice.id))?.deleted).toBe(true);
		const copies = await store.conflicts();
		expect(copies.map((c) => (c.record as Invoice).notes)).toEqual(['Typed meanwhile']);
	});
});

const issuing = (at = '2026-03-10T12:00:00.000Z') => ({
	profile: makeProfile({ name: 'Studio North' }),
	client: undefined,
	at,
	locale: 'en-GB'
});

describe('issueInvoice', () => {
	it('keeps a change made elsewhere since the invoice was shown', async () => {
		const { store, form, invoice, editElsewhere } = await openedInvoice();
		await editElsewhere({ dueDate: '2026-04-30' });

		const outcome = await issueInvoice(form, invoice, issuing());

		const stored = await store.get('invoices', invoice.id);
		expect(stored).toMatchObject({ status: 'sent', dueDate: '2026-04-30' });
		expect(outcome).toMatchObject({ merged: ['dueDate'], clashes: [] });
	});
});

describe('restorePayment', () => {
	const payment = {
		id: 'pay-1',
		date: '2026-03-10',
		amount: 2500,
		note: '',
		method: 'bank-transfer' as const,
		reference: 'RF18'
	};

	it('brings a removed payment back with its id, as an edit on top of what is stored', async () => {
		const { store, form, invoice, editElsewhere } = await openedInvoice();
		const paid = (await addPayment(form, invoice, payment)).record;
		const removed = (await removePayment(form, paid, payment.id)).record;
		await editElsewhere({ notes: 'Changed meanwhile' });
		const before = await store.get('invoices', invoice.id);

		await restorePayment(form, removed.id, payment);

		const stored = await store.get('invoices', invoice.id);
		expect(stored?.payments).toEqual([payment]);
		expect(stored?.notes).toBe('Changed meanwhile');
		expect(stored?.history?.[0]).toBe(before?.hlc);
	});

	it('adds nothing when the payment is there again, and says when the invoice is gone', async () => {
		const { store, form, elsewhere, invoice } = await openedInvoice();
		await addPayment(form, invoice, payment);
		await restorePayment(form, invoice.id, payment);
		expect((await store.get('invoices', invoice.id))?.payments).toEqual([payment]);

		await elsewhere.remove('invoices', invoice.id);
		await expect(restorePayment(form, invoice.id, payment)).rejects.toThrow(/deleted/);
	});
});

describe('correctInvoice', () => {
	it('voids the invoice and starts a linked draft with its lines', async () => {
		const { store, form, invoice, clients } = await openedInvoice();
		const issued = (await issueInvoice(form, invoice, issuing())).record;
		const draft = await correctInvoice(form, issued, {
			number: 'INV-2026-0002',
			issueDate: '2026-03-11',
			dueDate: '2026-04-10'
		});
		expect(draft).toMatchObject({ status: 'draft', corrects: invoice.id, notes: 'PO 4711' });
		expect(await store.get('invoices', invoice.id)).toMatchObject({
			status: 'void',
			correctedBy: draft.id,
			issued: issued.issued
		});
		// Edited in the editor, the draft still names what it corrects.
		const edited = await saveInvoice(form, clients, { ...fieldsOf(draft), notes: 'fixed' }, draft);
		expect(edited.record).toMatchObject({ notes: 'fixed', corrects: invoice.id });
	});

	it('stopped between its two steps, leaves the invoice valid and the draft linked', async () => {
		const { store, form, invoice } = await openedInvoice();
		const issued = (await issueInvoice(form, invoice, issuing())).record;
		// The draft's save goes through; the tab closes before the void is written.
		const realUpdate = form.update.bind(form);
		let calls = 0;
		form.update = (async (...args: Parameters<typeof realUpdate>) => {
			if (++calls > 1) throw new Error('the tab was closed');
			return realUpdate(...args);
		}) as typeof form.update;
		await expect(
			correctInvoice(form, issued, {
				number: 'X-2',
				issueDate: '2026-03-11',
				dueDate: '2026-04-10'
			})
		).rejects.toThrow('the tab was closed');
		form.update = realUpdate;
		expect((await store.get('invoices', invoice.id))?.status).toBe('sent');
		const all = await store.all('invoices');
		expect(all.filter((i) => i.corrects === invoice.id).map((i) => i.status)).toEqual(['draft']);
	});
});

describe('freezeIssued', () => {
	it('gives invoices issued before snapshots the details they had, and leaves the rest', async () => {
		const { store, form, invoice, editElsewhere } = await openedInvoice();
		await editElsewhere({ status: 'sent' });
		const legacy = (await store.get('invoices', invoice.id))!;
		const draft = await form.save('invoices', makeInvoiceDraft({ number: 'INV-2026-0009' }));
		expect(await freezeIssued(form, [legacy, draft], () => issuing())).toBe(1);
		expect((await store.get('invoices', invoice.id))?.issued?.seller.name).toBe('Studio North');
		expect((await store.get('invoices', draft.id))?.issued).toBeUndefined();
		const again = (await store.get('invoices', invoice.id))!;
		expect(await freezeIssued(form, [again], () => issuing())).toBe(0);
	});
});
