/**
 * An e-invoice's terms into the editor's fields (the same CapturedFields the AI path fills).
 * Every number is read exactly (read-line.ts). A line keeps its quantity, unit price and
 * discount when they give back the line's own net amount (BT-131); otherwise it is filled as
 * 1 × that amount and says why, so the lines always add up to the document's. Document allowances become an
 * amount off the invoice, charges become lines; the totals are then checked against the
 * document's and any difference is named.
 */
import { validFields, type CapturedFields } from '../ai/capture';
import type { CapturedLine } from '../ai/captured-lines';
import { currencyDecimals, minorToDecimalString } from '../invoice/money';
import { quote } from '../invoice/quote';
import { INVOICE_TEXT_LIMITS } from '../invoice/schema';
import { invoiceTotals, type InvoiceTotals } from '../invoice/totals';
import { needsExemptionNote, VAT_CATEGORIES } from '../invoice/vat-category';
import { countOf } from '../invoice/words';
import { decimal, exactLine, exactly, item, thousandthsText, type Numbers } from './read-line';
import type { EInvoiceDocument } from './read-model';
import { unitWordOf } from './unit-codes';

/** More lines than any editor is meant to hold at once. */
export const MAX_LINES = 500;

/** A rate as the editor takes it (0–100, 3 decimals) in thousandths, or null. */
function rate(text: string | undefined): number | null {
	if (text === undefined) return 0; // exempt, reverse charge, not subject: no rate given
	const value = decimal(text);
	const thousandths = value && exactly(value, 3);
	return thousandths !== null && thousandths >= 0 && thousandths <= 100_000 ? thousandths : null;
}

/** The editor's VAT category for a code, with the document's exemption reason when it needs one. */
function vatCategory(
	code: string | undefined,
	exemptions: Record<string, string>
): Pick<CapturedLine, 'taxCategory' | 'taxExemption'> {
	const category = VAT_CATEGORIES.find((known) => known === code);
	if (!category) return {};
	const reason = needsExemptionNote(category) ? exemptions[category] : undefined;
	return reason
		? { taxCategory: category, taxExemption: reason.slice(0, INVOICE_TEXT_LIMITS.taxExemption) }
		: { taxCategory: category };
}

export type Filled =
	{ ok: true; fields: CapturedFields; skipped: string[] } | { ok: false; message: string };

