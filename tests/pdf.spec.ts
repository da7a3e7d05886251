import { expect, test } from '@playwright/test';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../src/lib/testing/factories';
import { imageDataUrl, pngHeader } from '../src/lib/testing/images';
import { createInvoice, downloadedPdfText, importBackup } from './helpers';

test('Download PDF saves <number>.pdf with every name, the totals and a PAID mark', async ({
	page
}) => {
	const scripts: string[] = [];
	page.on('response', async (response) => {
		if (response.url().endsWith('.js')) scripts.push(await response.text());
	});
	await page.goto('./');
	const number = await createInvoice(page, {
		client: 'Łódź Müller 東京 Ñandú',
		currency: 'EUR',
		lines: [
			{ description: 'Beratung für Ω-Projekt', quantity: '3', unitPrice: '120', taxRate: '19' }
		]
	});
	// No PDF code is loaded until a PDF is asked for.
	expect(scripts.some((s) => s.includes('registerFontkit'))).toBe(false);

	const text = await downloadedPdfText(page, number);
	expect(scripts.some((s) => s.includes('registerFontkit'))).toBe(true);
	expect(text).toContain('Łódź Müller 東京 Ñandú');
	expect(text).toContain('Beratung für Ω-Projekt');
	expect(text).toContain(number);
	expect(text).toMatch(/Total\s+€428\.40/);
	expect(text).not.toContain('PAID');

	await page.getByRole('button', { name: 'Mark as sent' }).click();
	await page.getByRole('button', { name: 'Mark as paid' }).click();
	// The totals always list "Paid"; the button leaves only once the paid version is shown.
	await expect(page.getByRole('button', { name: 'Mark as paid' })).toBeHidden();
	expect(await downloadedPdfText(page, number)).toContain('PAID');
});

test('the PDF preview shows in the page, and printing hides the app around the invoice', async ({
	page
}) => {
	await page.goto('./');
	const number = await createInvoice(page, {
		client: 'Preview Ltd',
		lines: [{ description: 'Look first', unitPrice: '10' }]
	});
	await page.getByRole('button', { name: 'Preview PDF' }).click();
	await expect(page.getByTitle(`PDF preview of invoice ${number}`)).toBeVisible();
	await page.getByRole('button', { name: 'Hide preview' }).click();
	await expect(page.getByTitle(`PDF preview of invoice ${number}`)).toBeHidden();

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('banner')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Download PDF' })).toBeHidden();
	await expect(page.getByRole('region', { name: 'Invoice' })).toBeVisible();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
});

const lines = (count: number, description: string) =>
	Array.from({ length: count }, (_, i) => makeLine({ id: `l${i}`, description }));

test.describe('a long PDF', () => {
	// The service worker would answer the font request itself; the test answers it instead, and
	// holds it, so the PDF is still being made when Cancel is pressed, on any machine.
	test.use({ serviceWorkers: 'block' });
	const FONT = /NotoSans_400Regular-[\w-]+\.ttf$/;

	test('is made off the page with progress, Cancel stops it, and one too long is refused', async ({
		page
	}) => {
		let openGate = () => {};
		const gate = new Promise<void>((resolve) => (openGate = resolve));
		await page.route(FONT, async (route) => {
			await gate;
			await route.continue().catch(() => {}); // a cancelled worker no longer wants it
		});
		await page.goto('./');
		await importBackup(page, {
			profile: null,
			clients: [makeClient()],
			invoices: [
				// About 120,000 characters: under the limit, seconds of work. (Invoices are at most
				// 400 KB, so one of 200,000 characters takes 500 lines.)
				makeInvoice({
					id: 'long',
					number: 'LONG-1',
					lines: lines(1000, 'On-site hours, '.repeat(7))
				}),
				makeInvoice({ id: 'too-long', number: 'LONG-2', lines: lines(500, 'word '.repeat(80)) })
			]
		});
		await page.goto('./invoices/view/?id=long');
		const progress = page.getByRole('progressbar', { name: 'Preparing PDF' });
		const download = page.getByRole('button', { name: 'Download PDF' });

		let fontRequested = page.waitForRequest(FONT);
		await download.click();
		await fontRequested;
		await expect(progress).toBeVisible();
		await expect(progress).toHaveAttribute('value', '0');
		await expect(download).toBeDisabled();
		await page.getByRole('button', { name: 'Cancel', exact: true }).click();
		await expect(page.getByText('PDF cancelled')).toBeVisible();
		await expect(progress).toBeHidden();
		await expect(download).toBeEnabled();

		// The next PDF starts a fresh worker and finishes; its bar moves on the way, so the page
		// was taking the worker's messages while the lines were laid out.
		await page.evaluate(() => {
			const seen: number[] = [];
			Object.assign(window, { progressSeen: seen });
			new MutationObserver(() => {
				const bar = document.querySelector('progress');
				if (bar && bar.value !== seen.at(-1)) seen.push(bar.value);
			}).observe(document.body, { subtree: true, childList: true, attributes: true });
		});
		fontRequested = page.waitForRequest(FONT);
		const file = page.waitForEvent('download');
		await download.click();
		await fontRequested;
		await expect(progress).toBeVisible();
		openGate();
		expect((await file).suggestedFilename()).toBe('LONG-1.pdf');
		await expect(progress).toBeHidden();
		const seen = await page.evaluate(
			() => (window as unknown as { progressSeen: number[] }).progressSeen
		);
		expect(seen.filter((value) => value > 0.1 && value < 0.9).length).toBeGreaterThan(10);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));

		await page.goto('./invoices/view/?id=too-long');
		await page.getByRole('button', { name: 'Download PDF' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			/^This invoice has 2\d\d,\d{3} characters of text; a PDF can hold at most 150,000\./
		);
		await expect(progress).toBeHidden();
	});
});

test('a stored logo too large to decode is left out of the PDF, and Settings says why', async ({
	page
}) => {
	await page.goto('./');
	// As an import or a sync could bring it: 33 bytes claiming 12,000 × 12,000 pixels.
	const logo = imageDataUrl('png', pngHeader(12_000, 12_000));
	await importBackup(page, {
		profile: makeProfile({ name: 'Big Logo Ltd', logo }),
		clients: [makeClient()],
		invoices: [makeInvoice({ id: 'plain', number: 'PLAIN-1' })]
	});
	await page.goto('./invoices/view/?id=plain');
	const text = await downloadedPdfText(page, 'PLAIN-1');
	expect(text).toContain('Big Logo Ltd');
	await expect(
		page.getByText(
			'The logo is 12,000 × 12,000 pixels; the limit is 4,096 pixels a side, so it was left out.'
		)
	).toBeVisible();

	await page.goto('./settings/');
	await expect(page.getByRole('img', { name: 'Business logo' })).toBeHidden();
	await expect(page.getByLabel('Logo', { exact: true })).toHaveAccessibleDescription(
		/The logo is 12,000 × 12,000 pixels; the limit is 4,096 pixels a side; PDFs leave it out/
	);
});
