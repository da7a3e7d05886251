/**
 * How much text an invoice PDF may hold. Making a PDF costs time in proportion to the text
 * it lays out (every word is measured as lines are filled) and to the rows it prints, so an
 * invoice past these limits is refused before any work starts. Why these numbers:
 * docs/pdf.md. Pure.
 */
import { modelTexts, type PdfDocumentModel } from './document-model';

export const PDF_LIMITS = {
	/** About 75 pages of line items, a few seconds in a browser. */
	characters: 150_000,
	/** Each starts a printed row; a page holds about 60. */
	lineBreaks: 5_000
};

const grouped = new Intl.NumberFormat('en-US');
const ADVICE = 'Shorten the descriptions or notes, or split the invoice.';

/** Why this document is too large for a PDF, or null if it is not. */
export function pdfLimitProblem(model: PdfDocumentModel): string | null {
	let characters = 0;
	let lineBreaks = 0;
	for (const text of modelTexts(model)) {
		// Characters, not UTF-16 units: an emoji costs one measurement, not two.
		for (const char of text) {
			characters++;
			if (char === '\n') lineBreaks++;
		}
	}
	const over = (count: number, limit: number, what: string) =>
		`This invoice has ${grouped.format(count)} ${what}; a PDF can hold at most ${grouped.format(limit)}. ${ADVICE}`;
	if (characters > PDF_LIMITS.characters) {
		return over(characters, PDF_LIMITS.characters, 'characters of text');
	}
	if (lineBreaks > PDF_LIMITS.lineBreaks) {
		return over(lineBreaks, PDF_LIMITS.lineBreaks, 'line breaks in its text');
	}
	return null;
}
