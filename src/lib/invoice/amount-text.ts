/**
 * Reads an amount as a document or a person writes it ("€1,086.40", "1.234,56 EUR",
 * "CHF-1'234.50") into a plain decimal string ("1086.40") for parseMoney / parseScaled.
 * Strict: the given decimal separator, group separators only between groups of three digits
 * (or India's lakh groups), one leading minus, a currency before or after. Anything else is
 * refused with the reason, never guessed at: "1e21" is not 121, "+49 30 1234567" is no price.
 */

export interface Separators {
	decimal: '.' | ',';
	/** '' for none; ' ' stands for any space (no-break and narrow no-break too, as French
	 * uses), "'" for the apostrophe and the right single quote (Swiss). */
	group: '' | ',' | '.' | ' ' | "'";
}

export type AmountReading = { ok: true; value: string } | { ok: false; reason: string };

/** Longer than any amount; keeps the patterns' work small whatever the input. */
const MAX_LENGTH = 64;

const DECIMAL = { '.': '\\.', ',': ',' } as const;
const GROUP = { ',': ',', '.': '\\.', ' ': '[ \\u00a0\\u202f]', "'": "['\\u2019]" } as const;
const SIGN = '[-\\u2212]';
/**
 * A currency sign (with up to three capitals before it: R$, US$), an ISO code, or one of
 * the letter symbols of common currencies (kr, zł, Kč, Ft, Fr., R, Rs, RM, Rp, lei, S/).
 */
const CURRENCY = '(?:[A-Z]{0,3}\\p{Sc}|[A-Z]{3}|kr\\.?|zł|Kč|Ft|Fr\\.|R|Rs\\.?|RM|Rp|lei|S/)';

const patterns = new Map<string, RegExp>();

function patternFor({ decimal, group }: Separators): RegExp {
	const key = decimal + group;
	let pattern = patterns.get(key);
	if (!pattern) {
		const g = group ? GROUP[group] : null;
		const whole = g
			? `\\d+|[1-9]\\d{0,2}(?:${g}\\d{3})+|[1-9]\\d?(?:${g}\\d{2})*${g}\\d{3}`
			: '\\d+';
		pattern = new RegExp(
			`^(?<sign>${SIGN})?\\s*(?:(?<before>${CURRENCY})\\s*(?<late>${SIGN})?\\s*)?` +
				`(?<whole>${whole})?(?:${DECIMAL[decimal]}(?<fraction>\\d+))?` +
				`(?:\\s*(?<after>${CURRENCY}))?$`,
			'u'
		);
		patterns.set(key, pattern);
	}
	return pattern;
}

export function readAmount(input: string, separators: Separators): AmountReading {
	const text = input.trim();
	if (!text) return { ok: false, reason: 'is empty' };
	if (text.length > MAX_LENGTH) return { ok: false, reason: 'is too long for an amount' };
	const groups = patternFor(separators).exec(text)?.groups;
	if (
		!groups ||
		(groups.whole === undefined && groups.fraction === undefined) ||
		(groups.sign && groups.late) ||
		(groups.before && groups.after)
	) {
		return { ok: false, reason: whyNot(text, separators) };
	}
	const whole = (groups.whole ?? '').replace(/\D/g, '').replace(/^0+(?=\d)/, '') || '0';
	const fraction = groups.fraction === undefined ? '' : `.${groups.fraction}`;
	const negative = (groups.sign || groups.late) && /[1-9]/.test(whole + fraction);
	return { ok: true, value: `${negative ? '-' : ''}${whole}${fraction}` };
}

/** Seven digits or more, after a + or an area code in parentheses, or split by spaces,
 * hyphens or slashes into runs that are not thousands groups. */
function looksLikePhone(text: string): boolean {
	if ((text.match(/\d/g) ?? []).length < 7) return false;
	if (/^(\+|\(\d)/.test(text)) return true;
	const runs = text.split(/[\s/-]+/);
	return (
		runs.length > 1 &&
		runs.every((run) => /^\d+$/.test(run)) &&
		runs.slice(1).some((run) => run.length !== 3)
	);
}

function whyNot(text: string, { decimal, group }: Separators): string {
	if (/\d\s*[eE]\s*[-+\u2212]?\s*\d/.test(text)) return 'is written with an exponent';
	if (looksLikePhone(text)) return 'looks like a phone number';
	if ((text.match(/[-+\u2212]/g) ?? []).length > 1) return 'has more than one sign';
	if (text.includes('+')) return 'has a + sign';
	if (/\p{L}|\p{Sc}.*\p{Sc}/u.test(text)) return 'has letters besides a currency';
	return `does not read as an amount written like 1${group}234${decimal}56`;
}
