import { describe, expect, it } from 'vitest';
import { emptyLine, formFromInvoice, readInvoiceForm, type InvoiceForm } from './invoice-form';
import { makeInvoice, makeLine } from '../testing/factories';

function form(overrides: Partial<InvoiceForm> = {}): InvoiceForm {
	return {
		number: 'INV-1',
		clientName: 'Acme',
		issueDate: '2026-03-01',
		dueDate: '2026-03-31',
		currency: 'USD',
		lines: [
			{
				...emptyLine('l1'),
				description: 'Work',
				quantity: '1.5',
				unitPrice: '100.00',
				taxRate: '20'
			}
		],
		discountKind: 'percent',
		discountValue: '0',
		notes: '',
		...overrides
	};
}
const free = () => false;

describe('readInvoiceForm', () => {
	it('reads a valid form into fields with live totals', () => {
		const reading = readInvoiceForm(form(), free);
		expect(reading.errors).toEqual({});
		expect(reading.fields?.lines[0]).toMatchObject({
			quantity: 1.5,
			unitPrice: 10000,
			taxRate: 20
		});
		expect(reading.totals.total).toBe(18000);
	});

	it('names every wrong field', () => {
		const reading = readInvoiceForm(
			form({
				number: 'INV-7',
				clientName: ' ',
				dueDate: '2026-02-01',
				lines: [
					{ ...emptyLine('l1'), description: '', quantity: 'x', unitPrice: '1.234', taxRate: '120' }
				]
			}),
			(n) => n === 'INV-7'
		);
		expect(reading.fields).toBeNull();
		expect(reading.errors).toEqual({
			number: 'INV-7 is already used by another invoice',
			clientName: 'Enter or choose a client',
			dueDate: 'Due date is before the issue date',
			'lines.0.description': 'Describe the line',
			'lines.0.quantity': 'Quantity must be a number with at most 3 decimals',
			'lines.0.unitPrice': 'Unit price must be an amount in USD',
			'lines.0.taxRate': 'Tax % must be between 0 and 100'
		});
	});

	it('respects currency decimals', () => {
		const lines = [{ ...emptyLine('l1'), description: 'W', unitPrice: '1000.5' }];
		expect(
			readInvoiceForm(form({ currency: 'JPY', lines }), free).errors['lines.0.unitPrice']
		).toMatch(/JPY/);
	});

	it('refuses a fixed discount larger than the subtotal', () => {
		const reading = readInvoiceForm(form({ discountKind: 'amount', discountValue: '500' }), free);
		expect(reading.errors.discount).toBe('Discount is larger than the subtotal');
	});

	it('round-trips an invoice through the form', () => {
		const invoice = makeInvoice({
			currency: 'BHD',
			lines: [makeLine({ quantity: 2.125, unitPrice: 1234, taxRate: 7.5, discountPercent: 5 })],
			discount: { kind: 'amount', value: 100 }
		});
		const reading = readInvoiceForm({ ...formFromInvoice(invoice) }, free);
		expect(reading.fields?.lines).toEqual(invoice.lines);
		expect(reading.fields?.discount).toEqual(invoice.discount);
	});
});
