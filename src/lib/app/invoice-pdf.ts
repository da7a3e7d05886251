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

export function makePdf(
	invoice: Invoice,
	profile: BusinessProfile,
	client: Client | undefined,
	formats: Formats,
	onProgress: Progress
): PdfJob {
	let cancelled = false;
	let job: PdfJob | null = null;
	const result = (async () => {
		const [{ documentModel }, { pdfLimitProblem }] = await Promise.all([
			import('../pdf/document-model'),
			import('../pdf/limits')
		]);
		const model = documentModel(invoice, profile, client, formats);
		const problem = pdfLimitProblem(model);
		if (problem) throw new PdfRefused(problem);
		if (cancelled) throw new PdfCancelled();
		job = renderInWorker(model, onProgress);
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
