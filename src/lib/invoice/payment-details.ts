/**
 * How the business gets paid (IBAN, BIC, bank, or free text), printed on its invoices. An
 * IBAN is checked with its mod-97 check digits, so a typo is caught before it is printed. Pure.
 */

/** Stored without spaces, in capitals: "DE89370400440532013000". */
export function normalizeIban(text: string): string {
	return text.replace(/\s+/g, '').toUpperCase();
}

/** Printed and shown in groups of four, as banks write it. */
export function formatIban(iban: string): string {
	return normalizeIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

/** Why `text` is no IBAN, or null when it is one. */
export function ibanProblem(text: string): string | null {
	const iban = normalizeIban(text);
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban))
		return 'An IBAN starts with a country code and two check digits, like DE89 3704 0044 0532 0130 00';
	// Country and check digits go to the end; letters count as 10–35; the whole is 1 mod 97.
	const digits = Array.from(iban.slice(4) + iban.slice(0, 4), (c) =>
		/\d/.test(c) ? c : String(c.charCodeAt(0) - 55)
	).join('');
	let rest = 0;
	for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
	return rest === 1 ? null : 'The IBAN’s check digits do not match: look for a typo';
}

export function isIban(text: string): boolean {
	return ibanProblem(text) === null;
}
