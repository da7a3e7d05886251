/**
 * Send and Send reminder: the invoice's PDF and its message, through the share sheet when the
 * browser can share files, else saved beside a mailto: message.
 */
import type { Formats } from '../invoice/formats';
import { partiesOf } from '../invoice/issue';
import { documentFormats, languageOf } from '../invoice/document-language';
import { fillTemplate, mailtoHref, messageKindOf, templateFor } from '../invoice/messages';
import type { BusinessProfile, Client, Invoice } from '../invoice/schema';
import { invoiceTotals } from '../invoice/totals';
import type { MailChannel } from '../platform/mail';
import { pdfFileName } from './invoice-pdf';

export type SendOutcome = 'shared' | 'mailed' | 'cancelled';

export interface SendRequest {
	invoice: Invoice;
	/** A reminder of an overdue invoice, rather than the document itself. */
	reminder: boolean;
	profile: BusinessProfile;
	client: Client | undefined;
	formats: Formats;
	pdf: Uint8Array;
	mail: MailChannel;
	/** Saves the PDF for the user to attach (the mailto: path). */
	savePdf: (name: string, bytes: Uint8Array) => void;
}

/**
 * The message for `invoice` in its document language, amounts and dates written as its
 * documents write them; a reminder, or the message for the document's own kind.
 */
export function invoiceMessage(
	invoice: Invoice,
	reminder: boolean,
	profile: BusinessProfile,
	client: Client | undefined,
	appFormats: Formats
) {
	const totals = invoiceTotals(invoice);
	const { seller, buyer } = partiesOf(invoice, profile, client);
	const formats = documentFormats(invoice, client, appFormats);
	const money = (minor: number) => formats.money(minor, invoice.currency);
	const kind = reminder ? 'reminder' : messageKindOf(invoice);
	return fillTemplate(templateFor(profile, kind, languageOf(invoice, client)), {
		'{number}': invoice.number,
		'{client}': buyer.name,
		'{total}': money(totals.total),
		'{balance}': money(totals.balance),
		'{due date}': formats.date(invoice.dueDate),
		'{business}': seller.name || 'us'
	});
}

export async function sendInvoice(request: SendRequest): Promise<SendOutcome> {
	const { invoice, reminder, profile, client, formats, pdf, mail } = request;
	const message = invoiceMessage(invoice, reminder, profile, client, formats);
	const name = pdfFileName(invoice.number);
	const file = new File([pdf as BlobPart], name, { type: 'application/pdf' });
	if (mail.canShareFile(file)) {
		try {
			await mail.share({ files: [file], title: message.subject, text: message.body });
			return 'shared';
		} catch (error) {
			if ((error as Error).name === 'AbortError') return 'cancelled';
			throw error;
		}
	}
	request.savePdf(name, pdf);
	const to = (invoice.issued?.buyer.email ?? client?.email ?? '').trim();
	mail.openMail(mailtoHref(to, message));
	return 'mailed';
}
