import { describe, expect, it } from 'vitest';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../testing/factories';
import { correctionDraft, creditNoteDraft, invoiceFromQuote, separateDraft } from './drafts';
import { issue } from './issue';

const TODAY = '2026-03-20';
const context = {
	profile: makeProfile({ name: 'Studio North', taxId: 'DE123', address: 'Hafen 1' }),
	client: makeClient({ name: 'Acme Ltd', taxId: 'GB999', email: 'ap@acme.test' }),
	at: '2026-03-01T10:00:00.000Z',
	locale: 'en-GB'
};
const invoice = makeInvoice({
	id: 'inv',
	status: 'sent',
	issueDate: '2026-02-10',
	dueDate: '2026-04-10',
	lines: [makeLine({ unitPrice: 10_000 })]
});
const quote = makeInvoice({
	id: 'quo',
	number: 'QUO-2026-0001',
	kind: 'quote',
	status: 'sent',
	issueDate: '2026-03-01',
	dueDate: '2026-03-31',
	lines: [makeLine({ unitPrice: 50_000 })]
});

describe('correcting an issued invoice', () => {
	it('starts a draft with the same client and lines that names the invoice it corrects', () => {
		const issued = issue(makeInvoice({ notes: 'Net 30' }), context);
		const draft = correctionDraft(issued, {
			number: 'INV-2026-0002',
			issueDate: '2026-03-05',
			dueDate: '2026-04-04'
		});
		expect(draft).toMatchObject({
			number: 'INV-2026-0002',
			status: 'draft',
			payments: [],
			corrects: issued.id,
			lines: issued.lines,
			notes: 'Net 30'
		});
		expect(draft).not.toHaveProperty('issued');
		expect(draft).not.toHaveProperty('buyerReference');
	});

	it('keeps the buyer reference the invoice was made out to (a Leitweg-ID)', () => {
		const issued = issue(makeInvoice({ buyerReference: '05315-12345-67' }), context);
		const fields = { number: 'INV-2', issueDate: '2026-03-05', dueDate: '2026-04-04' };
		expect(correctionDraft(issued, fields).buyerReference).toBe('05315-12345-67');
	});
});

describe('a credit note draft', () => {
	it('credits the whole invoice by default: its client, currency and lines', () => {
		const draft = creditNoteDraft(invoice, { number: 'CN-2026-0001', issueDate: TODAY });
		expect(draft).toMatchObject({
			kind: 'credit-note',
			credits: 'inv',
			clientId: invoice.clientId,
			currency: invoice.currency,
			lines: invoice.lines,
			status: 'draft',
			dueDate: TODAY
		});
	});
});

describe('a quote', () => {
	it('converts to an invoice draft with the same lines that names the quote', () => {
		const draft = invoiceFromQuote(quote, {
			number: 'INV-2026-0002',
			issueDate: TODAY,
			dueDate: '2026-04-19'
		});
		expect(draft).toMatchObject({
			number: 'INV-2026-0002',
			fromQuote: 'quo',
			lines: quote.lines,
			clientId: quote.clientId,
			status: 'draft',
			payments: []
		});
		expect(draft.kind).toBeUndefined();
	});
});

describe('a version that cannot stand on an issued invoice', () => {
	it('becomes a draft of its own: new number, no id, issue, log, links or payments', () => {
		const issued = issue(
			{ ...invoice, status: 'draft', convertedTo: 'x', correctedBy: 'y' },
			context
		);
		const draft = separateDraft(issued, 'INV-2026-0009');
		expect(draft).toMatchObject({ number: 'INV-2026-0009', status: 'draft', payments: [] });
		expect(draft.lines).toEqual(invoice.lines);
		for (const field of ['id', 'issued', 'activity', 'correctedBy', 'convertedTo', 'hlc']) {
			expect(draft).not.toHaveProperty(field);
		}
	});
});
