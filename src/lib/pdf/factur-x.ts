/**
 * Turns an invoice PDF from renderInvoicePdf into a Factur-X / ZUGFeRD invoice: PDF/A-3b
 * with the CII XML attached.
 *
 * Contract: `embedFacturX(pdf, xml, meta)` takes the bytes renderInvoicePdf made (its fonts
 * are embedded subsets with widths and ToUnicode maps, its colours DeviceRGB) and the CII XML
 * of the same invoice, profile EN 16931, and returns new bytes that add:
 * - the XML, byte for byte as UTF-8, as `factur-x.xml` (EmbeddedFile of Subtype text/xml with
 *   Params ModDate; a file specification with F, UF, Desc and AFRelationship /Alternative, as
 *   Factur-X 1.0 and ZUGFeRD 2.x ask for the EN 16931 profile), listed in the catalog's /AF
 *   array and its EmbeddedFiles name tree;
 * - XMP metadata (unfiltered): pdfaid part 3 conformance B, dc:title, the xmp dates, creator
 *   tool and producer, all equal to the document information dictionary, which is rewritten
 *   to hold just those; and the Factur-X properties (fx:DocumentType INVOICE, credit notes
 *   included; DocumentFileName, Version 1.0, ConformanceLevel EN 16931) with the PDF/A
 *   extension schema that describes them;
 * - an sRGB output intent with its ICC profile (srgb-profile.ts);
 * - a document ID in the trailer.
 * It does not check the XML (tests run the EN 16931 rules on it) nor the rest of the PDF for
 * PDF/A (characters no font has print as the missing glyph, which PDF/A forbids). Works in the
 * browser and the worker as in Node: pdf-lib only, no Node APIs.
 */
import { PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { srgbProfile } from './srgb-profile';

export interface FacturXMeta {
	/** The document's title, e.g. "Invoice INV-7": Info /Title and dc:title. */
	title: string;
	/** When it was made: creation and modification dates, and the attachment's. */
	date: Date;
}

const FILE_NAME = 'factur-x.xml';
const TOOL = 'InvoiceLab';
const FX = 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#';
const SRGB = 'sRGB IEC61966-2.1';

export async function embedFacturX(
	pdf: Uint8Array,
	xml: string,
	meta: FacturXMeta
): Promise<Uint8Array> {
	const doc = await PDFDocument.load(pdf, { updateMetadata: false });
	const { context, catalog } = doc;
	const date = PDFString.fromDate(meta.date);
	const xmlBytes = new TextEncoder().encode(xml);

	const file = context.register(
		context.flateStream(xmlBytes, {
			Type: 'EmbeddedFile',
			Subtype: 'text/xml',
			Params: { Size: xmlBytes.length, ModDate: date }
		})
	);
	const spec = context.register(
		context.obj({
			Type: 'Filespec',
			F: PDFString.of(FILE_NAME),
			UF: PDFHexString.fromText(FILE_NAME),
			Desc: PDFHexString.fromText('Factur-X invoice'),
			AFRelationship: 'Alternative',
			EF: { F: file, UF: file }
		})
	);
	catalog.set(PDFName.of('AF'), context.obj([spec]));
	catalog.set(
		PDFName.of('Names'),
		context.obj({ EmbeddedFiles: { Names: [PDFString.of(FILE_NAME), spec] } })
	);

	const info = context.obj({
		Title: PDFHexString.fromText(meta.title),
		Creator: PDFHexString.fromText(TOOL),
		Producer: PDFHexString.fromText(TOOL),
		CreationDate: date,
		ModDate: date
	});
	// Replaced, not edited: any other entry would have to be mirrored in the XMP.
	if (context.trailerInfo.Info instanceof PDFRef) context.delete(context.trailerInfo.Info);
	context.trailerInfo.Info = context.register(info);
	const metadata = context.stream(new TextEncoder().encode(xmp(meta)), {
		Type: 'Metadata',
		Subtype: 'XML'
	});
	catalog.set(PDFName.of('Metadata'), context.register(metadata));

	const profile = context.register(context.flateStream(srgbProfile(), { N: 3 }));
	catalog.set(
		PDFName.of('OutputIntents'),
		context.obj([
			{
				Type: 'OutputIntent',
				S: 'GTS_PDFA1',
				OutputConditionIdentifier: PDFString.of(SRGB),
				Info: PDFString.of(SRGB),
				DestOutputProfile: profile
			}
		])
	);

	const id = PDFHexString.of(documentId(pdf, xmlBytes, meta));
	context.trailerInfo.ID = context.obj([id, id]);
	return doc.save({ useObjectStreams: true });
}

/**
 * 16 bytes from the content (FNV-1a, four ways seeded): the same invoice made at the same
 * time gets the same ID, and the ID needs to be unique, not secret.
 */
function documentId(pdf: Uint8Array, xml: Uint8Array, meta: FacturXMeta): string {
	const stamp = new TextEncoder().encode(`${meta.title}\n${meta.date.toISOString()}`);
	return [0x811c9dc5, 0x050c5d1f, 0x2f6b1ce9, 0x6b6f3a11]
		.map((seed) => {
			let hash = seed;
			for (const part of [pdf, xml, stamp]) {
				for (const byte of part) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
			}
			return hash.toString(16).padStart(8, '0');
		})
		.join('');
}

function escapeXml(text: string): string {
	return text.replace(
		/[<>&"]/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!
	);
}

/** The Factur-X properties, as the PDF/A extension schema must describe them. */
const FX_PROPERTIES: [name: string, description: string][] = [
	['DocumentFileName', 'The name of the embedded XML document'],
	['DocumentType', 'The type of the hybrid document in capital letters, e.g. INVOICE or ORDER'],
	['Version', 'The actual version of the standard applying to the embedded XML document'],
	['ConformanceLevel', 'The conformance level of the embedded XML document']
];

function xmp(meta: FacturXMeta): string {
	const when = meta.date.toISOString().replace(/\.\d+Z$/, 'Z');
	const description = (namespaces: string, body: string) =>
		`<rdf:Description rdf:about="" ${namespaces}>${body}</rdf:Description>`;
	const properties = FX_PROPERTIES.map(
		([name, text]) =>
			'<rdf:li rdf:parseType="Resource">' +
			`<pdfaProperty:name>${name}</pdfaProperty:name>` +
			'<pdfaProperty:valueType>Text</pdfaProperty:valueType>' +
			'<pdfaProperty:category>external</pdfaProperty:category>' +
			`<pdfaProperty:description>${text}</pdfaProperty:description>` +
			'</rdf:li>'
	).join('\n');
	return [
		'<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
		'<x:xmpmeta xmlns:x="adobe:ns:meta/">',
		'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
		description(
			'xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
			'<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>'
		),
		description(
			'xmlns:dc="http://purl.org/dc/elements/1.1/"',
			'<dc:format>application/pdf</dc:format>' +
				`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.title)}</rdf:li></rdf:Alt></dc:title>`
		),
		description(
			'xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
			`<xmp:CreatorTool>${TOOL}</xmp:CreatorTool>` +
				`<xmp:CreateDate>${when}</xmp:CreateDate>` +
				`<xmp:ModifyDate>${when}</xmp:ModifyDate>` +
				`<xmp:MetadataDate>${when}</xmp:MetadataDate>`
		),
		description('xmlns:pdf="http://ns.adobe.com/pdf/1.3/"', `<pdf:Producer>${TOOL}</pdf:Producer>`),
		description(
			`xmlns:fx="${FX}"`,
			'<fx:DocumentType>INVOICE</fx:DocumentType>' +
				`<fx:DocumentFileName>${FILE_NAME}</fx:DocumentFileName>` +
				'<fx:Version>1.0</fx:Version>' +
				'<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>'
		),
		description(
			'xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" ' +
				'xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" ' +
				'xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"',
			'<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">' +
				'<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>' +
				`<pdfaSchema:namespaceURI>${FX}</pdfaSchema:namespaceURI>` +
				'<pdfaSchema:prefix>fx</pdfaSchema:prefix>' +
				`<pdfaSchema:property><rdf:Seq>\n${properties}\n</rdf:Seq></pdfaSchema:property>` +
				'</rdf:li></rdf:Bag></pdfaExtension:schemas>'
		),
		'</rdf:RDF>',
		'</x:xmpmeta>',
		'<?xpacket end="w"?>'
	].join('\n');
}
