/** The browser's own XML parser for the e-invoice reader (einvoice/read-xml.ts): no code to load. */
import type { ParseXml } from '../einvoice/read-xml';

export const parseXmlInBrowser: ParseXml = (text) => {
	const doc = new DOMParser().parseFromString(text, 'application/xml');
	// A browser does not throw on malformed XML: it returns a document with a <parsererror>.
	if (doc.getElementsByTagName('parsererror').length > 0) return null;
	return doc.documentElement;
};
