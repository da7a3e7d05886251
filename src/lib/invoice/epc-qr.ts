/**
 * The text of an EPC QR code ("GiroCode", EPC069-12 version 002): a SEPA credit transfer any
 * European banking app can fill in by scanning it. Pure; the PDF draws it as a QR code.
 */

export interface EpcTransfer {
	/** The beneficiary: the business being paid. */
	name: string;
	iban?: string;
	bic?: string;
	currency: string;
	/** In minor units (cents). */
	amount: number;
	/** Unstructured remittance information: the invoice number. */
	remittance: string;
}

/** The standard's limits: 331 bytes in all, 70 characters of name, 140 of remittance. */
const MAX_BYTES = 331;
const MAX_AMOUNT = 99_999_999_999;

/** One line of the payload: line breaks would start another field. */
function field(value: string, maxChars: number): string {
	return Array.from(value.replace(/\s*[\r\n]+\s*/g, ' ').trim())
		.slice(0, maxChars)
		.join('');
}

/**
 * The payload, or null when there is no code to print: not euros (SCT is euro-only), nothing
 * to pay, no IBAN or name, or more than 331 bytes (long names in 3- or 4-byte characters).
 */
export function epcPayload(transfer: EpcTransfer): string | null {
	const name = field(transfer.name, 70);
	const { amount } = transfer;
	if (transfer.currency !== 'EUR' || !transfer.iban || !name) return null;
	if (!Number.isInteger(amount) || amount <= 0 || amount > MAX_AMOUNT) return null;
	const euros = `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`;
	const payload = [
		'BCD',
		'002',
		'1', // UTF-8
		'SCT',
		transfer.bic ?? '',
		name,
		transfer.iban,
		`EUR${euros}`,
		'', // purpose code
		'', // structured (RF) reference: an invoice number is free text
		field(transfer.remittance, 140)
	].join('\n');
	return new TextEncoder().encode(payload).length <= MAX_BYTES ? payload : null;
}
