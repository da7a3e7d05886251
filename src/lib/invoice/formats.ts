/**
 * How numbers, money and dates are written and read, from the business profile's locale (or
 * the browser's when none is chosen): one object the pages and the PDF share, so an invoice
 * reads the same on screen and on paper. The app's words stay English. Pure.
 */
import { readAmount, type AmountReading, type Separators } from './amount-text';
import { currencyDecimals, formatMoney, parseScaled } from './money';

/** Offered in Settings → Business; a profile may hold any other locale that was stored. */
const CHOICES = ['en-US', 'en-GB', 'de-DE', 'de-CH', 'fr-FR', 'pt-BR', 'sv-SE', 'ja-JP'];
const FALLBACK = 'en-US';
const EXAMPLE_DATE = '2026-12-31';

export interface Formats {
	/** The locale in use, with Latin digits ("de-DE-u-nu-latn"). */
	locale: string;
	separators: Separators;
	money(minor: number, currency: string): string;
	date(isoDate: string): string;
	/** A quantity or a percent, with up to 3 decimals. */
	number(value: number): string;
	/** 1234.567 written with `decimals` decimals ("1.234,56"), to show in a message. */
	amountLike(decimals: number): string;
	/** A plain decimal ("1234.50", stored or read from a document) as typed here ("1234,50"). */
	fieldText(plain: string): string;
	/** What was typed into a number field, as a plain decimal string, or why not. */
	readNumber(text: string): AmountReading;
	/** An amount typed in `currency`, in minor units, or null. */
	readMoney(text: string, currency: string): number | null;
	/** What to type instead of an amount that does not read: "Enter an amount in EUR like 1.234,56". */
	moneyHint(currency: string): string;
}

function separatorsOf(locale: string): Separators | null {
	const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
	const decimal = parts.find((p) => p.type === 'decimal')?.value;
	const group = parts.find((p) => p.type === 'group')?.value ?? '';
	if (decimal !== '.' && decimal !== ',') return null;
	if (group === '' || group === ',' || group === '.') return { decimal, group };
	if (/^[\s\u00a0\u202f]$/.test(group)) return { decimal, group: ' ' };
	if (group === "'" || group === '\u2019') return { decimal, group: "'" };
	return null;
}

/** The locale with Latin digits, or null when it is no tag or its numbers cannot be read. */
function usable(tag: string | undefined): string | null {
	if (!tag || tag.length > 35) return null;
	try {
		const locale = new Intl.Locale(tag, { numberingSystem: 'latn' }).toString();
		return separatorsOf(locale) ? locale : null;
	} catch {
		return null;
	}
}

/** Whether a profile may store `tag` as its locale. */
export function isLocaleTag(tag: string): boolean {
	return usable(tag) !== null;
}

export function formatsFor(chosen: string | undefined, browser: string): Formats {
	const locale = usable(chosen) ?? usable(browser) ?? usable(FALLBACK)!;
	const separators = separatorsOf(locale)!;
	const dates = new Intl.DateTimeFormat(locale, {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		timeZone: 'UTC'
	});
	const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
	const thousand = new Intl.NumberFormat(locale, { useGrouping: 'always' }).format(1234);
	const amountLike = (decimals: number) =>
		decimals > 0 ? `${thousand}${separators.decimal}${'567'.slice(0, decimals)}` : thousand;
	const readNumber = (text: string): AmountReading =>
		/[\p{L}\p{Sc}]/u.test(text)
			? { ok: false, reason: 'has letters or a currency sign' }
			: readAmount(text, separators);
	return {
		locale,
		separators,
		money: (minor, currency) => formatMoney(minor, currency, locale),
		date: (isoDate) => dates.format(new Date(`${isoDate}T00:00:00Z`)),
		number: (value) => numbers.format(value),
		amountLike,
		fieldText: (plain) => plain.replace('.', separators.decimal),
		readNumber,
		readMoney: (text, currency) => {
			const reading = readNumber(text);
			return reading.ok ? parseScaled(reading.value, currencyDecimals(currency)) : null;
		},
		moneyHint: (currency) =>
			`Enter an amount in ${currency} like ${amountLike(currencyDecimals(currency))}`
	};
}

/**
 * Settings → Business's choices, each its example and then its name (a narrow select still
 * shows the example); the browser's first.
 */
export function localeChoices(browser: string): { value: string; label: string }[] {
	const names = new Intl.DisplayNames('en', { type: 'language', languageDisplay: 'standard' });
	const example = (tag: string) => {
		const formats = formatsFor(tag, browser);
		return `${formats.amountLike(2)} · ${formats.date(EXAMPLE_DATE)}`;
	};
	return [
		{ value: '', label: `${example('')} — as this browser` },
		...CHOICES.map((tag) => ({ value: tag, label: `${example(tag)} — ${names.of(tag)}` }))
	];
}
