/**
 * Invoice numbers from a format such as `INV-{YYYY}-{SEQ:4}`:
 * {YYYY} year, {YY} two-digit year, {MM} month, {SEQ} or {SEQ:n} the sequence, zero-padded
 * to n digits. The sequence restarts whenever the text around it changes (a new year).
 */
export const DEFAULT_NUMBER_FORMAT = 'INV-{YYYY}-{SEQ:4}';

const TOKEN = /\{(YYYY|YY|MM|SEQ(?::(\d))?)\}/g;

function fill(format: string, issueDate: string, seq: string | null): string {
	const [year = '', month = ''] = issueDate.split('-');
	return format.replace(TOKEN, (_, token: string, width?: string) => {
		if (token === 'YYYY') return year;
		if (token === 'YY') return year.slice(2);
		if (token === 'MM') return month;
		return seq === null ? '\u0000' : seq.padStart(Number(width ?? 1), '0');
	});
}

export function formatInvoiceNumber(format: string, issueDate: string, sequence: number): string {
	return fill(format, issueDate, String(sequence));
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The number after the highest one already used with the same format and period. */
export function nextInvoiceNumber(
	format: string,
	issueDate: string,
	existingNumbers: Iterable<string>
): string {
	const [before = '', after = ''] = fill(format, issueDate, null).split('\u0000');
	const pattern = new RegExp(`^${escapeRegExp(before)}(\\d+)${escapeRegExp(after)}$`);
	let highest = 0;
	for (const number of existingNumbers) {
		const match = pattern.exec(number);
		if (match) highest = Math.max(highest, Number(match[1]));
	}
	return formatInvoiceNumber(format, issueDate, highest + 1);
}
