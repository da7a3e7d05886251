import { describe, expect, it } from 'vitest';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../testing/factories';
import {
	frozen,
	issue,
	IssuedInvoiceError,
	issuedChangeProblem,
	needsFreezing,
	partiesOf
} from './issue';

const AT = '2026-03-01T10:00:00.000Z';
const context = (at = AT) => ({ profile, client, at, locale: 'en-GB' });
const profile = makeProfile({ name: 'Studio North', taxId: 'DE123', address: 'Hafen 1' });
const client = makeClient({ name: 'Acme Ltd', taxId: 'GB999', email: 'ap@acme.test' });

describe('issuing an invoice', () => {
	it('copies both parties into it, so later edits of client or profile do not reach it', () => {
		const issued = issue(makeInvoice(), context());
		expect(issued.status).toBe('sent');
		expect(issued.issued).toEqual({
			at: AT,
			locale: 'en-GB',
			seller: { name: 'Studio North', email: '', address: 'Hafen 1', taxId: 'DE123' },
			buyer: { name: 'Acme Ltd', email: 'ap@acme.test', address: '1 Main Street', taxId: 'GB999' }
		});
		const later = partiesOf(
			issued,
			{ ...profile, taxId: 'DE-NEW' },
			{ ...client, name: 'Acme Group', taxId: 'CHANGED' }
		);
		expect(later.seller.taxId).toBe('DE123');
		expect(later.buyer).toEqual(issued.issued?.buyer);
	});

	it('freezes the e-invoicing details too, and leaves out the ones never entered', () => {
		const seller = { street: 'Hafen 1', postcode: '20457', city: 'Hamburg', country: 'DE' };
		const buyer = {
			country: 'FR',
			endpoint: { scheme: '0009', id: '12345678900017' },
			buyerReference: '04011000-12345-67'
		};
		const issued = issue(makeInvoice(), {
			...context(),
			profile: { ...profile, ...seller, phone: '+49 40 1234' },
			client: { ...client, ...buyer }
		});
		expect(issued.issued?.seller).toEqual({
			name: 'Studio North',
			email: '',
			address: 'Hafen 1',
			taxId: 'DE123',
			...seller,
			phone: '+49 40 1234'
		});
		expect(issued.issued?.buyer).toMatchObject(buyer);
		expect(Object.keys(issue(makeInvoice(), context()).issued!.buyer)).toEqual([
			'name',
			'email',
			'address',
			'taxId'
		]);
	});

	it('shows a draft with the current details', () => {
		const draft = makeInvoice();
		expect(partiesOf(draft, profile, { ...client, taxId: 'NEW' }).buyer.taxId).toBe('NEW');
		// A client deleted since: the name the invoice was saved with, and nothing else.
		expect(partiesOf(draft, profile, undefined).buyer.name).toBe('Acme Ltd');
	});

	it('cannot issue twice', () => {
		const issued = issue(makeInvoice(), context());
		expect(() => issue(issued, context())).toThrow(IssuedInvoiceError);
	});

	it('freezes invoices issued before snapshots existed, once', () => {
		const legacy = makeInvoice({ status: 'sent' });
		expect(needsFreezing(legacy)).toBe(true);
		expect(needsFreezing(makeInvoice())).toBe(false);
		const done = frozen(legacy, context());
		expect(needsFreezing(done)).toBe(false);
		expect(done.issued?.at).toBe('2026-01-10T00:00:00.000Z');
		expect(issuedChangeProblem(legacy, done)).toBeNull();
	});
});

describe('what may change once issued', () => {
	const issued = issue(makeInvoice(), context());

	it('lets a draft change freely and be deleted', () => {
		const draft = makeInvoice();
		expect(issuedChangeProblem(draft, { ...draft, notes: 'x' })).toBeNull();
		expect(issuedChangeProblem(draft, null)).toBeNull();
		expect(issuedChangeProblem(draft, issued)).toBeNull();
	});

	it('allows payments, paid, void and the correction link', () => {
		const payment = { id: 'p1', date: '2026-03-02', amount: 100, note: '' };
		expect(issuedChangeProblem(issued, { ...issued, payments: [payment] })).toBeNull();
		expect(issuedChangeProblem(issued, { ...issued, status: 'paid' })).toBeNull();
		expect(
			issuedChangeProblem(issued, { ...issued, status: 'void', correctedBy: 'invoice-2' })
		).toBeNull();
	});

	it('refuses edits of the document, deletes, a return to draft and reopening a void one', () => {
		expect(issuedChangeProblem(issued, { ...issued, notes: 'changed' })).toBe('edited');
		expect(issuedChangeProblem(issued, { ...issued, lines: [makeLine({ unitPrice: 1 })] })).toBe(
			'edited'
		);
		expect(
			issuedChangeProblem(issued, {
				...issued,
				issued: { ...issued.issued!, buyer: { ...issued.issued!.buyer, taxId: 'X' } }
			})
		).toBe('edited');
		expect(issuedChangeProblem(issued, { ...issued, clientName: 'Other' })).toBe('edited');
		expect(issuedChangeProblem(issued, null)).toBe('deleted');
		expect(issuedChangeProblem(issued, { ...issued, status: 'draft' })).toBe(
			'turned back into a draft'
		);
		const voided = { ...issued, status: 'void' as const };
		expect(issuedChangeProblem(voided, { ...voided, status: 'sent' })).toBe('reopened');
	});

	it('treats the same content in another key order as unchanged', () => {
		const reordered = {
			...issued,
			lines: issued.lines.map((line) => Object.fromEntries(Object.entries(line).reverse()))
		} as typeof issued;
		expect(issuedChangeProblem(issued, reordered)).toBeNull();
	});
});
