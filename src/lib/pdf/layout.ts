/**
 * Places an invoice on A4 pages: header blocks, a line table that flows onto more pages with
 * its header repeated, totals, notes and "Page n of m". Pure: text widths come from the
 * `measure` function the renderer passes in. Coordinates are PDF points, origin bottom-left.
 */
import type { PdfDocumentModel, PdfLine } from './document-model';
import { fill, type Labels } from './labels';

export const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const BOTTOM = PAGE.margin + 24; // leaves room for the footer
const CONTENT = PAGE.width - 2 * PAGE.margin;

export interface TextStyle {
	size: number;
	bold?: boolean;
}
export type Measure = (text: string, style: TextStyle) => number;
export type Rgb = [number, number, number];

export const INK: Rgb = [0.11, 0.14, 0.2];
export const MUTED: Rgb = [0.36, 0.39, 0.46];
const RULE: Rgb = [0.85, 0.87, 0.9];
const BAND: Rgb = [0.95, 0.96, 0.98];

export type DrawOp =
	| ({ kind: 'text'; text: string; x: number; y: number; color?: Rgb } & TextStyle)
	| { kind: 'rect'; x: number; y: number; width: number; height: number; color: Rgb }
	| { kind: 'logo'; x: number; y: number; width: number; height: number }
	/** A QR code of `payload` filling the square, its quiet zone included. */
	| { kind: 'qr'; payload: string; x: number; y: number; size: number }
	| { kind: 'stamp'; text: string; color: 'green' | 'red' };

export interface Column {
	key: keyof PdfLine;
	title: string;
	width: number;
	align: 'left' | 'right';
}

const NUMERIC: { key: keyof PdfLine; label: keyof Labels }[] = [
	{ key: 'quantity', label: 'quantity' },
	{ key: 'unitPrice', label: 'unitPrice' },
	{ key: 'tax', label: 'tax' },
	{ key: 'discount', label: 'discountShort' },
	{ key: 'amount', label: 'amount' }
];
const TABLE = { size: 9, leading: 12, pad: 4 };
const HEADER: TextStyle = { size: 8, bold: true };
const CELL: TextStyle = { size: TABLE.size };
/** Space between a number and the column before it. */
const GAP = 18;
const MIN_DESCRIPTION = 150;
/** About 30 mm: a version 10 code (the longest names) keeps modules over 0.5 mm. */
const QR_SIZE = 84;

/**
 * Each numeric column as wide as its widest text plus one even gap, so every number sits
 * right under its right-aligned header at the same distance from its neighbour (fixed widths
 * left a narrow "Disc." far from a wide "Amount", reading as if it hung left); the
 * description takes the rest. Numbers too long for any layout squeeze the columns evenly.
 */
export function tableColumns(
	lines: readonly PdfLine[],
	labels: Labels,
	measure: Measure
): Column[] {
	const numeric = NUMERIC.map(({ key, label }) => ({
		key,
		title: labels[label],
		align: 'right' as const
	}));
	const widths = numeric.map(({ key, title }) => {
		let widest = measure(title, HEADER);
		for (const line of lines) widest = Math.max(widest, measure(line[key], CELL));
		return widest + TABLE.pad + GAP;
	});
	const total = widths.reduce((a, b) => a + b, 0);
	const scale = Math.min(1, (CONTENT - MIN_DESCRIPTION) / total);
	return [
		{
			key: 'description',
			title: labels.description,
			align: 'left',
			width: CONTENT - total * scale
		},
		...numeric.map((column, i) => ({ ...column, width: widths[i]! * scale }))
	];
}

/** Breaks text into lines no wider than `width`; words longer than a line are split. */
export function wrap(text: string, width: number, style: TextStyle, measure: Measure): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split(/\r?\n/)) {
		let line = '';
		for (const word of paragraph.split(/ +/)) {
			const candidate = line ? `${line} ${word}` : word;
			if (measure(candidate, style) <= width) {
				line = candidate;
				continue;
			}
			if (line) lines.push(line);
			line = '';
			for (const char of word) {
				if (line && measure(line + char, style) > width) {
					lines.push(line);
					line = '';
				}
				line += char;
			}
		}
		lines.push(line);
	}
	return lines;
}

