/**
 * Representative invoices for the e-invoice tests: one per VAT situation the app supports, made
 * with the app's own records, as issued (frozen) documents.
 */
import { issue } from '../invoice/issue';
import type { BusinessProfile, Client, Invoice, LineItem } from '../invoice/schema';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../testing/factories';
import type { EInvoiceContext } from '../einvoice/einvoice';

export const SELLER: BusinessProfile = makeProfile({
	name: 'Studio Nord GmbH',
	email: 'rechnung@studio-nord.test',
	address: 'Hafenstraße 1\n20457 Hamburg',
	street: 'Hafenstraße 1',
	postcode: '20457',
	city: 'Hamburg',
	country: 'DE',
	phone: '+49 40 123456',
	taxId: 'DE123456789',
	defaultCurrency: 'EUR',
	payment: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' }
});

const domesticClient = makeClient({
	name: 'Stadtwerke Köln',
	email: 'einkauf@stadtwerke.test',
	street: 'Domkloster 4',
	postcode: '50667',
	city: 'Köln',
	country: 'DE',
	taxId: 'DE987654321',
	buyerReference: '05315-12345-67'
});

const frenchClient = makeClient({
	id: 'client-fr',
	name: 'Atelier Lumière SARL',
	email: 'compta@lumiere.test',
	street: '12 rue de la Paix',
	postcode: '75002',
	city: 'Paris',
	country: 'FR',
	taxId: 'FR12345678901'
});

const usClient = makeClient({
	id: 'client-us',
	name: 'Acme Inc.',
	email: 'ap@acme.test',
	street: '1 Main Street',
	postcode: '10001',
	city: 'New York',
	country: 'US'
});

const line = (id: string, overrides: Partial<LineItem>) =>
	makeLine({ id, description: `Work ${id}`, ...overrides });

export interface Sample {
	name: string;
	invoice: Invoice;
	context: EInvoiceContext;
}

function sample(
	name: string,
	fields: Partial<Invoice>,
	client: Client,
	credited?: Invoice
): Sample {
	const draft = makeInvoice({
		id: `invoice-${fields.number}`,
		currency: 'EUR',
		clientId: client.id,
		clientName: client.name,
		...fields
	});
	const at = '2026-03-01T10:00:00.000Z';
	const invoice = issue(draft, { profile: SELLER, client, at, locale: 'de-DE' });
	return { name, invoice, context: { profile: SELLER, client, credited } };
}

const domestic = sample(
	'domestic 19 %',
	{
		number: 'RE-2026-001',
		lines: [
			line('1', {
				description: 'Consulting',
				quantity: 12.5,
				unit: 'hours',
				unitPrice: 9500,
				taxRate: 19
			}),
			line('2', { description: 'Travel', quantity: 1, unitPrice: 4990, taxRate: 19 })
		]
	},
	domesticClient
);

export const SAMPLES: Sample[] = [
	domestic,
	sample(
		'mixed 7 / 19 %',
		{
			number: 'RE-2026-002',
			lines: [
				line('1', { description: 'Books', quantity: 3, unit: 'pcs', unitPrice: 1999, taxRate: 7 }),
				line('2', {
					description: 'Workshop',
					quantity: 1.5,
					unit: 'days',
					unitPrice: 80000,
					taxRate: 19
				})
			]
		},
		domesticClient
	),
	sample(
		'with line and invoice discounts',
		{
			number: 'RE-2026-003',
			discount: { kind: 'percent', value: 7.5 },
			lines: [
				line('1', { quantity: 3, unitPrice: 3333, taxRate: 19, discountPercent: 10 }),
				line('2', { quantity: 7, unitPrice: 1111, taxRate: 7 }),
				line('3', { quantity: 0.333, unitPrice: 10001, taxRate: 19 })
			]
		},
		domesticClient
	),
	sample(
		'prices include tax, with an amount discount',
		{
			number: 'RE-2026-004',
			pricesIncludeTax: true,
			discount: { kind: 'amount', value: 1000 },
			lines: [
				line('1', { quantity: 3, unitPrice: 1190, taxRate: 19, discountPercent: 5 }),
				line('2', { quantity: 2, unitPrice: 1070, taxRate: 7 }),
				line('3', { quantity: 1, unitPrice: 999, taxRate: 19 })
			]
		},
		domesticClient
	),
	sample(
		'reverse charge',
		{
			number: 'RE-2026-005',
			reference: 'PO-4711',
			lines: [
				line('1', { quantity: 10, unit: 'hours', unitPrice: 12000, taxRate: 0, taxCategory: 'AE' })
			]
		},
		frenchClient
	),
	sample(
		'intra-community supply',
		{
			number: 'RE-2026-006',
			reference: 'PO-4711',
			lines: [line('1', { quantity: 4, unit: 'kg', unitPrice: 2500, taxRate: 0, taxCategory: 'K' })]
		},
		frenchClient
	),
	sample(
		'exempt with reason, beside standard-rated',
		{
			number: 'RE-2026-007',
			lines: [
				line('1', {
					description: 'Medical course',
					unitPrice: 50000,
					taxRate: 0,
					taxCategory: 'E',
					taxExemption: 'Exempt under § 4 Nr. 21 UStG'
				}),
				line('2', { description: 'Course book', unitPrice: 2500, taxRate: 19 })
			]
		},
		domesticClient
	),
	sample(
		'export outside the EU, in USD',
		{
			number: 'RE-2026-008',
			reference: 'PO-4711',
			currency: 'USD',
			lines: [line('1', { quantity: 2, unitPrice: 150000, taxRate: 0, taxCategory: 'G' })]
		},
		usClient
	),
	sample(
		'in GBP',
		{
			number: 'RE-2026-009',
			currency: 'GBP',
			lines: [line('1', { quantity: 1, unitPrice: 99999, taxRate: 19 })]
		},
		domesticClient
	),
	sample(
		'not subject to VAT',
		{
			number: 'RE-2026-010',
			lines: [line('1', { unitPrice: 20000, taxRate: 0, taxCategory: 'O' })]
		},
		domesticClient
	),
	sample(
		'credit note',
		{
			number: 'GS-2026-001',
			kind: 'credit-note',
			credits: domestic.invoice.id,
			dueDate: '2026-01-10',
			notes: 'Credit note for invoice RE-2026-001.',
			lines: [line('1', { description: 'Travel', unitPrice: 4990, taxRate: 19 })]
		},
		domesticClient,
		domestic.invoice
	)
];
