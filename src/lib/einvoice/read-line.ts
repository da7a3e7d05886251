/**
 * An e-invoice line's numbers, read exactly: decimal texts into integers (BigInt, never a
 * float), and the line's quantity, unit price and discount checked to give back its own net
 * amount (BT-131) by the app's rounding (invoice/totals.ts).
 */
import {
	currencyDecimals,
	minorToDecimalString,
	mulDivRound,
	scaledToString
} from '../invoice/money';
import { quote } from '../invoice/quote';
import { lineTotal } from '../invoice/totals';
import type { DocumentLine } from './read-model';

export interface Decimal {
	int: bigint;
	scale: number;
}

/** Longer than any amount, quantity or rate: BigInt would take long over megabytes of digits. */
const MAX_DIGITS = 40;

/** An xs:decimal ("-12.50", "+3", ".5"), trailing zeros dropped, or null. */
export function decimal(text: string): Decimal | null {
	if (text.length > MAX_DIGITS) return null;
	const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
	if (!match || (!match[2] && !match[3])) return null;
	const fraction = (match[3] ?? '').replace(/0+$/, '');
	const int = BigInt(`${match[2] || '0'}${fraction}`);
	return { int: match[1] === '-' ? -int : int, scale: fraction.length };
}

/** `value ÷ per` in units of 10^-decimals when that is exact and safe, else null. */
export function exactly(value: Decimal, decimals: number, per: Decimal = { int: 1n, scale: 0 }) {
	if (per.int <= 0n) return null;
	const numerator = value.int * 10n ** BigInt(decimals + per.scale);
	const denominator = per.int * 10n ** BigInt(value.scale);
	if (numerator % denominator !== 0n) return null;
	const scaled = Number(numerator / denominator);
	return Number.isSafeInteger(scaled) ? scaled : null;
}

/** A decimal's text without needless zeros: "1.0000" → "1". */
const plain = (d: Decimal) => scaledToString(Number(d.int), d.scale);

/** Thousandths as the editor shows them: 2500 → "2.5". */
export const thousandthsText = (value: number) => scaledToString(value, 3).replace(/\.?0+$/, '');

/** A line's numbers: thousandths of a unit and of a percent, minor units of money. */
export interface Numbers {
	quantity: number;
	unitPrice: number;
	discount: number;
}

/** The line in the document's own numbers, or why they do not give its net amount. */
export function exactLine(line: DocumentLine, net: number, currency: string): Numbers | string {
	const decimals = currencyDecimals(currency);
	if (line.quantity === undefined) return 'it has no quantity';
	if (line.price === undefined) return 'it has no price';
	const quantity = decimal(line.quantity);
	if (!quantity) return `the quantity ${quote(line.quantity, 30)} is not a decimal`;
	const price = decimal(line.price);
	if (!price) return `the price ${quote(line.price, 30)} is not a decimal`;
	const base = line.baseQuantity === undefined ? undefined : decimal(line.baseQuantity);
	if (base === null) return `the base quantity ${quote(line.baseQuantity!, 30)} is not a decimal`;
	const thousandths = exactly(quantity, 3);
	if (thousandths === null || Math.abs(thousandths) > 1e12) {
		return `the quantity ${plain(quantity)} has more than 3 decimals`;
	}
	const unitPrice = exactly(price, decimals, base);
	if (unitPrice === null) {
		const per = base && plain(base) !== '1' ? ` per ${plain(base)}` : '';
		return `the price ${plain(price)}${per} does not fit ${currency}’s ${decimals} decimals a unit`;
	}
	const numbers = { quantity: thousandths, unitPrice, discount: 0 };
	const gross = lineTotal(item(numbers)).gross;
	// The allowance as a percentage of the line: as stated, else as the amounts come to.
	const allowances = line.allowanceCharges.filter((ac) => !ac.charge);
	const stated = allowances.length === 1 ? decimal(allowances[0]!.percent ?? '') : null;
	numbers.discount =
		(stated && exactly(stated, 3)) ?? (gross === 0 ? 0 : mulDivRound(gross - net, 100_000, gross));
	if (numbers.discount < 0 || numbers.discount > 100_000 || lineTotal(item(numbers)).net !== net) {
		const what = `${plain(quantity)} × ${minorToDecimalString(unitPrice, currency)}`;
		const kinds = [
			...new Set(line.allowanceCharges.map((ac) => (ac.charge ? 'charges' : 'allowances')))
		];
		const adjusted = kinds.length > 0 ? ` with its ${kinds.sort().join(' and ')}` : '';
		const amount = minorToDecimalString(net, currency);
		return `${what}${adjusted} does not come to its net amount ${amount}`;
	}
	return numbers;
}

export const item = (numbers: Numbers) => ({
	quantity: numbers.quantity / 1000,
	unitPrice: numbers.unitPrice,
	discountPercent: numbers.discount / 1000
});
