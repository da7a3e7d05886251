/**
 * Draws a QR code as filled squares in the page's content (vector, sharp at any zoom and
 * printable), one rectangle per run of dark modules in a row. Error correction M, as the EPC
 * QR code requires; the text is one byte-mode segment in UTF-8, with the standard's quiet
 * zone of four modules inside the square.
 */
import { create } from 'qrcode';
import {
	fill,
	popGraphicsState,
	pushGraphicsState,
	rectangle,
	setFillingRgbColor,
	type PDFPage
} from 'pdf-lib';

const QUIET = 4;

export function drawQr(
	page: PDFPage,
	{ payload, x, y, size }: { payload: string; x: number; y: number; size: number }
): void {
	const { modules } = create([{ data: new TextEncoder().encode(payload), mode: 'byte' }], {
		errorCorrectionLevel: 'M'
	});
	const count = modules.size;
	const unit = size / (count + 2 * QUIET);
	const top = y + size - QUIET * unit;
	const squares = [];
	for (let row = 0; row < count; row++) {
		for (let col = 0; col < count; col++) {
			if (!modules.get(row, col)) continue;
			const start = col;
			while (col + 1 < count && modules.get(row, col + 1)) col++;
			const left = x + (QUIET + start) * unit;
			squares.push(rectangle(left, top - (row + 1) * unit, (col - start + 1) * unit, unit));
		}
	}
	page.pushOperators(
		pushGraphicsState(),
		setFillingRgbColor(0, 0, 0),
		...squares,
		fill(),
		popGraphicsState()
	);
}
