/**
 * The invoice editor's fields as typed (strings), and the one function that turns them into
 * a validated invoice draft or per-field messages. Pure, so every rule is unit-tested.
 */
import type { Formats } from './formats';
import { INVOICE_TEXT_LIMITS, type Invoice, type LineItem } from './schema';
import {
	isKnownCurrency,
	minorToDecimalString,
	moneyLimit,
	parseScaled,
	withinMoneyLimit
} from './money';
import { invoiceTotals, type InvoiceTotals } from './totals';
import {
	needsExemptionNote,
	VAT_CATEGORIES,
	VAT_CATEGORY_WORDS,
	type VatCategory
} from './vat-category';

export interface LineForm {
	id: string;
	description: string;
	quantity: string;
	unitPrice: string;
	taxRate: string;
	discountPercent: string;
	unit: string;
	/** The saved rate the tax % was chosen from, or empty (typed by hand). */
	taxName: string;
	/** The VAT category, or empty: not chosen (vat-category.ts). */
	taxCategory: VatCategory | '';
	taxExemption: string;
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
	reference: string;
	buyerReference: string;
	pricesIncludeTax: boolean;
}

export type InvoiceFields = Omit<
	InvoiceForm,
	| 'lines'
	| 'discountKind'
	| 'discountValue'
	| 'clientName'
	| 'reference'
	| 'buyerReference'
	| 'pricesIncludeTax'
> &
	Pick<Invoice, 'lines' | 'discount' | 'reference' | 'buyerReference' | 'pricesIncludeTax'> & {
		clientName: string;
	};

export interface FormReading {
	/** Field path ("number", "lines.2.unitPrice") → what is wrong with it. */
	errors: Record<string, string>;
	/** Totals of what can be read so far; unreadable numbers count as zero. */
	totals: InvoiceTotals;
	fields: InvoiceFields | null;
}

export function emptyLine(id: string): LineForm {
	return {
		id,
		description: '',
		quantity: '1',
		unitPrice: '',
		taxRate: '0',
		discountPercent: '0',
		unit: '',
		taxName: '',
		taxCategory: '',
		taxExemption: ''
	};
}

/** The form of a stored invoice, its numbers written as `formats` reads them back. */
export function formFromInvoice(invoice: Invoice, formats: Formats): InvoiceForm {
	const money = (minor: number) => formats.fieldText(minorToDecimalString(minor, invoice.currency));
	const number = (value: number) => formats.fieldText(String(value));
	return {
		number: invoice.number,
		clientName: invoice.clientName,
		issueDate: invoice.issueDate,
		dueDate: invoice.dueDate,
		currency: invoice.currency,
		lines: invoice.lines.map((line) => ({
			id: line.id,
			description: line.description,
			quantity: number(line.quantity),
			unitPrice: money(line.unitPrice),
			taxRate: number(line.taxRate),
			discountPercent: number(line.discountPercent),
			unit: line.unit ?? '',
			taxName: line.taxName ?? '',
			taxCategory: line.taxCategory ?? '',
			taxExemption: line.taxExemption ?? ''
		})),
		discountKind: invoice.discount.kind,
		discountValue:
			invoice.discount.kind === 'amount'
				? money(invoice.discount.value)
				: number(invoice.discount.value),
		notes: invoice.notes,
		reference: invoice.reference ?? '',
		buyerReference: invoice.buyerReference ?? '',
		pricesIncludeTax: invoice.pricesIncludeTax === true
	};
}

/** Where a stored invoice's field is edited in the form, or null when it is not. */
export function formKeyOf(path: string): string | null {
	if (path === 'clientId') return 'clientName';
	if (path.startsWith('discount')) return 'discount';
	if (/^lines\.\d+\.\w+$/.test(path)) return path;
	const fields = ['number', 'clientName', 'issueDate', 'dueDate', 'currency', 'lines', 'notes'];
	return [...fields, 'reference', 'buyerReference'].includes(path) ? path : null;
}

