import { describe, expect, it } from 'vitest';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../testing/factories';
import { formatsFor } from '../invoice/formats';
import { documentModel } from './document-model';

const US = formatsFor('en-US', 'en-US');
import { layoutInvoice, PAGE, wrap, type Measure } from './layout';

/** Every character 5 points wide at size 10: easy to reason about. */
const measure: Measure = (text, style) => text.length * style.size * 0.5;

describe('wrap', () => {
	it('breaks at spaces, keeps explicit line breaks, and splits words longer than a line', () => {
		expect(wrap('aaa bbb ccc', 40, { size: 10 }, measure)).toEqual(['aaa bbb', 'ccc']);
		expect(wrap('one\ntwo', 100, { size: 10 }, measure)).toEqual(['one', 'two']);
		expect(wrap('abcdefghijkl', 20, { size: 10 }, measure)).toEqual(['abcd', 'efgh', 'ijkl']);
		expect(wrap('', 20, { size: 10 }, measure)).toEqual(['']);
	});
});

describe('layoutInvoice', () => {
	const texts = (page: ReturnType<typeof layoutInvoice>[number]) =>
		page.flatMap((op) => (op.kind === 'text' ? [op.text] : []));

	it('keeps every text inside the page margins', () => {
		const model = documentModel(
			makeInvoice({ lines: Array.from({ length: 80 }, (_, i) => makeLine({ id: `l${i}` })) }),
			makeProfile(),
			makeClient(),
			US
		);
		for (const page of layoutInvoice(model, measure, null)) {
			for (const op of page) {
				if (op.kind !== 'text') continue;
				expect(op.x).toBeGreaterThanOrEqual(PAGE.margin - 0.01);
				expect(op.x + measure(op.text, op)).toBeLessThanOrEqual(PAGE.width - PAGE.margin + 0.01);
				expect(op.y).toBeGreaterThan(0);
			}
		}
	});

	it('numbers pages and repeats the table header on each', () => {
		const model = documentModel(
			makeInvoice({ lines: Array.from({ length: 120 }, (_, i) => makeLine({ id: `l${i}` })) }),
			makeProfile(),
			makeClient(),
			US
		);
		const pages = layoutInvoice(model, measure, null);
		expect(pages.length).toBeGreaterThan(2);
		pages.forEach((page, i) => {
			expect(texts(page)).toContain('Description');
			expect(texts(page).at(-1)).toBe(`INV-2026-0001 · Page ${i + 1} of ${pages.length}`);
		});
	});

	it('right-aligns every number under its header, with the same gap before each column', () => {
		const model = documentModel(
			makeInvoice({
				lines: [
					makeLine({ id: 'a', quantity: 2, unitPrice: 50000, taxRate: 20, discountPercent: 10 }),
					makeLine({ id: 'b', quantity: 12.5, unitPrice: 1234567, taxRate: 7 })
				]
			}),
			makeProfile(),
			makeClient(),
			US
		);
		const [page] = layoutInvoice(model, measure, null);
		const ops = page!.flatMap((op) => (op.kind === 'text' ? [op] : []));
		const right = (op: (typeof ops)[number]) => op.x + measure(op.text, op);
		const headers = ['Description', 'Qty', 'Unit price', 'Tax', 'Disc.', 'Amount'].map((title) =>
			ops.find((op) => op.text === title)!
		);
		const keys = ['quantity', 'unitPrice', 'tax', 'discount', 'amount'] as const;
		const gaps = keys.map((key, i) => {
			const header = headers[i + 1]!;
			const cells = model.lines
				.map((line) => ops.find((op) => op.text === line[key] && op.y < header.y)!)
				.filter((op) => op.text !== '');
			for (const cell of cells) expect(right(cell)).toBeCloseTo(right(header));
			// The gap between the widest text of this column and the right edge of the one before.
			const left = Math.min(header.x, ...cells.map((c) => c.x));
			return i === 0 ? null : left - right(headers[i]!);
		});
		const [first, ...rest] = gaps.filter((gap) => gap !== null);
		for (const gap of rest) expect(gap).toBeCloseTo(first!);
	});

	it('says the payment terms in days, one day in the singular', () => {
		const terms = (dueDate: string) =>
			documentModel(
				makeInvoice({ issueDate: '2026-01-10', dueDate }),
				makeProfile(),
				makeClient(),
				US
			).facts.find(([label]) => label === 'Terms')?.[1];
		expect(terms('2026-01-11')).toBe('Net 1 day');
		expect(terms('2026-02-09')).toBe('Net 30 days');
		expect(terms('2026-01-10')).toBe('Due on receipt');
	});

	it('shows payments and the balance only when something was paid', () => {
		const unpaid = documentModel(makeInvoice(), makeProfile(), makeClient(), US);
		expect(unpaid.totals.map((t) => t.label)).toEqual(['Subtotal', 'Tax 0% on $100.00', 'Total']);
		const partly = documentModel(
			makeInvoice({
				status: 'sent',
				payments: [{ id: 'p', date: '2026-01-20', amount: 4000, note: '' }]
			}),
			makeProfile(),
			makeClient(),
			formatsFor('de-DE', 'en-US')
		);
		expect(partly.totals.slice(-2)).toEqual([
			{ label: 'Paid', value: '−40,00\u00a0$' },
			{ label: 'Balance due', value: '60,00\u00a0$', strong: true }
		]);
		expect(partly.stamp).toBeNull();
	});

	it('prints what was paid beyond the total as credit, never a negative balance', () => {
		const overpaid = documentModel(
			makeInvoice({
				status: 'sent',
				payments: [{ id: 'p', date: '2026-01-20', amount: 12000, note: '' }]
			}),
			makeProfile(),
			makeClient(),
			US
		);
		expect(overpaid.totals.slice(-2)).toEqual([
			{ label: 'Paid', value: '−$120.00' },
			{ label: 'Credit', value: '$20.00', strong: true }
		]);
		expect(overpaid.stamp).toEqual({ text: 'PAID', color: 'green' });
	});

	it('puts the EPC QR code left of the totals, with its caption, on the page with them', () => {
		const giroCode = { payload: 'BCD', caption: 'Scan to pay' };
		// However many lines come before: the code never runs into the footer.
		for (let count = 1; count < 80; count++) {
			const lines = Array.from({ length: count }, (_, i) => makeLine({ id: `l${i}` }));
			const model = {
				...documentModel(makeInvoice({ lines }), makeProfile(), makeClient(), US),
				giroCode
			};
			expectQrBesideTotals(layoutInvoice(model, measure, null));
		}
		const model = documentModel(makeInvoice(), makeProfile(), makeClient(), US);
		expect(model.giroCode).toBeNull();
		expect(
			layoutInvoice(model, measure, null)
				.flat()
				.some((op) => op.kind === 'qr')
		).toBe(false);
	});

	function expectQrBesideTotals(pages: ReturnType<typeof layoutInvoice>) {
		const page = pages.find((ops) => ops.some((op) => op.kind === 'qr'))!;
		const qr = page.find((op) => op.kind === 'qr')!;
		const total = page.find((op) => op.kind === 'text' && op.text === 'Subtotal')!;
		const caption = page.find((op) => op.kind === 'text' && op.text === 'Scan to pay')!;
		expect(qr).toMatchObject({ payload: 'BCD', x: PAGE.margin });
		if (qr.kind !== 'qr' || total.kind !== 'text' || caption.kind !== 'text') throw new Error();
		expect(qr.size).toBeGreaterThanOrEqual(80);
		// Its top at the first row of totals; the caption under it; all above the footer.
		expect(Math.abs(qr.y + qr.size - (total.y + total.size))).toBeLessThan(total.size);
		expect(caption.y).toBeLessThan(qr.y);
		expect(caption.y).toBeGreaterThan(PAGE.margin + 20);
		const totalsLeft = Math.min(
			...page.flatMap((op) => (op.kind === 'text' && op.y >= qr.y && op.y <= total.y ? [op.x] : []))
		);
		expect(qr.x + qr.size).toBeLessThan(totalsLeft);
		expect(pages.flat().filter((op) => op.kind === 'qr')).toHaveLength(1);
	}
});
