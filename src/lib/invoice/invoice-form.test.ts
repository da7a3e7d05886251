import { describe, expect, it } from 'vitest';
import {
	emptyLine,
	formFromInvoice,
	formKeyOf,
	readInvoiceForm,
	type InvoiceForm
} from './invoice-form';
import { formatsFor } from './formats';
import { makeInvoice, makeLine } from '../testing/factories';

const us = formatsFor('en-US', 'en-US');
const de = formatsFor('de-DE', 'en-US');

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
		reference: '',
		buyerReference: '',
		pricesIncludeTax: false,
		...overrides
	};
}
const free = () => false;

describe('units, reference, named rates and prices with tax', () => {
	it('keeps them when given, and leaves them out when not, as records from before them read', () => {
		const line = { ...form().lines[0]!, unit: ' hours ', taxName: 'VAT 20%' };
		const given = readInvoiceForm(
			form({ lines: [line], reference: ' PO-4711 ', pricesIncludeTax: true }),
			free,
			us
		);
		expect(given.fields).toMatchObject({ reference: 'PO-4711', pricesIncludeTax: true });
		expect(given.fields?.lines[0]).toMatchObject({ unit: 'hours', taxName: 'VAT 20%' });
		expect(given.totals.total).toBe(15000);
		const plain = readInvoiceForm(form(), free, us).fields!;
		expect(plain).not.toHaveProperty('reference');
		expect(plain).not.toHaveProperty('pricesIncludeTax');
		expect(plain.lines[0]).not.toHaveProperty('unit');
		expect(plain.lines[0]).not.toHaveProperty('taxName');
	});

	it('refuses a unit or reference too long to print', () => {
		const line = { ...form().lines[0]!, unit: 'x'.repeat(21) };
		const reading = readInvoiceForm(form({ lines: [line], reference: 'y'.repeat(201) }), free, us);
		expect(reading.errors['lines.0.unit']).toBe('At most 20 characters');
		expect(reading.errors.reference).toBe('At most 200 characters');
	});

	it('fills the form from a stored invoice with them', () => {
		const invoice = makeInvoice({
			reference: 'PO-1',
			pricesIncludeTax: true,
			lines: [makeLine({ unit: 'days', taxName: 'VAT 19%', taxRate: 19 })]
		});
		const filled = formFromInvoice(invoice, us);
		expect(filled).toMatchObject({ reference: 'PO-1', pricesIncludeTax: true });
		expect(filled.lines[0]).toMatchObject({ unit: 'days', taxName: 'VAT 19%' });
		expect(formFromInvoice(makeInvoice(), us)).toMatchObject({
			reference: '',
			pricesIncludeTax: false
		});
	});
});

describe('readInvoiceForm', () => {
	it('reads a valid form into fields with live totals', () => {
		const reading = readInvoiceForm(form(), free, us);
		expect(reading.errors).toEqual({});
		expect(reading.fields?.lines[0]).toMatchObject({
			quantity: 1.5,
			unitPrice: 10000,
			taxRate: 20
		});
		expect(reading.totals.total).toBe(18000);
	});

	it('refuses negative quantities and prices, pointing to a credit note', () => {
		const line = form().lines[0]!;
		const reading = readInvoiceForm(
			form({
				lines: [
					{ ...line, quantity: '-1' },
					{ ...line, id: 'l2', unitPrice: '-5' }
				]
			}),
			free,
			us
		);
		expect(reading.fields).toBeNull();
		expect(reading.errors['lines.0.quantity']).toMatch(/not be negative.*credit note/);
		expect(reading.errors['lines.1.unitPrice']).toMatch(/not be negative.*credit note/);
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
			(n) => n === 'INV-7',
			us
		);
		expect(reading.fields).toBeNull();
		expect(reading.errors).toEqual({
			number: 'INV-7 is already used by another invoice',
			clientName: 'Enter or choose a client',
			dueDate: 'Due date is before the issue date',
			'lines.0.description': 'Describe the line',
			'lines.0.quantity': 'Enter a quantity like 1.5',
			'lines.0.unitPrice': 'Enter an amount in USD like 1,234.56',
			'lines.0.taxRate': 'Enter a tax % from 0 to 100'
		});
	});

	it('respects currency decimals', () => {
		const lines = [{ ...emptyLine('l1'), description: 'W', unitPrice: '1000.5' }];
		expect(
			readInvoiceForm(form({ currency: 'JPY', lines }), free, us).errors['lines.0.unitPrice']
		).toBe('Enter an amount in JPY like 1,234');
	});

	it('refuses a fixed discount larger than the subtotal', () => {
		const reading = readInvoiceForm(
			form({ discountKind: 'amount', discountValue: '500' }),
			free,
			us
		);
		expect(reading.errors.discount).toBe('Discount is larger than the subtotal');
	});

	it('round-trips an invoice through the form', () => {
		const invoice = makeInvoice({
			currency: 'BHD',
			lines: [makeLine({ quantity: 2.125, unitPrice: 1234, taxRate: 7.5, discountPercent: 5 })],
			discount: { kind: 'amount', value: 100 }
		});
		for (const formats of [us, de]) {
			const reading = readInvoiceForm({ ...formFromInvoice(invoice, formats) }, free, formats);
			expect(reading.fields?.lines).toEqual(invoice.lines);
			expect(reading.fields?.discount).toEqual(invoice.discount);
		}
		expect(formFromInvoice(invoice, de).lines[0]).toMatchObject({
			quantity: '2,125',
			unitPrice: '1,234',
			taxRate: '7,5'
		});
	});

	it('reads amounts and numbers with the separators of the format, and says the format', () => {
		const lines = [
			{
				...emptyLine('l1'),
				description: 'Work',
				quantity: '1,5',
				unitPrice: '1.234,56',
				taxRate: '7,5',
				discountPercent: '2,5'
			}
		];
		const reading = readInvoiceForm(
			form({ currency: 'EUR', lines, discountKind: 'amount', discountValue: '1,50' }),
			free,
			de
		);
		expect(reading.errors).toEqual({});
		expect(reading.fields?.lines[0]).toMatchObject({
			quantity: 1.5,
			unitPrice: 123456,
			taxRate: 7.5,
			discountPercent: 2.5
		});
		expect(reading.fields?.discount).toEqual({ kind: 'amount', value: 150 });
		const wrong = readInvoiceForm(
			form({ currency: 'EUR', lines: [{ ...lines[0]!, quantity: '1.5', unitPrice: '1,234.56' }] }),
			free,
			de
		);
		expect(wrong.errors).toEqual({
			'lines.0.quantity': 'Enter a quantity like 1,5',
			'lines.0.unitPrice': 'Enter an amount in EUR like 1.234,56'
		});
	});

	it('refuses a line or a total beyond 10^12 in major units, naming the line', () => {
		const line = (id: string, quantity: string, unitPrice: string) => ({
			...emptyLine(id),
			description: 'Big',
			quantity,
			unitPrice
		});
		const tooBig = readInvoiceForm(
			form({ currency: 'EUR', lines: [line('a', '1', '5'), line('b', '1000000', '11900000000')] }),
			free,
			us
		);
		expect(tooBig.fields).toBeNull();
		expect(tooBig.errors).toEqual({
			'lines.1.unitPrice': 'Line 2 comes to more than €1,000,000,000,000.00'
		});
		const atLimit = readInvoiceForm(
			form({ currency: 'EUR', lines: [line('a', '1', '1000000000000')] }),
			free,
			us
		);
		expect(atLimit.errors).toEqual({});
		const total = readInvoiceForm(
			form({
				currency: 'EUR',
				lines: [line('a', '1', '600000000000'), line('b', '1', '700000000000')]
			}),
			free,
			us
		);
		expect(total.errors).toEqual({
			'lines.1.unitPrice': 'The invoice total comes to more than €1,000,000,000,000.00'
		});
	});

	it('refuses text over the stored limits, with the limit', () => {
		const lines = [{ ...emptyLine('l1'), description: 'x'.repeat(2001), unitPrice: '1' }];
		const reading = readInvoiceForm(form({ lines, notes: 'n'.repeat(5001) }), free, us);
		expect(reading.errors).toEqual({
			'lines.0.description': 'At most 2,000 characters',
			notes: 'At most 5,000 characters'
		});
	});
});

