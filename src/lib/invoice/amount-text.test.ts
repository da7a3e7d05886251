import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAmount, type Separators } from './amount-text';

const EN: Separators = { decimal: '.', group: ',' };
const DE: Separators = { decimal: ',', group: '.' };
const FR: Separators = { decimal: ',', group: ' ' };
const CH: Separators = { decimal: '.', group: "'" };

describe('readAmount', () => {
	it.each([
		['1086.40', EN, '1086.40'],
		['€1,086.40', EN, '1086.40'],
		['1,234,567.5 USD', EN, '1234567.5'],
		['US$ -12', EN, '-12'],
		['-$0.50', EN, '-0.50'],
		['.5', EN, '0.5'],
		['007', EN, '7'],
		['-0.00', EN, '0.00'],
		['₹12,34,567.00', EN, '1234567.00'],
		['1.234,56 €', DE, '1234.56'],
		['1234,56', DE, '1234.56'],
		['R$ 1.234,56', DE, '1234.56'],
		['−1\u202f234,56 kr', FR, '-1234.56'],
		['1\u00a0234,5 zł', FR, '1234.5'],
		["CHF-1'234.50", CH, '-1234.50'],
		['1’234.50 Fr.', CH, '1234.50'],
		['￥1,235', EN, '1235']
	])('reads %s', (text, separators, value) => {
		expect(readAmount(text, separators)).toEqual({ ok: true, value });
	});

	it.each([
		['1e21', EN, 'is written with an exponent'],
		['1.5e3', EN, 'is written with an exponent'],
		['2E-4 EUR', EN, 'is written with an exponent'],
		['+49 30 1234567', EN, 'looks like a phone number'],
		['030 1234567', FR, 'looks like a phone number'],
		['(030) 123-4567', EN, 'looks like a phone number'],
		['--5', EN, 'has more than one sign'],
		['-5-', EN, 'has more than one sign'],
		['+5.00', EN, 'has a + sign'],
		['12 apples', EN, 'has letters besides a currency'],
		['0x1F', EN, 'has letters besides a currency'],
		['$5 USD', EN, 'has letters besides a currency'],
		['1.086,40', EN, 'does not read as an amount written like 1,234.56'],
		['1,2345.00', EN, 'does not read as an amount written like 1,234.56'],
		['1,234.5', DE, 'does not read as an amount written like 1.234,56'],
		['12.', EN, 'does not read as an amount written like 1,234.56'],
		['', EN, 'is empty'],
		['   ', EN, 'is empty'],
		['9'.repeat(65), EN, 'is too long for an amount']
	])('refuses %s', (text, separators, reason) => {
		expect(readAmount(text, separators)).toEqual({ ok: false, reason });
	});
});

/** Real-world formats, as the browser's Intl writes them for these locales and currencies. */
const LOCALES: [string, string][] = [
	['en-US', 'USD'],
	['de-DE', 'EUR'],
	['fr-FR', 'EUR'],
	['de-CH', 'CHF'],
	['en-IN', 'INR'],
	['pl-PL', 'PLN'],
	['sv-SE', 'SEK'],
	['es-ES', 'EUR'],
	['pt-BR', 'BRL'],
	['da-DK', 'DKK'],
	['en-ZA', 'ZAR'],
	['ja-JP', 'JPY']
];

function separatorsOf(locale: string): Separators {
	const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	const group = part('group')
		.replace(/[\u00a0\u202f]/, ' ')
		.replace('\u2019', "'");
	return { decimal: part('decimal'), group } as Separators;
}

/** Text made of what amounts are made of, and what gets confused with them. */
const noise = (maxLength: number) =>
	fc.string({
		unit: fc.constantFrom(...Array.from("0123456789.,-−+ \u202f€$EURkr'’()e")),
		maxLength
	});

describe('readAmount properties', () => {
	it('reads back any decimal as Intl formats it, with or without grouping and currency', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...LOCALES),
				fc.boolean(),
				fc.bigInt({ min: 0n, max: 10n ** 15n }),
				fc.stringMatching(/^\d{0,3}$/),
				fc.boolean(),
				fc.constantFrom('decimal', 'symbol', 'code'),
				([locale, currency], negative, whole, fraction, useGrouping, style) => {
					const digits = fraction.length;
					const formatter = new Intl.NumberFormat(locale, {
						useGrouping,
						minimumFractionDigits: digits,
						maximumFractionDigits: digits,
						...(style === 'decimal'
							? {}
							: { style: 'currency', currency, currencyDisplay: style as 'symbol' | 'code' })
					});
					const decimal = `${negative ? '-' : ''}${whole}${digits ? `.${fraction}` : ''}`;
					const text = formatter.format(decimal as unknown as number);
					const zero = whole === 0n && !/[1-9]/.test(fraction);
					const expected = `${negative && !zero ? '-' : ''}${whole}${digits ? `.${fraction}` : ''}`;
					expect(readAmount(text, separatorsOf(locale)), text).toEqual({
						ok: true,
						value: expected
					});
				}
			),
			{ numRuns: 500 }
		);
	});

	it('refuses anything with an exponent, whatever surrounds it', () => {
		fc.assert(
			fc.property(
				noise(8),
				fc.stringMatching(/^\d{1,4}(\.\d{1,3})?[eE][+-]?\d{1,3}$/),
				noise(8),
				fc.constantFrom(EN, DE, FR, CH),
				(before, number, after, separators) => {
					expect(readAmount(before + number + after, separators).ok).toBe(false);
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('gives only plain decimals, whatever the text', () => {
		fc.assert(
			fc.property(noise(30), fc.constantFrom(EN, DE, FR, CH), (text, sep) => {
				const reading = readAmount(text, sep);
				if (reading.ok) expect(reading.value).toMatch(/^-?\d+(\.\d+)?$/);
			}),
			{ numRuns: 1000 }
		);
	});
});
