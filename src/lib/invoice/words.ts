/**
 * Counts in words: "1 invoice", "2 invoices". The app's text is English, so English plural
 * rules decide; a phrase may carry its verb ("change is" / "changes are"). Pure.
 */
const rules = new Intl.PluralRules('en');
const groups = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A count grouped in thousands: "100,000". */
export function grouped(count: number): string {
	return groups.format(count);
}

/** The singular for one, the plural (by default the singular plus "s") for any other count. */
export function plural(count: number, one: string, other = `${one}s`): string {
	return rules.select(count) === 'one' ? one : other;
}

/** The count, grouped in thousands, and the word that goes with it. */
export function countOf(count: number, one: string, other?: string): string {
	return `${grouped(count)} ${plural(count, one, other)}`;
}

/**
 * An average time from issue to payment, in whole days ("0.0 days" reads like a fault); a
 * payment dated before its invoice (back-dated, imported) is said as such.
 */
export function daysToPay(average: number | null): string {
	if (average === null) return '—';
	const days = Math.round(average);
	if (days === 0) return 'On the day issued';
	return days > 0 ? countOf(days, 'day') : `${countOf(-days, 'day')} before issue`;
}
