import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it, vi } from 'vitest';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../testing/factories';
import { imageDataUrl, pngHeader } from '../testing/images';
import { nodeFonts } from '../testing/node-fonts';
import { formatsFor } from '../invoice/formats';
import { documentModel } from './document-model';
import { renderInvoicePdf } from './render';

/** A 40×20 red PNG. */
const LOGO =
	'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACgAAAAUCAIAAABwJOjsAAAAJElEQVR4nGM4YWMzIIhh1OJRi0ctHrV41OJRi0ctHrV45FgMAGQL6C7l1KfNAAAAAElFTkSuQmCC';
const dir = mkdtempSync(join(tmpdir(), 'invoicelab-pdf-'));
let count = 0;

/** Renders, writes the file, and reads it back with poppler as any PDF reader would. */
async function render(invoice = makeInvoice(), profile = makeProfile(), client = makeClient()) {
	const pdf = await renderInvoicePdf(
		documentModel(invoice, profile, client, formatsFor(profile.locale, 'en-US')),
		nodeFonts
	);
	const file = join(dir, `invoice-${++count}.pdf`);
	writeFileSync(file, pdf.bytes);
	const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
	const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
	return { pdf, text, pages, images: images.trim().split('\n').length - 2, file };
}

/** What a phone's camera would read: the first page at 150 dpi, decoded as a QR code. */
function scanQr(file: string): string | null {
	execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', file, file]);
	const png = PNG.sync.read(readFileSync(`${file}.png`));
	return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('invoice PDF', () => {
	it('prints any name: Latin extended, Greek, Japanese', async () => {
		const { text, pdf } = await render(
			makeInvoice({
				clientName: 'Łódź Müller 東京 Ñandú',
				lines: [makeLine({ description: 'Σύμβουλος — コンサルティング', unitPrice: 123456 })]
			}),
			makeProfile({ name: 'Café Żółw', address: 'Straße 5\n10115 Berlin' })
		);
		for (const expected of [
			'Łódź Müller 東京 Ñandú',
			'Café Żółw',
			'Straße 5',
			'Σύμβουλος',
			'コンサルティング'
		]) {
			expect(text).toContain(expected);
		}
		expect(pdf.warnings).toEqual([]);
	});

	it('shows the number, dates, lines and totals with currency formatting', async () => {
		const { text } = await render(
			makeInvoice({
				number: 'INV-2026-0042',
				currency: 'EUR',
				lines: [
					makeLine({ id: 'a', description: 'Design', quantity: 2, unitPrice: 50000, taxRate: 20 }),
					makeLine({ id: 'b', description: 'Hosting', quantity: 1, unitPrice: 1999, taxRate: 0 })
				]
			})
		);
		expect(text).toContain('INV-2026-0042');
		expect(text).toContain('01/10/2026');
		expect(text).toMatch(/Subtotal\s+€1,019\.99/);
		expect(text).toMatch(/Tax 20% on €1,000\.00\s+€200\.00/);
		expect(text).toMatch(/Total\s+€1,219\.99/);
	});

	it('writes dates and money in the number and date format of the business', async () => {
		const { text } = await render(
			makeInvoice({
				currency: 'EUR',
				lines: [makeLine({ quantity: 1.5, unitPrice: 123456, taxRate: 0 })]
			}),
			makeProfile({ locale: 'de-DE' })
		);
		expect(text).toContain('10.01.2026');
		expect(text).toMatch(/Total\s+1\.851,84\s€/);
		expect(text).toContain('1,5');
	});

	it('flows 120 lines onto more pages, repeating the table header, with page numbers', async () => {
		const lines = Array.from({ length: 120 }, (_, i) =>
			makeLine({ id: `l${i}`, description: `Line item number ${i + 1}` })
		);
		const { text, pages } = await render(makeInvoice({ lines }));
		expect(pages).toBeGreaterThan(1);
		const pageTexts = text.split('\f').filter((p) => p.trim());
		expect(pageTexts).toHaveLength(pages);
		for (const [i, page] of pageTexts.entries()) {
			expect(page).toMatch(/Description\s+Qty\s+Unit price/);
			expect(page).toContain(`Page ${i + 1} of ${pages}`);
		}
		expect(text).toContain('Line item number 120');
	});

	it('marks paid and void invoices', async () => {
		expect((await render(makeInvoice({ status: 'paid' }))).text).toContain('PAID');
		expect((await render(makeInvoice({ status: 'void' }))).text).toContain('VOID');
		expect((await render(makeInvoice({ status: 'sent' }))).text).not.toMatch(/PAID|VOID/);
	});

	it('embeds the logo, and leaves out one that cannot be read, saying so', async () => {
		expect((await render(undefined, makeProfile({ logo: LOGO }))).images).toBe(1);
		const broken = await render(undefined, makeProfile({ logo: 'data:image/png;base64,AAAA' }));
		expect(broken.images).toBe(0);
		expect(broken.pdf.warnings).toEqual([
			'The logo could not be read as an image, so it was left out.'
		]);
	});

	it('leaves out a logo too large to decode, before decoding it, saying why', async () => {
		const bomb = imageDataUrl('png', pngHeader(12_000, 12_000));
		const { images, pdf } = await render(undefined, makeProfile({ logo: bomb }));
		expect(images).toBe(0);
		expect(pdf.warnings).toEqual([
			'The logo is 12,000 × 12,000 pixels; the limit is 4,096 pixels a side, so it was left out.'
		]);
	});

	it('warns once about characters no font has, however often they are measured', async () => {
		const lines = Array.from({ length: 100 }, (_, i) =>
			makeLine({ id: `l${i}`, description: '😀🎉 '.repeat(100) })
		);
		const { pdf } = await render(makeInvoice({ lines }));
		expect(pdf.warnings).toEqual([
			'Some characters have no glyph in the bundled fonts: 😀 (U+1F600), 🎉 (U+1F389).'
		]);
	});

	it('survives 500 lines, empty optional fields and words longer than a line', async () => {
		const long = 'Supercalifragilistic'.repeat(12);
		const lines = Array.from({ length: 500 }, (_, i) =>
			makeLine({ id: `l${i}`, description: i % 50 === 0 ? long : '' })
		);
		const { text, pages } = await render(
			makeInvoice({ lines, notes: long }),
			makeProfile({ name: '', address: '', taxId: '', email: '' }),
			makeClient({ address: '', email: '' })
		);
		expect(pages).toBeGreaterThan(5);
		expect(text).toContain('Supercalifragilistic');
		expect(text).toContain('Your business');
	});

	it('embeds every font as a subset with a Unicode map, so text can be copied', async () => {
		const { file } = await render(
			makeInvoice({ clientName: 'Łódź 東京', lines: [makeLine({ description: '東京' })] })
		);
		const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
		expect(rows.map((row) => row.split(/[+ ]/)[1])).toEqual(
			expect.arrayContaining([
				'NotoSans-Regular',
				'NotoSans-Bold',
				'NotoSansJP-Regular',
				'NotoSansJP-Bold'
			])
		);
		for (const row of rows) {
			expect(row).toMatch(
				/^[A-Z]{6}\+NotoSans(JP)?-(Regular|Bold) +CID TrueType +Identity-H +yes yes yes/
			);
		}
	});

	it('prints an EPC QR code a banking app reads as the transfer of the amount due', async () => {
		const { file, text } = await render(
			makeInvoice({
				number: 'RE-2026-17',
				currency: 'EUR',
				status: 'sent',
				lines: [makeLine({ quantity: 3, unitPrice: 41152, taxRate: 19 })],
				payments: [{ id: 'p', date: '2026-01-12', amount: 10000, note: '' }]
			}),
			makeProfile({
				name: 'Müller Design',
				locale: 'de-DE',
				payment: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' }
			}),
			makeClient({ language: 'de' })
		);
		expect(text).toContain('Scannen und bezahlen');
		const lines = scanQr(file)?.split('\n');
		expect(lines?.slice(0, 8)).toEqual([
			'BCD',
			'002',
			'1',
			'SCT',
			'COBADEFFXXX',
			'Müller Design',
			'DE89370400440532013000',
			'EUR1369.13'
		]);
		expect(lines?.at(-1)).toBe('RE-2026-17');
	});

	it('prints no QR code on other currencies, credit notes or without an IBAN', async () => {
		const iban = makeProfile({ payment: { iban: 'DE89370400440532013000' } });
		const eur = { currency: 'EUR', lines: [makeLine({ unitPrice: 5000 })] };
		for (const [invoice, profile] of [
			[makeInvoice({ ...eur, currency: 'USD' }), iban],
			[makeInvoice({ ...eur, kind: 'credit-note' }), iban],
			[makeInvoice(eur), makeProfile({ payment: { text: 'Cash only' } })]
		] as const) {
			const { file, text } = await render(invoice, profile);
			expect(scanQr(file)).toBeNull();
			expect(text).not.toContain('Scan to pay');
		}
		expect(scanQr((await render(makeInvoice(eur), iban)).file)).toMatch(/^BCD\n/);
	});

	it('keeps a 30-line invoice with a logo small', async () => {
		const lines = Array.from({ length: 30 }, (_, i) => makeLine({ id: `l${i}` }));
		const { pdf } = await render(makeInvoice({ lines }), makeProfile({ logo: LOGO }));
		expect(pdf.bytes.length).toBeLessThan(100_000);
	});
});

describe('an issued invoice’s PDF', () => {
	it('is the same bytes tomorrow: its dates come from the invoice, not the clock', async () => {
		const issued = makeInvoice({
			status: 'sent',
			issued: {
				at: '2026-03-01T09:30:00.000Z',
				locale: 'en-US',
				seller: { name: 'Studio North', email: '', address: '', taxId: '' },
				buyer: { name: 'Acme Ltd', email: '', address: '', taxId: '' }
			}
		});
		const model = documentModel(issued, makeProfile(), makeClient(), formatsFor('en-US', 'en-US'));
		const today = await renderInvoicePdf(model, nodeFonts);
		vi.useFakeTimers({ now: Date.parse('2026-03-02T18:00:00Z'), toFake: ['Date'] });
		try {
			const tomorrow = await renderInvoicePdf(model, nodeFonts);
			expect(Buffer.from(tomorrow.bytes).equals(Buffer.from(today.bytes))).toBe(true);
		} finally {
			vi.useRealTimers();
		}
		const file = join(dir, 'dated.pdf');
		writeFileSync(file, today.bytes);
		const info = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
		expect(info).toMatch(/CreationDate:\s+2026-03-01T09:30:00/);
	});
});
