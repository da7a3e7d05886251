/**
 * The e-invoices an invoice can be exported as: Factur-X / ZUGFeRD's CII (profile EN 16931),
 * XRechnung in CII syntax, and UBL (Peppol BIS Billing 3.0). Each is made only when
 * einvoiceProblems finds nothing missing: never a file that breaks the rules. Pure.
 */
import { kindOf } from '../invoice/documents';
import { partiesOf } from '../invoice/issue';
import { currencyDecimals } from '../invoice/money';
import type { BusinessProfile, Client, Invoice } from '../invoice/schema';
import { BILLING_PROCESS, ciiXml, FACTUR_X_GUIDELINE, XRECHNUNG_GUIDELINE } from './cii';
import { einvoiceModel, type EInvoiceSource } from './model';
import {
	einvoiceProblems,
	problemSentence,
	type EInvoiceFormat,
	type EInvoiceProblem
} from './readiness';
import { ublXml } from './ubl';

export type { EInvoiceFormat, EInvoiceProblem };
export { problemSentence };

/** What an invoice is exported with: the same inputs as its PDF, and a credited invoice. */
export interface EInvoiceContext {
	profile: BusinessProfile;
	client: Client | undefined;
	/** For a credit note: the invoice it credits (BT-25). */
	credited?: Invoice | undefined;
}

/** The context of `invoice` among the records at hand: its client and the invoice it credits. */
export function einvoiceContext(
	invoice: Invoice,
	profile: BusinessProfile,
	clients: ReadonlyMap<string, Client>,
	invoices: ReadonlyMap<string, Invoice>
): EInvoiceContext {
	return {
		profile,
		client: clients.get(invoice.clientId),
		credited: invoice.credits ? invoices.get(invoice.credits) : undefined
	};
}

export const EINVOICE_FORMATS: Record<EInvoiceFormat, { label: string; suffix: string }> = {
	'factur-x': { label: 'Factur-X (CII)', suffix: 'factur-x' },
	'xrechnung-cii': { label: 'XRechnung (CII)', suffix: 'xrechnung' },
	ubl: { label: 'UBL', suffix: 'ubl' }
};

export class EInvoiceNotReady extends Error {
	constructor(readonly problems: EInvoiceProblem[]) {
		super(`The e-invoice lacks: ${problems.map(problemSentence).join('; ')}`);
		this.name = 'EInvoiceNotReady';
	}
}

/** An issued invoice's frozen details, or a draft's current ones (as its PDF prints them). */
export function einvoiceSource(invoice: Invoice, context: EInvoiceContext): EInvoiceSource {
	const { seller, buyer } = partiesOf(invoice, context.profile, context.client);
	return {
		invoice,
		seller,
		buyer,
		payment: invoice.issued ? invoice.issued.payment : context.profile.payment,
		credited: context.credited
	};
}

export function problemsFor(
	invoice: Invoice,
	context: EInvoiceContext,
	format: EInvoiceFormat
): EInvoiceProblem[] {
	return einvoiceProblems(einvoiceSource(invoice, context), format);
}

/** The XML of `format`; throws EInvoiceNotReady naming every missing field. */
export function einvoiceXml(
	invoice: Invoice,
	context: EInvoiceContext,
	format: EInvoiceFormat
): string {
	const source = einvoiceSource(invoice, context);
	const problems = einvoiceProblems(source, format);
	if (problems.length > 0) throw new EInvoiceNotReady(problems);
	const digits = currencyDecimals(invoice.currency);
	const model = einvoiceModel(source, digits);
	if (format === 'ubl') return ublXml(model, digits);
	return format === 'factur-x'
		? ciiXml(model, digits, { guideline: FACTUR_X_GUIDELINE })
		: ciiXml(model, digits, { guideline: XRECHNUNG_GUIDELINE, process: BILLING_PROCESS });
}

/** The CII XML a Factur-X PDF embeds as factur-x.xml (profile EN 16931). */
/**
 * Whether an issued invoice or credit note's PDF carries its Factur-X XML: drafts, quotes and
 * void documents are no e-invoices, and one whose data is incomplete is a plain PDF (the page
 * lists what is missing).
 */
export function facturXReady(invoice: Invoice, context: EInvoiceContext): boolean {
	if (!invoice.issued || invoice.status === 'void' || kindOf(invoice) === 'quote') return false;
	return problemsFor(invoice, context, 'factur-x').length === 0;
}

/** The XML the invoice's PDF carries, or undefined (facturXReady). */
export function facturXOf(invoice: Invoice, context: EInvoiceContext): string | undefined {
	return facturXReady(invoice, context) ? facturXml(invoice, context) : undefined;
}

export function facturXml(invoice: Invoice, context: EInvoiceContext): string {
	return einvoiceXml(invoice, context, 'factur-x');
}

/** "INV-2026-0001-xrechnung.xml": the number made safe for a file name. */
export function einvoiceFilename(invoice: Pick<Invoice, 'number'>, format: EInvoiceFormat): string {
	const safe = invoice.number.replace(/[^\p{L}\p{N}._-]+/gu, '-');
	return `${safe}-${EINVOICE_FORMATS[format].suffix}.xml`;
}
