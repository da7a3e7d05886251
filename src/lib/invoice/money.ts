/**
 * Money is always an integer number of minor units (cents, yen, fils).
 *
 * Rounding rule (the only one in the app): half away from zero, applied once per
 * computed amount (each line, each discount share, each tax-rate group). See totals.ts.
 */

const decimalsCache = new Map<string, number>();

/** Minor-unit decimals of an ISO 4217 currency: JPY 0, USD 2, BHD 3. */
export function currencyDecimals(currency: string): number {
	let decimals = decimalsCache.get(currency);
	if (decimals === undefined) {
		decimals = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
			.maximumFractionDigits as number;
		decimalsCache.set(currency, decimals);
	}
	return decimals;
}

export function isKnownCurrency(code: string): boolean {
	if (!/^[A-Z]{3}$/.test(code)) return false;
	try {
		currencyDecimals(code);
		return true;
	} catch {
		return false;
	}
}

/**
 * The largest amount a line or an invoice may come to, in major units: far beyond any real
 * invoice, and a bound that keeps every figure readable in its card.
 */
export const MONEY_LIMIT_MAJOR = 1e12;

/** MONEY_LIMIT_MAJOR in the currency's minor units. */
export function moneyLimit(currency: string): number {
	return MONEY_LIMIT_MAJOR * 10 ** currencyDecimals(currency);
}

export function withinMoneyLimit(minor: number, currency: string): boolean {
	return Math.abs(minor) <= moneyLimit(currency);
}

/** a × b ÷ c rounded half away from zero, exact for any integer inputs. */
export function mulDivRound(a: number, b: number, c: number): number {
	// Doubles are exact while the product is a safe integer, and `%` is exact on them: the
	// usual case, many times faster than BigInt (100,000 invoices' totals at every load).
	const product = a * b;
	if (Number.isSafeInteger(product) && Number.isSafeInteger(c)) {
		const remainder = product % c;
		let quotient = (product - remainder) / c;
		if (2 * Math.abs(remainder) >= Math.abs(c)) quotient += product < 0 !== c < 0 ? -1 : 1;
		return quotient + 0;
	}
	return mulDivRoundBig(a, b, c);
}

export function mulDivRoundBig(a: number, b: number, c: number): number {
	const product = BigInt(a) * BigInt(b);
	const divisor = BigInt(c);
	let quotient = product / divisor;
	const remainder = product % divisor;
	const absRemainder = remainder < 0n ? -remainder : remainder;
	const absDivisor = divisor < 0n ? -divisor : divisor;
	if (2n * absRemainder >= absDivisor) {
		quotient += product < 0n !== divisor < 0n ? -1n : 1n;
	}
	return Number(quotient);
}

/**
 * Parses what a person types ("1,234.5", "-3", "12.345") into minor units, or null when it
 * is not a number or has more decimals than the currency allows.
 */
export function parseMoney(input: string, currency: string): number | null {
	return parseScaled(input.replace(/[\s,]/g, ''), currencyDecimals(currency));
}

/** Parses a decimal string to an integer scaled by 10^decimals; null if it does not fit. */
export function parseScaled(input: string, decimals: number): number | null {
	const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(input.trim());
	if (!match) return null;
	const [, sign, whole = '', fraction = ''] = match;
	if (whole === '' && fraction === '') return null;
	if (fraction.length > decimals) return null;
	const digits = (whole || '0') + fraction.padEnd(decimals, '0');
	const value = Number(digits);
	if (!Number.isSafeInteger(value)) return null;
	return sign === '-' ? -value : value;
}

/** Minor units back to a plain decimal string for an input field ("1234.50"). */
export function minorToDecimalString(minor: number, currency: string): string {
	return scaledToString(minor, currencyDecimals(currency));
}

export function scaledToString(value: number, decimals: number): string {
	const sign = value < 0 ? '-' : '';
	const digits = Math.abs(value)
		.toString()
		.padStart(decimals + 1, '0');
	if (decimals === 0) return sign + digits;
	return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string, locale: string): string {
	const key = `${locale}|${currency}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
		formatters.set(key, formatter);
	}
	// Through a decimal string, so large amounts never pass through float division.
	return formatter.format(minorToDecimalString(minor, currency) as unknown as number);
}

export const COMMON_CURRENCIES = [
	'USD',
	'EUR',
	'GBP',
	'JPY',
	'CAD',
	'AUD',
	'CHF',
	'CNY',
	'INR',
	'PLN',
	'SEK',
	'NOK',
	'DKK',
	'BRL',
	'MXN',
	'ZAR',
	'SGD',
	'HKD',
	'NZD',
	'BHD',
	'KWD'
] as const;
