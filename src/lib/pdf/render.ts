/**
 * Draws the laid-out invoice with pdf-lib. Text is set in Noto Sans; characters it lacks
 * (Japanese, Chinese) fall back to Noto Sans JP, loaded only when the invoice needs it.
 * Fonts are subset first, so a PDF carries only the glyphs it prints.
 */
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { readLogo } from '../invoice/logo';
import { allText, type PdfDocumentModel } from './document-model';
import { embedSubsetFont, readFont } from './embed-font';
import { layoutInvoice, type DrawOp, type Measure, type TextStyle } from './layout';
import { missingGlyphsWarning } from './missing-glyphs';
import { drawQr } from './qr';

/** Characters every invoice PDF may print besides its own text (footers, marks). */
const ALWAYS = Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i).concat(
	[...'·—–−…€£¥'].map((c) => c.codePointAt(0)!)
);

export type FontFace = 'regular' | 'bold' | 'fallbackRegular' | 'fallbackBold';

/** Where font files come from: the app's own assets in the browser, files in tests. */
export type FontSource = (face: FontFace) => Promise<Uint8Array>;

/** How far the work is, from 0 to 1. */
export type Progress = (fraction: number) => void;

export interface RenderedPdf {
	bytes: Uint8Array;
	pages: number;
	/** Things the PDF could not show as asked (a bad logo, characters no font has). */
	warnings: string[];
}

interface Faces {
	regular: FontWithCoverage;
	bold: FontWithCoverage;
}
interface FontWithCoverage {
	font: PDFFont;
	has: (codePoint: number) => boolean;
}

/**
 * Progress: fonts to 10 %, laying out the lines to 60 %, drawing the pages to 90 %; saving
 * (compressing) is the rest. Layout and drawing take most of the time on long invoices.
 */
export async function renderInvoicePdf(
	model: PdfDocumentModel,
	fonts: FontSource,
	onProgress: Progress = () => {}
): Promise<RenderedPdf> {
	const warnings: string[] = [];
	// Dated by the invoice, not the clock: the same invoice makes the same bytes.
	const doc = await PDFDocument.create({ updateMetadata: false });
	doc.setCreationDate(new Date(model.date));
	doc.setModificationDate(new Date(model.date));
	doc.setTitle(`${model.title} ${model.number}`);
	doc.setProducer('InvoiceLab');
	doc.setCreator('InvoiceLab');

	const printed = new Set([
		...ALWAYS,
		...Array.from(allText(model), (c) => c.codePointAt(0)!).filter((cp) => cp >= 0x20)
	]);
	const embed = async (face: FontFace, codePoints: Set<number>): Promise<FontWithCoverage> => {
		const font = readFont(await fonts(face));
		return {
			font: await embedSubsetFont(doc, font, codePoints),
			has: (codePoint) => font.glyphId(codePoint) !== 0
		};
	};
	const primary: Faces = {
		regular: await embed('regular', printed),
		bold: await embed('bold', printed)
	};
	const missing = new Set([...printed].filter((cp) => !primary.regular.has(cp)));
	const fallback: Faces | null =
		missing.size > 0
			? {
					regular: await embed('fallbackRegular', missing),
					bold: await embed('fallbackBold', missing)
				}
			: null;
	// Which font prints each character is decided once here, not on every measurement.
	const fromFallback = new Set([...missing].filter((cp) => fallback?.regular.has(cp)));
	const noGlyph = new Set(
		[...missing].filter((cp) => !fromFallback.has(cp) && String.fromCodePoint(cp).trim() !== '')
	);
	onProgress(0.1);

	const runsOf = (text: string, style: TextStyle) => {
		const pick = (char: string) => {
			const face = fallback && fromFallback.has(char.codePointAt(0)!) ? fallback : primary;
			return style.bold ? face.bold.font : face.regular.font;
		};
		const runs: { font: PDFFont; text: string }[] = [];
		for (const char of text) {
			const font = pick(char);
			const last = runs.at(-1);
			if (last?.font === font) last.text += char;
			else runs.push({ font, text: char });
		}
		return runs;
	};
	const measure: Measure = (text, style) =>
		runsOf(text, style).reduce(
			(sum, run) => sum + run.font.widthOfTextAtSize(run.text, style.size),
			0
		);

	const logo = await embedLogo(doc, model.logo, warnings);
	const lineCount = Math.max(1, model.lines.length);
	const pages = layoutInvoice(model, measure, logo ? logo.scale(1) : null, (done) =>
		onProgress(0.1 + (0.5 * done) / lineCount)
	);
	for (const [i, ops] of pages.entries()) {
		const page = doc.addPage([595.28, 841.89]);
		for (const op of ops) draw(page, op, runsOf, logo);
		onProgress(0.6 + (0.3 * (i + 1)) / pages.length);
	}
	const bytes = await doc.save({ useObjectStreams: true });
	const glyphs = missingGlyphsWarning(noGlyph);
	return { bytes, pages: pages.length, warnings: glyphs ? [...warnings, glyphs] : warnings };
}

function draw(
	page: PDFPage,
	op: DrawOp,
	runsOf: (text: string, style: TextStyle) => { font: PDFFont; text: string }[],
	logo: PDFImage | null
): void {
	if (op.kind === 'text') {
		let x = op.x;
		const color = op.color ? rgb(...op.color) : undefined;
		for (const run of runsOf(op.text, op)) {
			page.drawText(run.text, { x, y: op.y, size: op.size, font: run.font, color });
			x += run.font.widthOfTextAtSize(run.text, op.size);
		}
	} else if (op.kind === 'rect') {
		page.drawRectangle({ ...op, color: rgb(...op.color) });
	} else if (op.kind === 'qr') {
		drawQr(page, op);
	} else if (op.kind === 'logo' && logo) {
		page.drawImage(logo, op);
	} else if (op.kind === 'stamp') {
		// Level, not diagonal: text extraction and screen readers skip diagonal text.
		const color = op.color === 'green' ? rgb(0.02, 0.46, 0.28) : rgb(0.71, 0.14, 0.09);
		const [run] = runsOf(op.text, { size: 120, bold: true });
		const font = run!.font;
		const width = font.widthOfTextAtSize(op.text, 120);
		page.drawText(op.text, {
			x: (page.getWidth() - width) / 2,
			y: page.getHeight() / 2 - 40,
			size: 120,
			font,
			color,
			opacity: 0.12
		});
	}
}

const MAX_LOGO_BYTES = 1_000_000;

/** The business logo, or null with a warning when it cannot be used. */
async function embedLogo(
	doc: PDFDocument,
	dataUrl: string,
	warnings: string[]
): Promise<PDFImage | null> {
	if (!dataUrl) return null;
	// Imported and synced logos were never checked by Settings: the size is read first.
	const logo = readLogo(dataUrl);
	if (!logo.ok) {
		warnings.push(`${logo.problem}, so it was left out.`);
		return null;
	}
	if (logo.bytes.length > MAX_LOGO_BYTES) {
		warnings.push('The logo is too large for a PDF, so it was left out.');
		return null;
	}
	try {
		return logo.type === 'png' ? await doc.embedPng(logo.bytes) : await doc.embedJpg(logo.bytes);
	} catch {
		warnings.push('The logo could not be read as an image, so it was left out.');
		return null;
	}
}
