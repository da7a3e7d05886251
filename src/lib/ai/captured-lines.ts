/**
 * Invoice lines a model copied from a document (Fill from document). Their numbers are read
 * strictly with invoice/amount-text.ts in the document's own format: the model names it by an
 * example; when it does not, a number is taken only if every common format reads it the same.
 */
import * as v from 'valibot';
import { readAmount, type AmountReading, type Separators } from '../invoice/amount-text';
import type { LineForm } from '../invoice/invoice-form';
import { quote } from '../invoice/quote';
import type { VatCategory } from '../invoice/vat-category';

/** What the model picks from (the tool's `numberFormat`), as the document writes 1234.56. */
export const NUMBER_FORMATS: Record<string, Separators> = {
	'1,234.56': { decimal: '.', group: ',' },
	'1.234,56': { decimal: ',', group: '.' },
	'1 234,56': { decimal: ',', group: ' ' },
	'1 234.56': { decimal: '.', group: ' ' },
	"1'234.56": { decimal: '.', group: "'" }
};

/** Without a stated format: the two that can read one text in two ways ("1,086"). */
const EITHER = [NUMBER_FORMATS['1,234.56']!, NUMBER_FORMATS['1.234,56']!];

export function formatsFor(numberFormat: unknown): Separators[] {
	return typeof numberFormat === 'string' && Object.hasOwn(NUMBER_FORMATS, numberFormat)
		? [NUMBER_FORMATS[numberFormat]!]
		: EITHER;
}

/**
 * A decimal string from a JSON number or a document's text. A JSON number is taken unless its
 * text is an exponent (1e21); a text must read the same in every format given.
 */
export function readDocumentNumber(value: unknown, formats: Separators[]): AmountReading {
	if (typeof value === 'number') {
		const text = String(value);
		return /^-?\d+(\.\d+)?$/.test(text) ? { ok: true, value: text } : readAmount(text, formats[0]!);
	}
	if (typeof value !== 'string') return { ok: false, reason: 'is not a number' };
	const readings = formats.map((format) => readAmount(value, format));
	const values = [...new Set(readings.flatMap((r) => (r.ok ? [r.value] : [])))];
	if (values.length === 1) return { ok: true, value: values[0]! };
	if (values.length > 1) return { ok: false, reason: `could be read as ${values.join(' or ')}` };
	return readings[0]!;
}

const description = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2000));

/** The line's numbers, with what each is called in a message and what it is when left out. */
const LINE_NUMBERS = [
	['quantity', 'quantity', '1'],
	['unitPrice', 'unit price', undefined],
	['taxRate', 'tax rate', '0']
] as const;

export type CapturedLine = Omit<
	LineForm,
	'id' | 'discountPercent' | 'unit' | 'taxName' | 'taxCategory' | 'taxExemption'
> & {
	/** Absent: none (a model is not asked for them; an e-invoice gives them). */
	discountPercent?: string;
	taxCategory?: VatCategory;
	taxExemption?: string;
	unit?: string;
};

/** A line, or why not: a number that does not read is named with its value and the reason. */
export function readLine(raw: unknown, formats: Separators[]): CapturedLine | string | null {
	if (!raw || typeof raw !== 'object') return null;
	const line = raw as Record<string, unknown>;
	const text = v.safeParse(description, line.description);
	if (!text.success) return null;
	const read: CapturedLine = { description: text.output, quantity: '', unitPrice: '', taxRate: '' };
	for (const [key, label, absent] of LINE_NUMBERS) {
		let value = line[key];
		if (value === undefined || value === null || value === '') {
			if (absent === undefined) return null;
			read[key] = absent;
			continue;
		}
		// A percent sign belongs with a tax rate, not with the number.
		if (key === 'taxRate' && typeof value === 'string') value = value.replace(/\s*%\s*$/, '');
		const reading = readDocumentNumber(value, formats);
		if (!reading.ok) return `${label} ${quote(String(line[key]), 30)} ${reading.reason}`;
		read[key] = reading.value;
	}
	return read;
}
