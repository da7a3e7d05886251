import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { createInvoice } from './helpers';

async function downloadedPdfText(page: Page, number: string): Promise<string> {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe(`${number}.pdf`);
	const path = await file.path();
	return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

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
	await expect(page.getByText('Paid', { exact: true }).first()).toBeVisible();
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
