/**
 * The little of XML the e-invoice reader needs: a DOM element as both the browser's DOMParser
 * and @xmldom/xmldom (tests) give it, a parser passed in (platform/dom-xml.ts in the app), the
 * checks made before any parser sees the text, and namespace-aware paths.
 */
import { megabytes } from '../ai/capture';

/** The part of a W3C DOM Element the reader uses. */
export interface XmlElement {
	readonly localName: string;
	readonly namespaceURI: string | null;
	readonly childNodes: ArrayLike<XmlElement | { readonly nodeType: number }>;
	readonly nodeType: number;
	readonly textContent: string | null;
	getAttribute(name: string): string | null;
}

/** The document's root element, or null when the text is not well-formed XML. */
export type ParseXml = (text: string) => XmlElement | null;

const MB = 1024 * 1024;
/** Far beyond an e-invoice (with attached documents, a few MB), and cheap to parse. */
export const MAX_XML_BYTES = 10 * MB;
/** CII and UBL invoices nest about ten deep; a hundred leaves room for any extension. */
export const MAX_DEPTH = 100;

/**
 * Why the text is not handed to a parser, or null. A DOCTYPE could declare entities that
 * expand a few bytes into gigabytes (e-invoices never have one); deep nesting could exhaust a
 * parser's stack. The depth is counted by a scan that skips comments, CDATA, processing
 * instructions and quoted attribute values, so no `<` or `>` in them is miscounted.
 */
export function unsafeXml(text: string): string | null {
	// UTF-16 units, at most the bytes of the UTF-8 file, so a file within the limit passes.
	const size = text.length;
	if (size > MAX_XML_BYTES) {
		return `It is ${megabytes(size)}; e-invoices are read up to ${megabytes(MAX_XML_BYTES)}.`;
	}
	if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
		return 'It has a DOCTYPE, which e-invoices never have and which could declare entities that expand without end; it is not read.';
	}
	let depth = 0;
	for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
		const next = text[at + 1];
		if (text.startsWith('<!--', at)) at = skipPast(text, at, '-->');
		else if (text.startsWith('<![CDATA[', at)) at = skipPast(text, at, ']]>');
		else if (next === '?' || next === '!') at = skipPast(text, at, '>');
		else if (next === '/') depth--;
		else {
			at = tagEnd(text, at);
			if (at === -1) return null; // the parser will say it is not well-formed
			if (text[at - 1] !== '/' && ++depth > MAX_DEPTH) {
				return `Its elements are nested more than ${MAX_DEPTH} deep, which no e-invoice is; it is not read.`;
			}
		}
		if (at === -1) return null;
	}
	return null;
}

function skipPast(text: string, at: number, end: string): number {
	const found = text.indexOf(end, at);
	return found === -1 ? -1 : found + end.length - 1;
}

/** The `>` that ends the tag starting at `at`, past any quoted attribute value. */
function tagEnd(text: string, at: number): number {
	let quote = '';
	for (let i = at + 1; i < text.length; i++) {
		const c = text[i];
		if (quote) {
			if (c === quote) quote = '';
		} else if (c === '"' || c === "'") quote = c;
		else if (c === '>') return i;
	}
	return -1;
}

export const NS = {
	rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
	ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
	udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
	ublInvoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
	ublCreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
	cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
	cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2'
} as const;

type Prefix = keyof typeof NS;

/** The child elements named `prefix:name` (any prefix the document chose for that namespace). */
export function childrenNamed(parent: XmlElement, qualified: string): XmlElement[] {
	const [prefix, name] = qualified.split(':') as [Prefix, string];
	const namespace = NS[prefix];
	const found: XmlElement[] = [];
	for (const node of Array.from(parent.childNodes)) {
		const element = node as XmlElement;
		if (node.nodeType === 1 && element.localName === name && element.namespaceURI === namespace) {
			found.push(element);
		}
	}
	return found;
}

/** Every element at a path of qualified names ("ram:A/ram:B"), in document order. */
export function all(parent: XmlElement | undefined, path: string): XmlElement[] {
	if (!parent) return [];
	return path
		.split('/')
		.reduce<XmlElement[]>(
			(level, step) => level.flatMap((el) => childrenNamed(el, step)),
			[parent]
		);
}

export const first = (parent: XmlElement | undefined, path: string): XmlElement | undefined =>
	all(parent, path)[0];

/** The trimmed text at a path, or undefined when absent or empty. */
export function text(parent: XmlElement | undefined, path: string): string | undefined {
	const value = first(parent, path)?.textContent?.trim();
	return value ? value : undefined;
}

/** The trimmed texts at a path, empty ones left out. */
export const texts = (parent: XmlElement | undefined, path: string): string[] =>
	all(parent, path).flatMap((el) => el.textContent?.trim() || []);
