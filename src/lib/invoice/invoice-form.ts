/**
 * The invoice editor's fields as typed (strings), and the one function that turns them into
 * a validated invoice draft or per-field messages. Pure, so every rule is unit-tested.
 */
import type { Invoice, LineItem } from './schema';
import { isKnownCurrency, minorToDecimalString, parseMoney, parseScaled } from './money';
import { invoiceTotals, type InvoiceTotals } from './totals';
import { countOf } from './words';

export interface LineForm {
	id: string;
	description: string;
	quantity: string;
	unitPrice: string;
	taxRate: string;
	discountPercent: string;
}

export interface InvoiceForm {
	number: string;
	clientName: string;
	issueDate: string;
	dueDate: string;
	currency: string;
	lines: LineForm[];
	discountKind: 'percent' | 'amount';
	discountValue: string;
	notes: string;
}

export type InvoiceFields = Omit<
	InvoiceForm,
	'lines' | 'discountKind' | 'discountValue' | 'clientName'
> &
	Pick<Invoice, 'lines' | 'discount'> & { clientName: string };

export interface FormReading {
	/** Field path ("number", "lines.2.unitPrice") → what is wrong with it. */
	errors: Record<string, string>;
	/** Totals of what can be read so far; unreadable numbers count as zero. */
	totals: InvoiceTotals;
	fields: InvoiceFields | null;
}

export function emptyLine(id: string): LineForm {
	return { id, description: '', quantity: '1', unitPrice: '', taxRate: '0', discountPercent: '0' };
}

export function formFromInvoice(invoice: Invoice): InvoiceForm {
	return {
		number: invoice.number,
		clientName: invoice.clientName,
		issueDate: invoice.issueDate,
		dueDate: invoice.dueDate,
		currency: invoice.currency,
		lines: invoice.lines.map((line) => ({
			id: line.id,
			description: line.description,
			quantity: String(line.quantity),
			unitPrice: minorToDecimalString(line.unitPrice, invoice.currency),
			taxRate: String(line.taxRate),
			discountPercent: String(line.discountPercent)
		})),
		discountKind: invoice.discount.kind,
		discountValue:
			invoice.discount.kind === 'amount'
				? minorToDecimalString(invoice.discount.value, invoice.currency)
				: String(invoice.discount.value),
		notes: invoice.notes
	};
}

/** A decimal with at most `decimals` places within [min, max], or a message. */
function readDecimal(
	text: string,
	decimals: number,
	min: number,
	max: number,
	what: string
): number | string {
	const scaled = parseScaled(text.replace(/[\s,]/g, ''), decimals);
	if (scaled === null) {
		return decimals === 0
			? `${what} must be a whole number`
			: `${what} must be a number with at most ${countOf(decimals, 'decimal')}`;
	}
	const value = scaled / 10 ** decimals;
	if (value < min || value > max) return `${what} must be between ${min} and ${max}`;
	return value;
}

export function readInvoiceForm(
	form: InvoiceForm,
	numberTaken: (number: string) => boolean
): FormReading {
	const errors: Record<string, string> = {};
	const currency = isKnownCurrency(form.currency) ? form.currency : 'USD';
	if (!isKnownCurrency(form.currency)) errors.currency = 'Choose a currency';
	const number = form.number.trim();
	if (!number) errors.number = 'Enter an invoice number';
	else if (numberTaken(number)) errors.number = `${number} is already used by another invoice`;
	if (!form.clientName.trim()) errors.clientName = 'Enter or choose a client';
	if (!form.issueDate) errors.issueDate = 'Enter the issue date';
	if (!form.dueDate) errors.dueDate = 'Enter the due date';
	else if (form.issueDate && form.dueDate < form.issueDate)
		errors.dueDate = 'Due date is before the issue date';
	if (form.lines.length === 0) errors.lines = 'Add at least one line';

	const lines: LineItem[] = form.lines.map((line, i) => {
		const field = (name: keyof LineForm, value: number | string): number => {
			if (typeof value === 'string') {
				errors[`lines.${i}.${name}`] = value;
				return 0;
			}
			return value;
		};
		const unitPrice = parseMoney(line.unitPrice, currency);
		if (!line.description.trim()) errors[`lines.${i}.description`] = 'Describe the line';
		return {
			id: line.id,
			description: line.description.trim(),
			quantity: field('quantity', readDecimal(line.quantity, 3, -1e9, 1e9, 'Quantity')),
			unitPrice: field(
				'unitPrice',
				unitPrice ??
					(line.unitPrice.trim()
						? `Unit price must be an amount in ${currency}`
						: 'Enter a unit price')
			),
			taxRate: field('taxRate', readDecimal(line.taxRate || '0', 3, 0, 100, 'Tax %')),
			discountPercent: field(
				'discountPercent',
				readDecimal(line.discountPercent || '0', 3, 0, 100, 'Discount %')
			)
		};
	});

	let discount: Invoice['discount'];
	if (form.discountKind === 'percent') {
		const value = readDecimal(form.discountValue || '0', 3, 0, 100, 'Discount');
		if (typeof value === 'string') errors.discount = value;
		discount = { kind: 'percent', value: typeof value === 'number' ? value : 0 };
	} else {
		const value = parseMoney(form.discountValue || '0', currency);
		if (value === null || value < 0) errors.discount = `Discount must be an amount in ${currency}`;
		discount = { kind: 'amount', value: value !== null && value > 0 ? value : 0 };
	}

	const totals = invoiceTotals({ lines, discount, payments: [] });
	if (discount.kind === 'amount' && discount.value > Math.max(totals.subtotal, 0)) {
		errors.discount ??= 'Discount is larger than the subtotal';
	}
	const fields: InvoiceFields | null =
		Object.keys(errors).length > 0
			? null
			: {
					number,
					clientName: form.clientName.trim(),
					issueDate: form.issueDate,
					dueDate: form.dueDate,
					currency,
					lines,
					discount,
					notes: form.notes.trim()
				};
	return { errors, totals, fields };
}
