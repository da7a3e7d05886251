/**
 * A chosen file as an e-invoice: an XML file, or a PDF with the XML attached (Factur-X,
 * ZUGFeRD). Anything else is left to be read some other way (Bedrock); what is an e-invoice
 * but cannot be read is named. The XML parser and the PDF attachment finder are passed in:
 * in the app, the browser's DOMParser and the PDF worker (app/pdf-worker.ts).
 */
import { megabytes, sniffKind } from '../ai/capture';
import type { AttachedXml } from './pdf-attachment';
import { readEInvoice, type EInvoiceReading } from './read';
import { MAX_XML_BYTES, type ParseXml } from './read-xml';

/** A PDF may carry images and fonts beside its XML; past this it is not searched here. */
export const MAX_EINVOICE_PDF_BYTES = 25 * 1024 * 1024;

const ATTACHMENT_PROBLEMS = {
	missing: 'The PDF names it but does not hold its content.',
	damaged: 'Its content in the PDF is damaged and cannot be unpacked.',
	'too large': `It unpacks to more than ${megabytes(MAX_XML_BYTES)}; e-invoices are read up to ${megabytes(MAX_XML_BYTES)}.`
};

export interface ChosenFile {
	name: string;
	/** May stop short of `size`: a file over the limits is refused by its size alone. */
	bytes: Uint8Array;
	size: number;
}

export interface EInvoiceReaders {
	parse: ParseXml;
	/** einvoice/pdf-attachment.ts's attachedInvoiceXml, wherever it runs. */
	attachedXml: (pdf: Uint8Array, maxBytes: number) => Promise<AttachedXml>;
}

export type EInvoiceFileResult =
	| ({ kind: 'read'; source: string } & Extract<EInvoiceReading, { ok: true }>)
	| { kind: 'problem'; message: string }
	| { kind: 'other' };

/** XML starts with `<`, after an optional byte order mark and white space. */
function looksLikeXml(bytes: Uint8Array): boolean {
	let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	while (at < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[at]!)) at++;
	return bytes[at] === 0x3c;
}

function fromXml(bytes: Uint8Array, size: number, source: string, parse: ParseXml) {
	if (size > MAX_XML_BYTES) {
		return problem(
			source,
			`It is ${megabytes(size)}; e-invoices are read up to ${megabytes(MAX_XML_BYTES)}.`
		);
	}
	let xml: string;
	try {
		xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return problem(source, 'It is not in UTF-8, the encoding e-invoices are written in.');
	}
	const reading = readEInvoice(xml, parse);
	if (!reading.ok) return problem(source, reading.message);
	return { kind: 'read' as const, source, ...reading };
}

const problem = (source: string, message: string) => ({
	kind: 'problem' as const,
	message: `${source}: ${message}`
});

export async function readEInvoiceFile(
	file: ChosenFile,
	{ parse, attachedXml }: EInvoiceReaders
): Promise<EInvoiceFileResult> {
	const { name, bytes, size } = file;
	if (sniffKind(bytes) === 'pdf') {
		if (size > MAX_EINVOICE_PDF_BYTES) {
			return {
				kind: 'problem',
				message: `${name} is ${megabytes(size)}; PDFs are searched for an e-invoice up to ${megabytes(MAX_EINVOICE_PDF_BYTES)}.`
			};
		}
		const attached = await attachedXml(bytes, MAX_XML_BYTES);
		if (!attached) return { kind: 'other' };
		const source = `${name} (its ${attached.name})`;
		if ('problem' in attached) return problem(source, ATTACHMENT_PROBLEMS[attached.problem]);
		return fromXml(attached.bytes, attached.bytes.length, source, parse);
	}
	return looksLikeXml(bytes) ? fromXml(bytes, size, name, parse) : { kind: 'other' };
}
