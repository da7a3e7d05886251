/**
 * Invoice PDFs for the pages. pdf-lib, the fonts and the layout load on first use, so the
 * first page of the app never downloads them.
 */
import type { BusinessProfile, Client, Invoice } from '../invoice/schema';
import type { RenderedPdf } from '../pdf/render';
import { downloadFile } from './downloads';

export async function renderPdf(
	invoice: Invoice,
	profile: BusinessProfile,
	client: Client | undefined
): Promise<RenderedPdf> {
	const [{ renderInvoicePdf }, { documentModel }, { browserFonts }] = await Promise.all([
		import('../pdf/render'),
		import('../pdf/document-model'),
		import('../pdf/browser-fonts')
	]);
	return renderInvoicePdf(
		documentModel(invoice, profile, client, navigator.language),
		browserFonts
	);
}

/** `INV/2026/7` saves as `INV-2026-7.pdf`: file names cannot hold every character. */
export function pdfFileName(number: string): string {
	const safe = Array.from(number, (c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '-' : c))
		.join('')
		.replace(/-+/g, '-')
		.trim();
	return `${safe || 'invoice'}.pdf`;
}

export async function downloadPdf(
	invoice: Invoice,
	profile: BusinessProfile,
	client: Client | undefined
): Promise<RenderedPdf> {
	const pdf = await renderPdf(invoice, profile, client);
	downloadFile(pdfFileName(invoice.number), pdf.bytes as BlobPart, 'application/pdf');
	return pdf;
}