describe('formKeyOf', () => {
	it('finds the form field a stored field is edited in', () => {
		expect(formKeyOf('lines.0.description')).toBe('lines.0.description');
		expect(formKeyOf('clientId')).toBe('clientName');
		expect(formKeyOf('discount.value')).toBe('discount');
		expect(formKeyOf('number')).toBe('number');
		expect(formKeyOf('status')).toBeNull();
	});
});

describe('buyer reference and VAT category', () => {
	const line = (extra: object) => ({ ...form().lines[0]!, taxRate: '0', ...extra });

	it('keeps them when given and leaves them out when not', () => {
		const given = readInvoiceForm(
			form({
				buyerReference: ' 05315-12345-67 ',
				lines: [line({ taxCategory: 'AE', taxExemption: ' Reverse charge ' })]
			}),
			free,
			us
		).fields!;
		expect(given.buyerReference).toBe('05315-12345-67');
		expect(given.lines[0]).toMatchObject({ taxCategory: 'AE', taxExemption: 'Reverse charge' });
		const plain = readInvoiceForm(form(), free, us).fields!;
		expect(plain).not.toHaveProperty('buyerReference');
		expect(plain.lines[0]).not.toHaveProperty('taxCategory');
		expect(plain.lines[0]).not.toHaveProperty('taxExemption');
	});

	it('drops a reason on a line that charges VAT, and fills the form back from a record', () => {
		const standard = line({ taxRate: '19', taxCategory: 'S', taxExemption: 'left over' });
		expect(readInvoiceForm(form({ lines: [standard] }), free, us).fields!.lines[0]).toEqual(
			expect.not.objectContaining({ taxExemption: expect.anything() })
		);
		const invoice = makeInvoice({
			buyerReference: 'L-1',
			lines: [makeLine({ taxCategory: 'E', taxExemption: '§ 4 UStG' })]
		});
		const filled = formFromInvoice(invoice, us);
		expect(filled.buyerReference).toBe('L-1');
		expect(filled.lines[0]).toMatchObject({ taxCategory: 'E', taxExemption: '§ 4 UStG' });
	});

	it('refuses a category that does not fit the tax %, and an exempt line without a reason', () => {
		const reading = readInvoiceForm(
			form({
				lines: [
					line({ taxRate: '19', taxCategory: 'AE' }),
					line({ id: 'l2', taxCategory: 'S' }),
					line({ id: 'l3', taxCategory: 'E' })
				]
			}),
			free,
			us
		);
		expect(reading.errors['lines.0.taxCategory']).toBe('Reverse charge lines take 0 % tax');
		expect(reading.errors['lines.1.taxCategory']).toBe(
			'A standard-rated line needs a tax % above 0'
		);
		expect(reading.errors['lines.2.taxExemption']).toBe(
			'Enter why the line is exempt (the law’s article)'
		);
	});
});
