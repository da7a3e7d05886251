import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	decodePDFRawStream,
	PDFArray,
	PDFDict,
	PDFDocument,
	PDFName,
	PDFRawStream,
	PDFStream,
	PDFString
} from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatsFor } from '../invoice/formats';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../testing/factories';
import { nodeFonts } from '../testing/node-fonts';
import { documentModel } from './document-model';
import { embedFacturX } from './factur-x';
import { renderInvoicePdf } from './render';
import { parseTrueType } from './truetype';

const VALIDATOR = new URL('../../../../shared/validators/en16931/', import.meta.url);
/** An official EN 16931 CII example; the app's own generator is tested with the validator. */
const XML = readFileSync(fileURLToPath(new URL('examples/CII_example1.xml', VALIDATOR)), 'utf8');
interface Validation {
	fatal: { id: string; text: string }[];
}
const AT = new Date('2026-03-01T10:20:30Z');
const dir = mkdtempSync(join(tmpdir(), 'invoicelab-facturx-'));
const file = join(dir, 'factur-x.pdf');
const poppler = (tool: string, ...args: string[]) =>
	execFileSync(tool, [...args, file], { encoding: 'utf8' });
let bytes: Uint8Array;

beforeAll(async () => {
	const model = documentModel(
		makeInvoice({
			number: 'RE-2026-5',
			currency: 'EUR',
			clientName: 'Łódź 東京',
			lines: [makeLine({ description: 'Beratung — コンサルティング', unitPrice: 50000 })]
		}),
		makeProfile({ name: 'Müller GmbH', payment: { iban: 'DE89370400440532013000' } }),
		makeClient(),
		formatsFor('de-DE', 'en-US')
	);
	const pdf = await renderInvoicePdf(model, nodeFonts);
	bytes = await embedFacturX(pdf.bytes, XML, { title: 'Rechnung RE-2026-5', date: AT });
	writeFileSync(file, bytes);
});

