/**
 * PDF benchmarks (issue 5): render time for 30 and 300 lines (warm median, same code as the
 * app, in Node and in Chromium through `Download PDF`), file size for 30 lines with a logo,
 * the gzip weight of the code the first PDF loads (issue 16: budget 250 KB, fonts aside),
 * and proof it is absent from the first load.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { formatsFor } from '../src/lib/invoice/formats';
import { documentModel } from '../src/lib/pdf/document-model';
import { renderInvoicePdf } from '../src/lib/pdf/render';
import { buildSnapshot } from '../src/lib/storage/transfer';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../src/lib/testing/factories';
import { nodeFonts } from '../src/lib/testing/node-fonts';
import { median } from './browser';
import type { Row } from './foundation';

/** A 40×20 PNG logo. */
const LOGO =
	'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACgAAAAUCAIAAABwJOjsAAAAJElEQVR4nGM4YWMzIIhh1OJRi0ctHrV41OJRi0ctHrV45FgMAGQL6C7l1KfNAAAAAElFTkSuQmCC';

function invoiceWith(lines: number) {
	return makeInvoice({
		id: `bench-${lines}`,
		number: `BENCH-${lines}`,
		lines: Array.from({ length: lines }, (_, i) =>
			makeLine({
				id: `l${i}`,
				description:
					i % 5 === 0 ? 'Design and build of the quarterly report, two rounds' : 'Hosting',
				quantity: 1 + (i % 3),
				unitPrice: 10_000 + i * 37,
				taxRate: i % 2 ? 20 : 7
			})
		)
	});
}

async function nodeMedian(lines: number, runs = 10): Promise<{ ms: number; bytes: number }> {
	const model = documentModel(
		invoiceWith(lines),
		makeProfile({ logo: LOGO }),
		makeClient(),
		formatsFor('en-US', 'en-US')
	);
	const times: number[] = [];
	let bytes = 0;
	for (let i = 0; i < runs + 3; i++) {
		const start = performance.now();
		const pdf = await renderInvoicePdf(model, nodeFonts);
		if (i >= 3) times.push(performance.now() - start);
		bytes = pdf.bytes.length;
	}
	return { ms: median(times), bytes };
}

export async function pdfBench(browser: Browser, baseUrl: string): Promise<Row[]> {
	const rows: Row[] = [];
	const step = (what: string) => process.stderr.write(`pdf bench: ${what}\n`);
	step('rendering in Node');
	const node30 = await nodeMedian(30);
	const node300 = await nodeMedian(300);
	rows.push(
		{
			metric: 'PDF render, 30 lines (Node, warm median)',
			value: node30.ms,
			unit: 'ms',
			target: '≤ 50'
		},
		{ metric: 'PDF render, 300 lines (Node, warm median)', value: node300.ms, unit: 'ms' },
		{
			metric: 'PDF size, 30 lines with logo',
			value: node30.bytes / 1024,
			unit: 'KB',
			target: '≤ 100'
		}
	);

	step('first load');
	const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
	const page = await context.newPage();
	// Noted as each response comes (its body may arrive later), so none is missed.
	const scripts = new Map<string, Promise<Buffer>>();
	page.on('response', (response) => {
		if (response.url().endsWith('.js')) scripts.set(response.url(), response.body());
	});
	await page.goto(baseUrl, { waitUntil: 'networkidle' });
	const firstLoad = await Promise.all(scripts.values());
	const pdfInFirstLoad = firstLoad.some((s) => s.includes('registerFontkit'));

	const file = JSON.stringify(
		buildSnapshot(
			{
				profile: makeProfile({ logo: LOGO }),
				clients: [makeClient()],
				invoices: [invoiceWith(30), invoiceWith(300)]
			},
			new Date().toISOString()
		)
	);
	await page.goto(`${baseUrl}settings/`);
	await page.getByRole('tab', { name: 'Data' }).click();
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Import JSON' }).click();
	await (
		await chooser
	).setFiles({ name: 'pdf.json', mimeType: 'application/json', buffer: Buffer.from(file) });
	await page.getByText(/^Imported pdf\.json/).waitFor();

	// Everything fetched from the first click until the file arrives: the worker, its chunks
	// and the page's document model (fonts are .ttf files, not counted).
	let pdfCode: Promise<Buffer>[] = [];
	for (const lines of [30, 300]) {
		step(`Download PDF, ${lines} lines`);
		await page.goto(`${baseUrl}invoices/view/?id=bench-${lines}`);
		const times: number[] = [];
		for (let i = 0; i < 8; i++) {
			const download = page.waitForEvent('download');
			const start = Date.now();
			const before = new Set(scripts.keys());
			await page.getByRole('button', { name: 'Download PDF' }).click();
			await download;
			if (lines === 30 && i === 0) {
				pdfCode = [...scripts].filter(([url]) => !before.has(url)).map(([, body]) => body);
			}
			if (i >= 2) times.push(Date.now() - start);
			await page.getByRole('button', { name: 'Download PDF' }).waitFor();
			await page.waitForFunction(() =>
				[...document.querySelectorAll('button')].some(
					(b) => b.textContent?.trim() === 'Download PDF' && !b.disabled
				)
			);
		}
		rows.push({
			metric: `Download PDF click → file, ${lines} lines (Chromium, warm median)`,
			value: median(times),
			unit: 'ms'
		});
	}
	const pdfBodies = await Promise.all(pdfCode);
	rows.push(
		{
			metric: 'PDF code in the first load',
			value: pdfInFirstLoad ? 1 : 0,
			unit: pdfInFirstLoad ? 'present' : 'absent',
			target: 'absent'
		},
		{
			metric: `code the first PDF loads (gzip, ${pdfBodies.length} scripts, fonts aside)`,
			value: pdfBodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0) / 1024,
			unit: 'KB',
			target: '≤ 250'
		}
	);
	await context.close();
	return rows;
}