export function fillFromDocument(doc: EInvoiceDocument): Filled {
	const currency = doc.currency;
	const notes = doc.notes.join('\n\n');
	const valid = validFields({
		clientName: doc.buyer,
		invoiceNumber: doc.number,
		issueDate: doc.issueDate,
		dueDate: doc.dueDate,
		currency,
		notes: notes.slice(0, INVOICE_TEXT_LIMITS.notes)
	});
	if (valid.fields.currency === undefined) {
		return {
			ok: false,
			message: `Its currency ${quote(currency ?? '', 20)} is not an ISO 4217 currency code, so its amounts cannot be read.`
		};
	}
	const skipped: string[] = [];
	if (doc.creditNote) {
		const type = doc.typeCode ? ` (type ${doc.typeCode})` : '';
		skipped.push(`It is a credit note${type}: its lines are filled as they are, as an invoice’s.`);
	}
	skipped.push(...valid.skipped);
	if (notes.length > INVOICE_TEXT_LIMITS.notes) {
		skipped.push(
			`notes: only the first ${countOf(INVOICE_TEXT_LIMITS.notes, 'character')} are filled`
		);
	}
	const fields: CapturedFields = { ...valid.fields, pricesIncludeTax: false, lines: [] };
	const buyerReference = doc.buyerReference?.slice(0, INVOICE_TEXT_LIMITS.reference);
	if (buyerReference) fields.buyerReference = buyerReference;
	const { issueDate, dueDate } = fields;
	if (issueDate && dueDate && dueDate < issueDate) {
		delete fields.dueDate;
		skipped.push(`due date: ${dueDate} is before the issue date`);
	}
	const money = (text: string | undefined) => {
		const value = text === undefined ? null : decimal(text);
		return value && exactly(value, currencyDecimals(currency!));
	};

	const items: (Numbers & { taxRate: number })[] = [];
	const add = (
		description: string,
		numbers: Numbers,
		tax: { rate: number; category?: string },
		unitCode?: string
	) => {
		items.push({ ...numbers, taxRate: tax.rate });
		const unit = unitWordOf(unitCode);
		fields.lines.push({
			description: description.slice(0, INVOICE_TEXT_LIMITS.description),
			quantity: thousandthsText(numbers.quantity),
			unitPrice: minorToDecimalString(numbers.unitPrice, currency!),
			taxRate: thousandthsText(tax.rate),
			discountPercent: thousandthsText(numbers.discount),
			...vatCategory(tax.category, doc.exemptions),
			...(unit ? { unit } : {})
		});
	};

	doc.lines.slice(0, MAX_LINES).forEach((line, i) => {
		const label = `line ${i + 1}`;
		const net = money(line.net);
		if (net === null) {
			skipped.push(
				`${label}: its net amount ${quote(line.net ?? '', 30)} is not an amount in ${currency}`
			);
			return;
		}
		const taxRate = rate(line.taxRate);
		if (taxRate === null) {
			skipped.push(
				`${label}: the tax rate ${quote(line.taxRate!, 30)} is not a percentage; filled as 0 %`
			);
		}
		let numbers = exactLine(line, net, currency!);
		// A line filled as 1 × its net amount has no unit: "1 hours" would say what it is not.
		let unitCode = line.unitCode;
		if (typeof numbers === 'string') {
			skipped.push(
				`${label}: ${numbers}, so it is filled as 1 × ${minorToDecimalString(net, currency!)}`
			);
			numbers = { quantity: 1000, unitPrice: net, discount: 0 };
			unitCode = undefined;
		}
		add(
			line.name || `Line ${i + 1}`,
			numbers,
			{ rate: taxRate ?? 0, category: line.taxCategory },
			unitCode
		);
	});
	if (doc.lines.length > MAX_LINES) {
		skipped.push(
			`lines ${MAX_LINES + 1} to ${doc.lines.length}: only the first ${MAX_LINES} lines are filled`
		);
	}

	let off = 0;
	for (const [i, ac] of doc.allowanceCharges.entries()) {
		const amount = money(ac.amount);
		if (amount === null) {
			const what = ac.charge ? 'charge' : 'allowance';
			skipped.push(
				`${what} ${i + 1}: its amount ${quote(ac.amount ?? '', 30)} is not an amount in ${currency}`
			);
		} else if (ac.charge) {
			add(
				ac.reason || 'Charge',
				{ quantity: 1000, unitPrice: amount, discount: 0 },
				{ rate: rate(ac.taxRate) ?? 0, category: ac.taxCategory }
			);
		} else off += amount;
	}
	if (off !== 0) fields.discount = minorToDecimalString(off, currency!);

	const totals = invoiceTotals({
		lines: items.map((numbers, i) => ({
			...item(numbers),
			id: String(i),
			description: '',
			taxRate: numbers.taxRate / 1000
		})),
		discount: { kind: 'amount', value: off },
		payments: []
	});
	const difference = totalsDifference(totals, doc, money, currency!);
	if (difference) skipped.push(difference);
	return { ok: true, fields, skipped };
}

/** What the filled form comes to where the document says otherwise, or null. */
function totalsDifference(
	totals: InvoiceTotals,
	doc: EInvoiceDocument,
	money: (text: string | undefined) => number | null,
	currency: string
): string | null {
	const checks: [string, number, string | undefined][] = [
		['total before tax', totals.subtotal - totals.discount, doc.totals.taxBasis],
		['tax', totals.taxTotal, doc.totals.tax],
		['total', totals.total, doc.totals.grandTotal]
	];
	const differ = checks.flatMap(([what, ours, text]) => {
		const stated = money(text);
		if (stated === null || stated === ours) return [];
		const show = (value: number) => minorToDecimalString(value, currency);
		return [`its ${what} is ${show(stated)}, the filled form’s ${show(ours)}`];
	});
	return differ.length > 0 ? `Check the amounts against the document: ${differ.join('; ')}.` : null;
}
