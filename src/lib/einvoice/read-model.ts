/**
 * An e-invoice as read from either syntax (CII or UBL), still as the document's own texts:
 * the EN 16931 business terms the editor can use, named by their BT numbers where it helps.
 * fill.ts turns it into the editor's fields, checking every number.
 */

import { text, type XmlElement } from './read-xml';

export interface AllowanceCharge {
	/** True for a charge (BG-21, BG-28), false for an allowance (BG-20, BG-27). */
	charge: boolean;
	amount?: string;
	/** The percentage, when the document gives one (BT-94, BT-138). */
	percent?: string;
	reason?: string;
	/** The VAT rate and category of a document-level one (BT-96/95, BT-103/102). */
	taxRate?: string;
	taxCategory?: string;
}

export interface DocumentLine {
	name: string;
	quantity?: string;
	/** BT-130, a UN/ECE Recommendation 20 code. */
	unitCode?: string;
	/** The net price (BT-146), per `baseQuantity` units when given (BT-149). */
	price?: string;
	baseQuantity?: string;
	/** BT-131: what the line comes to, allowances and charges included. */
	net?: string;
	taxRate?: string;
	/** BT-151, a UNCL5305 code: S, Z, E, AE, K, G, O, … */
	taxCategory?: string;
	allowanceCharges: AllowanceCharge[];
}

export interface EInvoiceDocument {
	syntax: 'CII' | 'UBL';
	typeCode?: string;
	/** A UBL CreditNote, or a CII document whose type code is a credit note's. */
	creditNote: boolean;
	number?: string;
	issueDate?: string;
	dueDate?: string;
	currency?: string;
	seller?: string;
	buyer?: string;
	/** BT-10, the Leitweg-ID of German public buyers. */
	buyerReference?: string;
	/** The VAT exemption reason (BT-120) of each category in the VAT breakdown. */
	exemptions: Record<string, string>;
	notes: string[];
	lines: DocumentLine[];
	allowanceCharges: AllowanceCharge[];
	/** BT-109 (without VAT), BT-110 (the VAT) and BT-112 (with VAT). */
	totals: { taxBasis?: string; tax?: string; grandTotal?: string };
}

/** UNTDID 1001 codes EN 16931 counts as credit notes. */
export const CREDIT_NOTE_CODES = new Set([
	'81',
	'83',
	'261',
	'262',
	'296',
	'308',
	'381',
	'396',
	'420',
	'458',
	'532'
]);

/** Category code → exemption reason, from the VAT breakdown's entries (paths within each). */
export function exemptions(
	entries: XmlElement[],
	categoryPath: string,
	reasonPath: string
): Record<string, string> {
	const found: Record<string, string> = {};
	for (const entry of entries) {
		const category = text(entry, categoryPath);
		const reason = text(entry, reasonPath);
		if (category && reason) found[category] ??= reason;
	}
	return found;
}

/** A line's item name (BT-153) and, when it says more, its description (BT-154). */
export function lineName(name: string | undefined, description: string | undefined): string {
	if (!description || description === name) return name ?? '';
	return name ? `${name}\n${description}` : description;
}
