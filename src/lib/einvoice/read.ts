/**
 * Reads an incoming e-invoice's XML (UN/CEFACT CII as in Factur-X, ZUGFeRD 2 and XRechnung
 * CII; UBL 2.1 Invoice or CreditNote as in Peppol BIS 3 and XRechnung UBL) into the editor's
 * fields, without AI and without a network. Pure: the XML parser is passed in (the browser's
 * DOMParser in the app, platform/dom-xml.ts), and only sees text that passed unsafeXml.
 */
import type { CapturedFields } from '../ai/capture';
import { printable } from '../invoice/quote';
import { readCii } from './read-cii';
import { fillFromDocument } from './fill';
import { readUbl } from './read-ubl';
import { NS, unsafeXml, type ParseXml } from './read-xml';

export type EInvoiceProblem = 'not-einvoice' | 'unsupported' | 'malformed' | 'refused';

export type EInvoiceReading =
	| {
			ok: true;
			fields: CapturedFields;
			/** What was not filled as the document has it, in words. */
			skipped: string[];
			/** "a UBL invoice from Company A to Company B". */
			what: string;
	  }
	| { ok: false; problem: EInvoiceProblem; message: string };

/** Syntaxes an e-invoice may come in that this reader does not take, by root namespace. */
const UNSUPPORTED: Record<string, string> = {
	'urn:ferd:CrossIndustryDocument:invoice:1p0':
		'It is a ZUGFeRD 1 invoice, whose syntax (from 2014) is not read here; ask for ZUGFeRD 2, Factur-X or XRechnung.',
	'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:2':
		'It is a Cross Industry Invoice of an older draft (namespace version 2), which is not read here; ask for ZUGFeRD 2, Factur-X or XRechnung.'
};

export function readEInvoice(xml: string, parse: ParseXml): EInvoiceReading {
	const unsafe = unsafeXml(xml);
	if (unsafe) return { ok: false, problem: 'refused', message: unsafe };
	const root = parse(xml);
	if (!root) {
		return { ok: false, problem: 'malformed', message: 'It is not well-formed XML.' };
	}
	const namespace = root.namespaceURI ?? '';
	let doc;
	if (root.localName === 'CrossIndustryInvoice' && namespace === NS.rsm) doc = readCii(root);
	else if (root.localName === 'Invoice' && namespace === NS.ublInvoice) doc = readUbl(root, false);
	else if (root.localName === 'CreditNote' && namespace === NS.ublCreditNote) {
		doc = readUbl(root, true);
	} else if (UNSUPPORTED[namespace]) {
		return { ok: false, problem: 'unsupported', message: UNSUPPORTED[namespace] };
	} else {
		return {
			ok: false,
			problem: 'not-einvoice',
			message: `It is XML, but not an e-invoice: its root element is <${printable(root.localName, 40)}>.`
		};
	}
	const filled = fillFromDocument(doc);
	if (!filled.ok) return { ok: false, problem: 'malformed', message: filled.message };
	const name = (party: string | undefined, fallback: string) =>
		party ? printable(party, 60) : fallback;
	const kind = doc.creditNote ? 'credit note' : 'invoice';
	return {
		...filled,
		what: `a ${doc.syntax} ${kind} from ${name(doc.seller, 'an unnamed seller')} to ${name(doc.buyer, 'an unnamed buyer')}`
	};
}
