import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedFacturX } from '../pdf/factur-x';
import { parseXmlInNode } from '../testing/xml-parser';
import { MAX_EINVOICE_PDF_BYTES, readEInvoiceFile } from './from-file';
import { attachedInvoiceXml } from './pdf-attachment';
import { MAX_XML_BYTES } from './read-xml';

const EXAMPLES = new URL('../../../../shared/validators/en16931/examples/', import.meta.url);
const CII = readFileSync(fileURLToPath(new URL('CII_example1.xml', EXAMPLES)), 'utf8');
const UBL = readFileSync(fileURLToPath(new URL('BIS3_Invoice_positive.XML', EXAMPLES)), 'utf8');
const encode = (text: string) => new TextEncoder().encode(text);

const read = (name: string, bytes: Uint8Array, size = bytes.length) =>
	readEInvoiceFile(
		{ name, bytes, size },
		{ parse: parseXmlInNode, attachedXml: attachedInvoiceXml }
	);

async function pdfWith(attach?: (doc: PDFDocument) => Promise<void>) {
	const doc = await PDFDocument.create();
	doc.addPage([200, 200]).drawText('Invoice', { x: 20, y: 100 });
	await attach?.(doc);
	return doc.save();
}

describe('reading an e-invoice from a file', () => {
	it('reads the CII XML out of a Factur-X PDF (the /AF file named factur-x.xml)', async () => {
		const pdf = await embedFacturX(await pdfWith(), CII, {
			title: 'Invoice 12115118',
			date: new Date('2026-03-01T10:00:00Z')
		});
		const result = await read('12115118.pdf', pdf);
		expect(result).toMatchObject({
			kind: 'read',
			source: '12115118.pdf (its factur-x.xml)',
			what: 'a CII invoice from De Koksmaat to ODIN 59',
			fields: { invoiceNumber: '12115118', clientName: 'ODIN 59' }
		});
		expect(result.kind === 'read' && result.fields.lines).toHaveLength(20);
	});

	it('reads a ZUGFeRD PDF whose XML is only in the EmbeddedFiles name tree', async () => {
		const pdf = await pdfWith(async (doc) => {
			await doc.attach(encode('not this one'), 'readme.txt', { mimeType: 'text/plain' });
			await doc.attach(encode(UBL), 'zugferd-invoice.xml', { mimeType: 'text/xml' });
		});
		expect(await read('bill.pdf', pdf)).toMatchObject({
			kind: 'read',
			source: 'bill.pdf (its zugferd-invoice.xml)',
			fields: { invoiceNumber: '12345', currency: 'DKK' }
		});
	});

	it('reads an XML file, with or without a byte order mark', async () => {
		expect(await read('invoice.xml', encode(UBL))).toMatchObject({
			kind: 'read',
			source: 'invoice.xml',
			fields: { clientName: 'Company B' }
		});
		expect(await read('invoice.xml', encode(`\uFEFF${UBL}`))).toMatchObject({ kind: 'read' });
	});

	it('leaves a PDF without an e-invoice, and a photo, to be read some other way', async () => {
		expect(await read('scan.pdf', await pdfWith())).toEqual({ kind: 'other' });
		const damaged = encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
		expect(await read('damaged.pdf', damaged)).toEqual({ kind: 'other' });
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
		expect(await read('photo.png', png)).toEqual({ kind: 'other' });
	});

	it('names what it cannot read: a broken or foreign XML file, a huge one, one not in UTF-8', async () => {
		expect(await read('bill.xml', encode('<Invoice><ID>1</Invoice>'))).toEqual({
			kind: 'problem',
			message: 'bill.xml: It is not well-formed XML.'
		});
		expect(await read('order.xml', encode('<Order xmlns="urn:x"/>'))).toMatchObject({
			kind: 'problem',
			message: expect.stringMatching(/^order\.xml: It is XML, but not an e-invoice/)
		});
		const big = encode('<Invoice>');
		expect(await read('big.xml', big, 20 * 1024 * 1024)).toEqual({
			kind: 'problem',
			message: 'big.xml: It is 20 MB; e-invoices are read up to 10 MB.'
		});
		const latin1 = new Uint8Array([...encode('<a>M'), 0xfc, ...encode('ller</a>')]);
		expect(await read('latin1.xml', latin1)).toMatchObject({
			kind: 'problem',
			message: expect.stringMatching(/^latin1\.xml: It is not in UTF-8/)
		});
	});

	it('refuses a PDF attachment that unpacks to more than an e-invoice can be', async () => {
		const pdf = await pdfWith(async (doc) => {
			await doc.attach(new Uint8Array(MAX_XML_BYTES + 10), 'factur-x.xml', {
				mimeType: 'text/xml'
			});
		});
		expect(pdf.length).toBeLessThan(MAX_XML_BYTES / 100);
		expect(await read('bomb.pdf', pdf)).toEqual({
			kind: 'problem',
			message:
				'bomb.pdf (its factur-x.xml): It unpacks to more than 10 MB; e-invoices are read up to 10 MB.'
		});
	});

	it('refuses a PDF too large to read here', async () => {
		const head = encode('%PDF-1.7\n');
		expect(await read('huge.pdf', head, MAX_EINVOICE_PDF_BYTES + 5 * 1024 * 1024)).toEqual({
			kind: 'problem',
			message: 'huge.pdf is 30 MB; PDFs are searched for an e-invoice up to 25 MB.'
		});
	});
});
