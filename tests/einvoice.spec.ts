import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { validateEn16931 } from '../src/lib/testing/en16931';
import { createInvoice, expectAccessible, openNewInvoice } from './helpers';

async function issue(page: Page, number: string) {
	await page.getByRole('button', { name: 'Mark as sent' }).click();
	await expect(page.getByText('its details are kept as they were then')).toBeVisible();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
}

test('an issued invoice downloads as an XRechnung that passes the EN 16931 rules, or names what is missing', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('./settings/');
	await page.getByLabel('Business name').fill('Studio Nord GmbH');
	await page.getByLabel('Email').fill('rechnung@studio-nord.test');
	await page.getByLabel('Tax ID').fill('DE123456789');
	await page.getByLabel('Default currency').selectOption('EUR');
	await page.getByLabel('Street and number').fill('Hafenstraße 1');
	await page.getByLabel('Postcode').fill('20457');
	await page.getByLabel('City', { exact: true }).fill('Hamburg');
	await page.getByRole('combobox', { name: 'Country' }).selectOption('DE');
	await page.getByLabel('Telephone').fill('+49 40 123456');
	await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Business settings saved')).toBeVisible();

	// A client typed in the editor has no address parts yet: the download names them instead.
	const first = await createInvoice(page, {
		client: 'Stadtwerke Köln',
		lines: [{ description: 'Consulting', quantity: '12.5', unitPrice: '95', taxRate: '19' }]
	});
	// The draft says what is missing before issuing freezes its details.
	await page.getByText('E-invoice check').click();
	await expect(page.locator('details.einvoice-check')).toContainText(
		'Client country (Clients → Stadtwerke Köln): choose the country'
	);
	await issue(page, first);
	const xrechnung = page.getByRole('button', { name: 'Download XRechnung (CII)' });
	await xrechnung.click();
	const missing = page.getByRole('alert').filter({ hasText: 'needs these details first' });
	await expect(missing).toContainText(
		'Client country (Clients → Stadtwerke Köln): choose the country'
	);
	await expect(missing).toContainText('Buyer reference');
	await expect(missing).toContainText('keeps the details it was issued with');
	await expect(xrechnung).toHaveAccessibleDescription(/Client city/);
	await expectAccessible(page, 'e-invoice data missing');

	await page.getByRole('link', { name: 'Clients', exact: true }).click();
	await page.getByRole('link', { name: 'Stadtwerke Köln' }).click();
	await page.getByLabel('Email').fill('einkauf@stadtwerke.test');
	await page.getByLabel('Tax ID').fill('DE987654321');
	await page.getByLabel('Street and number').fill('Domkloster 4');
	await page.getByLabel('Postcode').fill('50667');
	await page.getByLabel('City', { exact: true }).fill('Köln');
	await page.getByRole('combobox', { name: 'Country' }).selectOption('DE');
	await page.getByLabel('Buyer reference').fill('05315-12345-67');
	await page.getByRole('button', { name: 'Save client' }).click();
	await expect(page.getByText('Client Stadtwerke Köln saved')).toBeVisible();
	// Saving goes back to the list; leaving before it gets there would be undone by it.
	await expect(page.getByRole('region', { name: 'Client list' })).toBeVisible();

	// An exempt line says why: the reason goes on the PDF and into the XML.
	const number = await createInvoiceWithExemptLine(page);
	await issue(page, number);
	await expect(page.getByRole('region', { name: 'Invoice', exact: true })).toContainText(
		'Exempt under § 4 Nr. 21 UStG'
	);
	const download = page.waitForEvent('download');
	await xrechnung.click();
	const file = await download;
	expect(file.suggestedFilename()).toBe(`${number}-xrechnung.xml`);
	const xml = await readFile(await file.path(), 'utf8');
	expect(xml).toContain('<ram:BuyerReference>05315-12345-67</ram:BuyerReference>');
	expect(xml).toContain('<ram:ExemptionReason>Exempt under § 4 Nr. 21 UStG</ram:ExemptionReason>');
	expect(xml).toContain('<ram:GrandTotalAmount>1913.13</ram:GrandTotalAmount>');
	expect(validateEn16931(xml).fatal).toEqual([]);
	await expect(missing).toHaveCount(0);

	// Its PDF is a Factur-X invoice: PDF/A-3 carrying the same invoice as factur-x.xml.
	const pdfDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF' }).click();
	const pdf = await (await pdfDownload).path();
	expect(execFileSync('pdfdetach', ['-list', pdf], { encoding: 'utf8' })).toContain('factur-x.xml');
	const attached = join(dirname(pdf), 'factur-x.xml');
	execFileSync('pdfdetach', ['-save', '1', '-o', attached, pdf]);
	const facturX = await readFile(attached, 'utf8');
	expect(facturX).toContain('<ram:GrandTotalAmount>1913.13</ram:GrandTotalAmount>');
	expect(facturX).toContain('urn:cen.eu:en16931:2017</ram:ID>');
	expect(validateEn16931(facturX).fatal).toEqual([]);
	const meta = execFileSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' });
	expect(meta).toMatch(/pdfaid:part>3</);
	expect(meta).toMatch(/ConformanceLevel>EN 16931</);
	const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
	expect(fonts.length).toBeGreaterThan(0);
	for (const font of fonts) expect(font).toMatch(/\byes\s+yes\s+yes\s+\d+\s+\d+$/);
});

async function createInvoiceWithExemptLine(page: Page): Promise<string> {
	await openNewInvoice(page);
	await page.getByLabel('Client').fill('Stadtwerke Köln');
	await page.getByLabel('Description').fill('Consulting');
	await page.getByLabel('Quantity').fill('12.5');
	await page.getByLabel('Unit price').fill('95');
	await page.getByLabel('Tax %').fill('19');
	await page.getByRole('button', { name: 'Add line' }).click();
	await page.getByLabel('Description').nth(1).fill('Medical course');
	await page.getByLabel('Unit price').nth(1).fill('500');
	await page.getByLabel('VAT category').nth(1).selectOption('E');
	await page.getByLabel('Exemption reason').fill('Exempt under § 4 Nr. 21 UStG');
	await expectAccessible(page, 'editor with an exempt line');
	const number = await page.getByLabel('Invoice number').inputValue();
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
	return number;
}
