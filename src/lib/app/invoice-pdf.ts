/**
 * Invoice PDFs for the pages. The document model and limits load on first use; pdf-lib, the
 * fonts and the layout load inside the PDF worker, so the page itself never downloads them.
 */
import type { Formats } from '../invoice/formats';
import type { BusinessProfile, Client, Invoice } from '../invoice/schema';
import type { Progress, RenderedPdf } from '../pdf/render';
import { downloadFile } from './downloads';
import { PdfCancelled, renderInWorker, type PdfJob } from './pdf-worker';

export { PdfCancelled, type PdfJob };

/** The invoice is past the PDF limits (pdf/limits.ts); nothing was started. */
export class PdfRefused extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PdfRefused';
	}
}

/** What an invoice's PDF is made from besides the invoice itself. */
export interface PdfSources {
	profile: BusinessProfile;
	client: Client | undefined;
	formats: Formats;
	/** The logo it prints (logo-records.ts documentLogo). */
	logo: Promise<string>;
	/** For a credit note: the invoice it credits (its e-invoice names it). */
	credited: Invoice | undefined;
}

export function makePdf(
	invoice: Invoice,
	{ profile, client, formats, logo, credited }: PdfSources,
	onProgress: Progress
): PdfJob {
	let cancelled = false;
	let job: PdfJob | null = null;
	const result = (async () => {
		const [{ documentModel }, { pdfLimitProblem }, { facturXOf }, printedLogo] = await Promise.all([
			import('../pdf/document-model'),
			import('../pdf/limits'),
			import('../einvoice/einvoice'),
			logo
		]);
		const model = documentModel(invoice, profile, client, formats, printedLogo);
		const problem = pdfLimitProblem(model);
		if (problem) throw new PdfRefused(problem);
		if (cancelled) throw new PdfCancelled();
		job = renderInWorker(model, onProgress, facturXOf(invoice, { profile, client, credited }));
		return job.result;
	})();
	return {
		result,
		cancel: () => {
			cancelled = true;
			job?.cancel();
		}
	};
}

/** `INV/2026/7` saves as `INV-2026-7.pdf`: file names cannot hold every character. */
export function pdfFileName(number: string): string {
	const safe = Array.from(number, (c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '-' : c))
		.join('')
		.replace(/-+/g, '-')
		.trim();
	return `${safe || 'invoice'}.pdf`;
}

export function savePdf(number: string, pdf: RenderedPdf): void {
	downloadFile(pdfFileName(number), pdf.bytes as BlobPart, 'application/pdf');
}
