/**
 * The e-invoice XML attached to a PDF: Factur-X and ZUGFeRD 2 list it in the catalog's /AF
 * array and its EmbeddedFiles name tree, as `factur-x.xml`, `zugferd-invoice.xml` or
 * `xrechnung.xml`. Loaded on demand (it brings pdf-lib). The attachment is unpacked only up
 * to the size limit, so a small compressed stream cannot unpack into gigabytes.
 */
import {
	decodePDFRawStream,
	PDFArray,
	PDFDict,
	PDFDocument,
	PDFHexString,
	PDFName,
	PDFRawStream,
	PDFString,
	type PDFObject
} from 'pdf-lib';

/** The names the Factur-X and ZUGFeRD specifications give the XML, in their order of use. */
const KNOWN_NAMES = ['factur-x.xml', 'zugferd-invoice.xml', 'xrechnung.xml'];
/** Name-tree nodes visited at most: a real tree has a handful; a looping one has no end. */
const MAX_NODES = 1000;

export type AttachedXml =
	| { name: string; bytes: Uint8Array }
	/** Said in words by from-file.ts, which knows the app's wording (and keeps it out of the worker). */
	| { name: string; problem: 'missing' | 'damaged' | 'too large' }
	| null;

const text = (value: PDFObject | undefined) =>
	value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

/** Every file specification the PDF lists, from /AF and from the EmbeddedFiles name tree. */
function fileSpecs(doc: PDFDocument): PDFDict[] {
	const { catalog } = doc;
	const specs: PDFDict[] = [];
	const af = catalog.lookup(PDFName.of('AF'));
	if (af instanceof PDFArray) {
		for (let i = 0; i < af.size(); i++) {
			const spec = af.lookup(i);
			if (spec instanceof PDFDict) specs.push(spec);
		}
	}
	const names = catalog.lookup(PDFName.of('Names'));
	const tree = names instanceof PDFDict ? names.lookup(PDFName.of('EmbeddedFiles')) : undefined;
	const pending = tree instanceof PDFDict ? [tree] : [];
	const seen = new Set<PDFDict>();
	while (pending.length > 0 && seen.size < MAX_NODES) {
		const node = pending.pop()!;
		if (seen.has(node)) continue;
		seen.add(node);
		const kids = node.lookup(PDFName.of('Kids'));
		if (kids instanceof PDFArray) {
			for (let i = 0; i < kids.size(); i++) {
				const kid = kids.lookup(i);
				if (kid instanceof PDFDict) pending.push(kid);
			}
		}
		const pairs = node.lookup(PDFName.of('Names'));
		if (pairs instanceof PDFArray) {
			for (let i = 1; i < pairs.size(); i += 2) {
				const spec = pairs.lookup(i);
				if (spec instanceof PDFDict) specs.push(spec);
			}
		}
	}
	return specs;
}

const specName = (spec: PDFDict) =>
	text(spec.lookup(PDFName.of('UF'))) ?? text(spec.lookup(PDFName.of('F'))) ?? '';

/** The known e-invoice attachment, else the first XML one; null when there is none. */
export async function attachedInvoiceXml(pdf: Uint8Array, maxBytes: number): Promise<AttachedXml> {
	let specs: { spec: PDFDict; name: string }[];
	try {
		const doc = await PDFDocument.load(pdf, { updateMetadata: false });
		specs = fileSpecs(doc).map((spec) => ({ spec, name: specName(spec) }));
	} catch {
		return null; // damaged (no catalog) or encrypted: not readable here, perhaps by Bedrock
	}
	const rank = (name: string) => {
		const known = KNOWN_NAMES.indexOf(name.toLowerCase());
		return known !== -1 ? known : name.toLowerCase().endsWith('.xml') ? KNOWN_NAMES.length : -1;
	};
	const chosen = specs
		.filter(({ name }) => rank(name) !== -1)
		.sort((a, b) => rank(a.name) - rank(b.name))[0];
	if (!chosen) return null;
	const { spec, name } = chosen;
	const files = spec.lookup(PDFName.of('EF'));
	const stream =
		files instanceof PDFDict
			? (files.lookup(PDFName.of('UF')) ?? files.lookup(PDFName.of('F')))
			: undefined;
	if (!(stream instanceof PDFRawStream)) {
		return { name, problem: 'missing' };
	}
	let bytes: Uint8Array;
	try {
		bytes = Uint8Array.from(decodePDFRawStream(stream).getBytes(maxBytes + 1));
	} catch {
		return { name, problem: 'damaged' };
	}
	if (bytes.length > maxBytes) {
		return { name, problem: 'too large' };
	}
	return { name, bytes };
}
