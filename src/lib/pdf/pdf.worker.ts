/// <reference lib="webworker" />
/**
 * Makes invoice PDFs off the page's thread: a long invoice never freezes the page, and the
 * page can cancel one by terminating the worker. The PDF code and fonts load on the first
 * request; the worker is kept, so later PDFs reuse the parsed fonts. It also takes the
 * e-invoice XML out of a chosen PDF (einvoice/pdf-attachment.ts), so pdf-lib is loaded in
 * one place only and a large PDF is parsed off the page's thread.
 */
import type { AttachedXml } from '../einvoice/pdf-attachment';
import type { PdfDocumentModel } from './document-model';
import type { RenderedPdf } from './render';

export type PdfRequest =
	| {
			id: number;
			kind: 'render';
			model: PdfDocumentModel;
			/** The invoice's Factur-X XML: the PDF becomes PDF/A-3 carrying it (pdf/factur-x.ts). */
			facturX?: string;
	  }
	| { id: number; kind: 'attachment'; pdf: Uint8Array; maxBytes: number };

export type PdfReply =
	| { id: number; kind: 'progress'; fraction: number }
	| { id: number; kind: 'done'; pdf: RenderedPdf }
	| { id: number; kind: 'attachment'; attached: AttachedXml }
	| { id: number; kind: 'failed'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: PdfReply, transfer: Transferable[] = []) =>
	scope.postMessage(message, transfer);

scope.onmessage = async ({ data }: MessageEvent<PdfRequest>) => {
	const { id } = data;
	try {
		if (data.kind === 'attachment') {
			const { attachedInvoiceXml } = await import('../einvoice/pdf-attachment');
			const attached = await attachedInvoiceXml(data.pdf, data.maxBytes);
			const transfer = attached && 'bytes' in attached ? [attached.bytes.buffer] : [];
			return reply({ id, kind: 'attachment', attached }, transfer);
		}
		const { model, facturX } = data;
		const [{ renderInvoicePdf }, { browserFonts }] = await Promise.all([
			import('./render'),
			import('./browser-fonts')
		]);
		let percent = -1;
		const pdf = await renderInvoicePdf(model, browserFonts, (fraction) => {
			// One message per percent: a 1,000-line invoice reports thousands of steps.
			if (Math.floor(fraction * 100) === percent) return;
			percent = Math.floor(fraction * 100);
			reply({ id, kind: 'progress', fraction });
		});
		if (facturX) {
			const { embedFacturX } = await import('./factur-x');
			const title = `${model.title} ${model.number}`;
			pdf.bytes = await embedFacturX(pdf.bytes, facturX, { title, date: new Date(model.date) });
		}
		reply({ id, kind: 'done', pdf }, [pdf.bytes.buffer]);
	} catch (error) {
		reply({ id, kind: 'failed', message: (error as Error).message });
	}
};