/** `onLine` hears how many line items are placed, for progress on long invoices. */
export function layoutInvoice(
	model: PdfDocumentModel,
	measure: Measure,
	logo: { width: number; height: number } | null,
	onLine: (done: number) => void = () => {}
): DrawOp[][] {
	const pages: DrawOp[][] = [];
	let ops: DrawOp[] = [];
	let y = PAGE.height - PAGE.margin;

	const text = (value: string, x: number, style: TextStyle, color: Rgb = INK) =>
		ops.push({ kind: 'text', text: value, x, y, ...style, color });
	const right = (value: string, edge: number, style: TextStyle, color?: Rgb) =>
		text(value, edge - measure(value, style), style, color);
	const newPage = () => {
		ops = [];
		pages.push(ops);
		y = PAGE.height - PAGE.margin;
	};
	/** Starts a new page when the next `height` points do not fit; true if it did. */
	const ensure = (height: number) => {
		if (y - height >= BOTTOM) return false;
		newPage();
		const continued = fill(model.labels.continued, { title: model.title, number: model.number });
		text(continued, PAGE.margin, { size: 9 }, MUTED);
		y -= 20;
		return true;
	};

	newPage();
	if (model.stamp) ops.push({ kind: 'stamp', ...model.stamp });

	// Seller on the left (under the logo), title and facts on the right.
	const top = y;
	if (logo) {
		const scale = Math.min(1, 140 / logo.width, 56 / logo.height);
		const [w, h] = [logo.width * scale, logo.height * scale];
		ops.push({ kind: 'logo', x: PAGE.margin, y: y - h, width: w, height: h });
		y -= h + 10;
	}
	const half = CONTENT / 2 - 12;
	y -= 12;
	for (const line of wrap(model.seller.name, half, { size: 12, bold: true }, measure)) {
		text(line, PAGE.margin, { size: 12, bold: true });
		y -= 15;
	}
	for (const line of model.seller.lines.flatMap((l) => wrap(l, half, { size: 9 }, measure))) {
		text(line, PAGE.margin, { size: 9 }, MUTED);
		y -= 12;
	}
	const leftBottom = y;

	y = top - 20;
	const edge = PAGE.width - PAGE.margin;
	right(model.title.toUpperCase(), edge, { size: 20, bold: true });
	y -= 22;
	for (const [label, value] of model.facts) {
		const valueWidth = measure(value, { size: 9, bold: true });
		right(value, edge, { size: 9, bold: true });
		right(label, edge - valueWidth - 10, { size: 9 }, MUTED);
		y -= 13;
	}
	y = Math.min(y, leftBottom) - 14;

	text(model.labels.billTo.toUpperCase(), PAGE.margin, { size: 8, bold: true }, MUTED);
	y -= 14;
	for (const line of wrap(model.buyer.name, CONTENT, { size: 11, bold: true }, measure)) {
		text(line, PAGE.margin, { size: 11, bold: true });
		y -= 14;
	}
	for (const line of model.buyer.lines.flatMap((l) => wrap(l, half, { size: 9 }, measure))) {
		text(line, PAGE.margin, { size: 9 }, MUTED);
		y -= 12;
	}
	y -= 14;

	const columns = tableColumns(model.lines, model.labels, measure);
	const tableHeader = () => {
		ops.push({ kind: 'rect', x: PAGE.margin, y: y - 6, width: CONTENT, height: 18, color: BAND });
		let x = PAGE.margin;
		for (const column of columns) {
			if (column.align === 'left') text(column.title, x + TABLE.pad, HEADER, MUTED);
			else right(column.title, x + column.width - TABLE.pad, HEADER, MUTED);
			x += column.width;
		}
		y -= 22;
	};
	ensure(60);
	tableHeader();
	const description = columns[0]!;
	for (const [index, line] of model.lines.entries()) {
		const wrapped = wrap(
			line.description || '—',
			description.width - 2 * TABLE.pad,
			{ size: TABLE.size },
			measure
		);
		const rowHeight = wrapped.length * TABLE.leading + 6;
		if (ensure(rowHeight)) tableHeader();
		const rowTop = y;
		let x = PAGE.margin;
		for (const column of columns) {
			if (column.key === 'description') {
				wrapped.forEach((part, i) => {
					y = rowTop - i * TABLE.leading;
					text(part, x + TABLE.pad, { size: TABLE.size });
				});
				y = rowTop;
			} else {
				right(line[column.key], x + column.width - TABLE.pad, { size: TABLE.size });
			}
			x += column.width;
		}
		y = rowTop - rowHeight;
		ops.push({ kind: 'rect', x: PAGE.margin, y: y + 8, width: CONTENT, height: 0.6, color: RULE });
		onLine(index + 1);
	}

	y -= 8;
	const qrHeight = model.giroCode ? QR_SIZE + 14 : 0;
	ensure(Math.max(model.totals.length * 16 + 10, qrHeight));
	const totalsTop = y;
	const labelEdge = edge - 110;
	for (const row of model.totals) {
		const style = { size: row.strong ? 11 : 9.5, bold: row.strong };
		right(row.label, labelEdge, style, row.strong ? INK : MUTED);
		right(row.value, edge, style);
		y -= row.strong ? 18 : 14;
	}
	if (model.giroCode) {
		// Level with the first row of totals, which leave the left half of the page free.
		const { payload, caption } = model.giroCode;
		const top = totalsTop + 8;
		ops.push({ kind: 'qr', payload, x: PAGE.margin, y: top - QR_SIZE, size: QR_SIZE });
		const style = { size: 7.5 };
		const captionY = top - QR_SIZE - 8;
		const captionX = PAGE.margin + (QR_SIZE - measure(caption, style)) / 2;
		ops.push({
			kind: 'text',
			text: caption,
			x: Math.max(PAGE.margin, captionX),
			y: captionY,
			...style,
			color: MUTED
		});
		y = Math.min(y, captionY - 10);
	}

	const block = (heading: string, body: string) => {
		y -= 10;
		const lines = wrap(body, CONTENT, { size: 9 }, measure);
		ensure(30);
		text(heading.toUpperCase(), PAGE.margin, { size: 8, bold: true }, MUTED);
		y -= 14;
		for (const line of lines) {
			ensure(12);
			text(line, PAGE.margin, { size: 9 });
			y -= 12;
		}
	};
	if (model.payment.length > 0) block(model.labels.paymentDetails, model.payment.join('\n'));
	if (model.notes.trim()) block(model.labels.notes, model.notes);

	pages.forEach((page, i) => {
		const footer = `${model.number} · ${fill(model.labels.page, { n: i + 1, m: pages.length })}`;
		const style = { size: 8 };
		page.push({
			kind: 'text',
			text: footer,
			x: (PAGE.width - measure(footer, style)) / 2,
			y: PAGE.margin - 20,
			...style,
			color: MUTED
		});
	});
	return pages;
}