/** Reads the form's numbers in the business's format (invoice/formats.ts). */
function numberReader(formats: Formats) {
	/** A decimal with at most `decimals` places within [min, max], or a message. */
	const decimal = (text: string, decimals: number, min: number, max: number, what: string) => {
		const reading = formats.readNumber(text);
		if (!reading.ok) return `Enter ${what} like ${formats.number(1.5)}`;
		const scaled = parseScaled(reading.value, decimals);
		if (scaled === null) return `Enter ${what} with at most ${decimals} decimals`;
		const value = scaled / 10 ** decimals;
		if (value < min || value > max)
			return `Enter ${what} from ${formats.number(min)} to ${formats.number(max)}`;
		return value;
	};
	return { decimal, money: formats.readMoney, moneyHint: formats.moneyHint };
}

/** Amounts are never taken off with negative lines: a credit note does that, on its own paper. */
export const NEGATIVE_HINT =
	'Must not be negative. To take an amount off an issued invoice, create a credit note from it.';
const notNegative = (value: number | string) =>
	typeof value === 'number' && value < 0 ? NEGATIVE_HINT : value;

const tooLong = (text: string, max: number) =>
	text.length > max ? `At most ${max.toLocaleString('en-US')} characters` : undefined;

export function readInvoiceForm(
	form: InvoiceForm,
	numberTaken: (number: string) => boolean,
	formats: Formats
): FormReading {
	const errors: Record<string, string> = {};
	const read = numberReader(formats);
	const currency = isKnownCurrency(form.currency) ? form.currency : 'USD';
	if (!isKnownCurrency(form.currency)) errors.currency = 'Choose a currency';
	const number = form.number.trim();
	if (!number) errors.number = 'Enter an invoice number';
	else if (numberTaken(number)) errors.number = `${number} is already used by another invoice`;
	else if (tooLong(number, INVOICE_TEXT_LIMITS.number))
		errors.number = tooLong(number, INVOICE_TEXT_LIMITS.number)!;
	if (!form.clientName.trim()) errors.clientName = 'Enter or choose a client';
	else if (tooLong(form.clientName.trim(), INVOICE_TEXT_LIMITS.clientName))
		errors.clientName = tooLong(form.clientName.trim(), INVOICE_TEXT_LIMITS.clientName)!;
	if (!form.issueDate) errors.issueDate = 'Enter the issue date';
	if (!form.dueDate) errors.dueDate = 'Enter the due date';
	else if (form.issueDate && form.dueDate < form.issueDate)
		errors.dueDate = 'Due date is before the issue date';
	if (form.lines.length === 0) errors.lines = 'Add at least one line';
	const notesTooLong = tooLong(form.notes.trim(), INVOICE_TEXT_LIMITS.notes);
	if (notesTooLong) errors.notes = notesTooLong;
	const reference = form.reference.trim();
	const referenceTooLong = tooLong(reference, INVOICE_TEXT_LIMITS.reference);
	if (referenceTooLong) errors.reference = referenceTooLong;
	const buyerReference = form.buyerReference.trim();
	const buyerReferenceTooLong = tooLong(buyerReference, INVOICE_TEXT_LIMITS.reference);
	if (buyerReferenceTooLong) errors.buyerReference = buyerReferenceTooLong;

	const lines: LineItem[] = form.lines.map((line, i) => {
		const field = (name: keyof LineForm, value: number | string): number => {
			if (typeof value === 'string') {
				errors[`lines.${i}.${name}`] = value;
				return 0;
			}
			return value;
		};
		const description = line.description.trim();
		const descriptionProblem = description
			? tooLong(description, INVOICE_TEXT_LIMITS.description)
			: 'Describe the line';
		if (descriptionProblem) errors[`lines.${i}.description`] = descriptionProblem;
		const unitPrice = line.unitPrice.trim()
			? (read.money(line.unitPrice, currency) ?? read.moneyHint(currency))
			: 'Enter a unit price';
		const unit = line.unit.trim();
		const unitTooLong = tooLong(unit, INVOICE_TEXT_LIMITS.unit);
		if (unitTooLong) errors[`lines.${i}.unit`] = unitTooLong;
		const taxRate = field('taxRate', read.decimal(line.taxRate || '0', 3, 0, 100, 'a tax %'));
		const vat = readVatCategory(line, taxRate, `lines.${i}`, errors);
		return {
			id: line.id,
			description,
			quantity: field(
				'quantity',
				notNegative(read.decimal(line.quantity, 3, -1e9, 1e9, 'a quantity'))
			),
			unitPrice: field('unitPrice', notNegative(unitPrice)),
			taxRate,
			discountPercent: field(
				'discountPercent',
				read.decimal(line.discountPercent || '0', 3, 0, 100, 'a discount %')
			),
			// Absent rather than empty, so lines read as stored before these existed.
			...(unit ? { unit } : {}),
			...(line.taxName ? { taxName: line.taxName } : {}),
			...vat
		};
	});

	let discount: Invoice['discount'];
	if (form.discountKind === 'percent') {
		const value = read.decimal(form.discountValue || '0', 3, 0, 100, 'a discount %');
		if (typeof value === 'string') errors.discount = value;
		discount = { kind: 'percent', value: typeof value === 'number' ? value : 0 };
	} else {
		const value = read.money(form.discountValue || '0', currency);
		if (value === null || value < 0) errors.discount = read.moneyHint(currency);
		discount = { kind: 'amount', value: value !== null && value > 0 ? value : 0 };
	}

	const pricesIncludeTax = form.pricesIncludeTax || undefined;
	const totals = invoiceTotals({ lines, discount, payments: [], pricesIncludeTax });
	if (discount.kind === 'amount' && discount.value > Math.max(totals.subtotal, 0)) {
		errors.discount ??= 'Discount is larger than the subtotal';
	}
	moneyLimitErrors(totals, currency, formats, errors);
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
					notes: form.notes.trim(),
					...(reference ? { reference } : {}),
					...(buyerReference ? { buyerReference } : {}),
					...(pricesIncludeTax ? { pricesIncludeTax } : {})
				};
	return { errors, totals, fields };
}

