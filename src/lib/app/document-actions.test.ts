import { describe, expect, it } from 'vitest';
import { MemoryTabNetwork } from '../platform/channel';
import { ManualClock } from '../platform/clock';
import { SequentialIds } from '../platform/ids';
import { MemoryRecordStore } from '../storage/memory-store';
import { Repository, type ChangeNotice } from '../storage/repository';
import { makeInvoiceDraft, makeLine } from '../testing/factories';
import { answerQuote, convertQuote, createCreditNote } from './document-actions';
import { saveInvoice } from './invoice-actions';

function setup() {
	const store = new MemoryRecordStore();
	const clock = new ManualClock(Date.parse('2026-03-10T12:00:00Z'));
	const repository = new Repository(
		store,
		clock,
		new SequentialIds('t'),
		new MemoryTabNetwork<ChangeNotice>().join(),
		'laptop'
	);
	return { store, repository };
}
const lines = [makeLine({ id: 'a', unitPrice: 4_000 }), makeLine({ id: 'b', unitPrice: 6_000 })];

describe('quotes', () => {
	it('convert to a linked invoice draft with the same lines; the quote is accepted', async () => {
		const { store, repository } = setup();
		const quote = await repository.save(
			'invoices',
			makeInvoiceDraft({ kind: 'quote', number: 'QUO-2026-0001', status: 'sent', lines })
		);
		const invoice = await convertQuote(repository, quote, {
			number: 'INV-2026-0001',
			issueDate: '2026-03-10',
			dueDate: '2026-04-09'
		});
		expect(invoice).toMatchObject({ status: 'draft', fromQuote: quote.id, lines });
		expect(invoice.kind).toBeUndefined();
		expect(await store.get('invoices', quote.id)).toMatchObject({
			status: 'accepted',
			convertedTo: invoice.id,
			lines
		});
	});

	it('are declined, and a new quote keeps its kind when saved again', async () => {
		const { repository } = setup();
		const quote = await repository.save(
			'invoices',
			makeInvoiceDraft({ kind: 'quote', status: 'sent' })
		);
		const { record } = await answerQuote(repository, quote, 'declined');
		expect(record.status).toBe('declined');
		const draft = await repository.save('invoices', makeInvoiceDraft({ kind: 'quote' }));
		const { clientName, number, issueDate, dueDate, currency, discount, notes } = draft;
		const fields = { clientName, number, issueDate, dueDate, currency, discount, notes, lines };
		const saved = await saveInvoice(repository, [], fields, draft);
		expect(saved.record.kind).toBe('quote');
	});
});

describe('credit notes', () => {
	it('start as a draft crediting the whole invoice, linked to it', async () => {
		const { repository } = setup();
		const invoice = await repository.save('invoices', makeInvoiceDraft({ status: 'sent', lines }));
		const note = await createCreditNote(repository, invoice, {
			number: 'CN-2026-0001',
			issueDate: '2026-03-12'
		});
		expect(note).toMatchObject({
			kind: 'credit-note',
			credits: invoice.id,
			status: 'draft',
			lines,
			number: 'CN-2026-0001'
		});
	});
});
