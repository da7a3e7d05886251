/**
 * The XML parser e-invoice tests read with: @xmldom/xmldom, a W3C DOMParser for Node, so the
 * reader walks the same DOM interface it walks in the browser (platform/dom-xml.ts).
 */
import { DOMParser } from '@xmldom/xmldom';
import type { ParseXml, XmlElement } from '../einvoice/read-xml';

export const parseXmlInNode: ParseXml = (text) => {
	const parser = new DOMParser({
		onError: (level, message) => {
			if (level !== 'warning') throw new Error(message);
		}
	});
	try {
		const root = parser.parseFromString(text, 'application/xml').documentElement;
		return root ? (root as unknown as XmlElement) : null;
	} catch {
		return null;
	}
};