/**
 * A line's VAT category and exemption reason, absent when not chosen. The category must fit the
 * tax % (only standard-rated lines charge VAT), and an exempt line must say why.
 */
function readVatCategory(
	line: LineForm,
	taxRate: number,
	path: string,
	errors: Record<string, string>
): Pick<LineItem, 'taxCategory' | 'taxExemption'> {
	const category = (VAT_CATEGORIES as readonly string[]).includes(line.taxCategory)
		? (line.taxCategory as VatCategory)
		: undefined;
	if (!category) return {};
	if (category === 'S' && taxRate <= 0)
		errors[`${path}.taxCategory`] = 'A standard-rated line needs a tax % above 0';
	if (category !== 'S' && taxRate > 0)
		errors[`${path}.taxCategory`] = `${VAT_CATEGORY_WORDS[category]} lines take 0 % tax`;
	if (!needsExemptionNote(category)) return { taxCategory: category };
	const taxExemption = line.taxExemption.trim();
	if (category === 'E' && !taxExemption)
		errors[`${path}.taxExemption`] = 'Enter why the line is exempt (the law’s article)';
	const exemptionTooLong = tooLong(taxExemption, INVOICE_TEXT_LIMITS.taxExemption);
	if (exemptionTooLong) errors[`${path}.taxExemption`] = exemptionTooLong;
	return { taxCategory: category, ...(taxExemption ? { taxExemption } : {}) };
}

/**
 * A line or an invoice beyond money.ts's limit is refused on the line's unit price (for the
 * total: on the largest line), where it is best brought down.
 */
function moneyLimitErrors(
	totals: InvoiceTotals,
	currency: string,
	formats: Formats,
	errors: Record<string, string>
): void {
	const limit = formats.money(moneyLimit(currency), currency);
	totals.lines.forEach((line, i) => {
		if (!withinMoneyLimit(line.net, currency))
			errors[`lines.${i}.unitPrice`] ??= `Line ${i + 1} comes to more than ${limit}`;
	});
	if (withinMoneyLimit(totals.total, currency) || totals.lines.length === 0) return;
	const nets = totals.lines.map((line) => Math.abs(line.net));
	const largest = nets.indexOf(Math.max(...nets));
	errors[`lines.${largest}.unitPrice`] ??= `The invoice total comes to more than ${limit}`;
}
