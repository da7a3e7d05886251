/**
 * How the business gets paid (IBAN, BIC, bank, or free text), printed on its invoices. An
 * IBAN is checked with its mod-97 check digits, so a typo is caught before it is printed. Pure.
 */
import type { PaymentDetails } from './schema';

export const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

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

export interface PaymentForm {
	iban: string;
	bic: string;
	bank: string;
	text: string;
}

export function paymentForm(details: PaymentDetails | undefined): PaymentForm {
	return {
		iban: details?.iban ? formatIban(details.iban) : '',
		bic: details?.bic ?? '',
		bank: details?.bank ?? '',
		text: details?.text ?? ''
	};
}

/** What to store (absent when nothing was given), or per-field messages. */
export function readPaymentDetails(form: PaymentForm): {
	details: PaymentDetails | undefined;
	errors: Partial<Record<keyof PaymentForm, string>>;
} {
	const errors: Partial<Record<keyof PaymentForm, string>> = {};
	const iban = normalizeIban(form.iban);
	const bic = form.bic.replace(/\s+/g, '').toUpperCase();
	if (iban) errors.iban = ibanProblem(iban) ?? undefined;
	if (bic && !BIC.test(bic)) errors.bic = 'A BIC has 8 or 11 letters and digits, like COBADEFFXXX';
	if (!errors.iban) delete errors.iban;
	const given = Object.entries({ iban, bic, bank: form.bank.trim(), text: form.text.trim() });
	const present = given.filter(([, value]) => value !== '');
	return {
		details: present.length ? (Object.fromEntries(present) as PaymentDetails) : undefined,
		errors
	};
}