describe('Factur-X (PDF/A-3b with the CII invoice attached)', () => {
	it('attaches the XML as factur-x.xml, byte for byte', () => {
		expect(poppler('pdfdetach', '-list')).toMatch(/1 embedded files\s+1: factur-x\.xml/);
		const out = join(dir, 'extracted.xml');
		execFileSync('pdfdetach', ['-save', '1', '-o', out, file]);
		expect(readFileSync(out, 'utf8')).toBe(XML);
	});

	it('carries XML that passes the EN 16931 rules once taken out of the PDF', async () => {
		const out = join(dir, 'validated.xml');
		execFileSync('pdfdetach', ['-save', '1', '-o', out, file]);
		const validator = new URL('validate.mjs', VALIDATOR).href;
		const { validateEn16931 } = (await import(/* @vite-ignore */ validator)) as {
			validateEn16931: (xml: string) => Validation;
		};
		expect(validateEn16931(readFileSync(out, 'utf8')).fatal).toEqual([]);
	}, 30_000);

	it('declares the attachment as the alternative form of the invoice, from the catalog', async () => {
		const doc = await PDFDocument.load(bytes);
		const catalog = doc.catalog;
		const af = catalog.lookup(PDFName.of('AF'), PDFArray);
		const spec = af.lookup(0, PDFDict);
		expect(spec.get(PDFName.of('AFRelationship'))).toBe(PDFName.of('Alternative'));
		expect(spec.lookup(PDFName.of('F'), PDFString).decodeText()).toBe('factur-x.xml');
		const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'), PDFStream);
		expect(stream.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('text/xml'));
		const params = stream.dict.lookup(PDFName.of('Params'), PDFDict);
		expect(params.lookup(PDFName.of('ModDate'), PDFString).decodeDate()).toEqual(AT);
		const names = catalog
			.lookup(PDFName.of('Names'), PDFDict)
			.lookup(PDFName.of('EmbeddedFiles'), PDFDict)
			.lookup(PDFName.of('Names'), PDFArray);
		expect(names.lookup(1)).toBe(spec);
	});

	it('says in its XMP metadata that it is PDF/A-3b and a Factur-X EN 16931 invoice', () => {
		const xmp = poppler('pdfinfo', '-meta');
		expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
		expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
		expect(xmp).toContain('<fx:DocumentType>INVOICE</fx:DocumentType>');
		expect(xmp).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>');
		expect(xmp).toContain('<fx:Version>1.0</fx:Version>');
		expect(xmp).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>');
		// The extension schema that PDF/A asks for any property outside its predefined ones.
		expect(xmp).toContain(
			'<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>'
		);
		for (const name of ['DocumentFileName', 'DocumentType', 'Version', 'ConformanceLevel']) {
			expect(xmp).toContain(`<pdfaProperty:name>${name}</pdfaProperty:name>`);
		}
	});

	it('has the same title, tool and dates in the XMP as in the document information', () => {
		const xmp = poppler('pdfinfo', '-meta');
		const info = poppler('pdfinfo', '-isodates');
		expect(info).toMatch(/Title:\s+Rechnung RE-2026-5/);
		expect(info).toMatch(/Producer:\s+InvoiceLab/);
		expect(info).toMatch(/Creator:\s+InvoiceLab/);
		expect(info).toMatch(/CreationDate:\s+2026-03-01T10:20:30Z/);
		expect(info).toMatch(/ModDate:\s+2026-03-01T10:20:30Z/);
		expect(xmp).toContain('<rdf:li xml:lang="x-default">Rechnung RE-2026-5</rdf:li>');
		expect(xmp).toContain('<pdf:Producer>InvoiceLab</pdf:Producer>');
		expect(xmp).toContain('<xmp:CreatorTool>InvoiceLab</xmp:CreatorTool>');
		for (const date of ['CreateDate', 'ModifyDate', 'MetadataDate']) {
			expect(xmp).toContain(`<xmp:${date}>2026-03-01T10:20:30Z</xmp:${date}>`);
		}
	});

	it('embeds every font', () => {
		const rows = poppler('pdffonts').trim().split('\n').slice(2);
		expect(rows.length).toBeGreaterThanOrEqual(3);
		for (const row of rows) expect(row).toMatch(/ yes +yes +yes +\d+ +\d+$/);
	});

	it('gives each glyph the width its embedded font program has (PDF/A 6.2.11.5)', async () => {
		const doc = await PDFDocument.load(bytes);
		const fonts = doc.context
			.enumerateIndirectObjects()
			.flatMap(([, object]) =>
				object instanceof PDFDict &&
				object.get(PDFName.of('Subtype')) === PDFName.of('CIDFontType2')
					? [object]
					: []
			);
		expect(fonts.length).toBe(4);
		for (const font of fonts) {
			const descriptor = font.lookup(PDFName.of('FontDescriptor'), PDFDict);
			const stream = descriptor.lookup(PDFName.of('FontFile2'), PDFStream);
			const program = parseTrueType(decodePDFRawStream(stream as PDFRawStream).decode());
			const widths = font.lookup(PDFName.of('W'), PDFArray).asArray();
			let checked = 0;
			for (let i = 0; i < widths.length; i += 2) {
				const first = Number(widths[i]!.toString());
				doc.context
					.lookup(widths[i + 1]!, PDFArray)
					.asArray()
					.forEach((width, j) => {
						const expected = (program.advance(first + j) * 1000) / program.unitsPerEm;
						expect(Number(width.toString())).toBeCloseTo(expected, 3);
						checked++;
					});
			}
			// Every printable glyph; only the parts of composite glyphs are never shown alone.
			expect(checked).toBeGreaterThan(program.numGlyphs / 2);
		}
	});

	it('has an sRGB output intent with its ICC profile, metadata unfiltered, and a document ID', async () => {
		const doc = await PDFDocument.load(bytes);
		const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
		expect(intents.size()).toBe(1);
		const intent = intents.lookup(0, PDFDict);
		expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
		expect(intent.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).asString()).toBe(
			'sRGB IEC61966-2.1'
		);
		const icc = intent.lookup(PDFName.of('DestOutputProfile'), PDFStream);
		expect(icc.dict.lookup(PDFName.of('N'))?.toString()).toBe('3');
		const metadata = doc.catalog.lookup(PDFName.of('Metadata'), PDFStream);
		expect(metadata.dict.get(PDFName.of('Filter'))).toBeUndefined();
		expect(metadata.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('XML'));
		const id = doc.context.trailerInfo.ID;
		expect(id).toBeInstanceOf(PDFArray);
		expect((id as PDFArray).size()).toBe(2);
	});

	it('leaves what the invoice says unchanged', () => {
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
		expect(text).toContain('Müller GmbH');
		expect(text).toContain('Łódź 東京');
		expect(text).toContain('コンサルティング');
	});
});
