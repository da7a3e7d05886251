import { expect, test } from '@playwright/test';
import { downloadedPdfText, expectAccessible, openNewInvoice } from './helpers';

test('a German client gets a German PDF with payment details, units, PO and a catalogue line', async ({
	page
}) => {
	await page.goto('./settings/');
	await page.getByLabel('Business name').fill('Studio North');
	await page.getByLabel('Default currency').selectOption('EUR');
	const iban = page.getByLabel('IBAN');
	await iban.fill('DE89 3704 0044 0532 0130 01');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(iban).toHaveAccessibleDescription(/check digits do not match/);
	await expect(iban).toBeFocused();
	await iban.fill('de89 3704 0044 0532 0130 00');
	await page.getByLabel('BIC').fill('COBADEFFXXX');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Business settings saved')).toBeVisible();

	await page.getByRole('button', { name: 'Add tax rate' }).click();
	await page.getByLabel('Tax name').fill('MwSt. 19%');
	await page.getByLabel('Rate %').fill('19');
	await page.getByRole('button', { name: 'Save tax rates' }).click();
	await expect(page.getByText('Tax rates saved')).toBeVisible();

	await page.getByRole('tab', { name: 'Catalogue' }).click();
	await page.getByRole('button', { name: 'Add item' }).click();
	await page.getByLabel('Name').fill('Design workshop');
	await page.getByLabel('Unit').fill('days');
	await page.getByLabel('Price (EUR)').fill('1200');
	await page.getByLabel('Tax %').fill('19');
	await expectAccessible(page, 'catalogue');
	await page.getByRole('button', { name: 'Save catalogue' }).click();
	await expect(page.getByText('Catalogue saved')).toBeVisible();

	await page.getByRole('link', { name: 'Clients', exact: true }).click();
	await page.getByRole('link', { name: 'Add client' }).click();
	await page.getByLabel('Name').fill('Bäckerei Schulz');
	await page.getByLabel('Document language').selectOption('de');
	await page.getByRole('button', { name: 'Save client' }).click();
	await expect(page.getByText('Client Bäckerei Schulz saved')).toBeVisible();

	await openNewInvoice(page);
	await page.getByLabel('Client').fill('Bäckerei Schulz');
	await expect(page.getByLabel('Currency')).toHaveValue('EUR');
	await page.getByLabel('PO / reference').fill('PO-4711');
	await page.getByLabel('Description').fill('Design workshop');
	await expect(page.getByLabel('Unit', { exact: true })).toHaveValue('days');
	await expect(page.getByLabel('Unit price')).toHaveValue('1200.00');
	await expect(page.getByLabel('Tax %')).toHaveValue('19');
	await page.getByLabel('Quantity').fill('2');
	await expectAccessible(page, 'editor with catalogue');
	const number = await page.getByLabel('Invoice number').inputValue();
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();

	const invoice = page.getByRole('region', { name: 'Invoice' });
	await expect(invoice).toContainText('PO-4711');
	await expect(invoice).toContainText('2 days');
	await expect(invoice).toContainText('IBAN DE89 3704 0044 0532 0130 00');
	await expect(invoice).toContainText('MwSt. 19% on €2,400.00');
	await page.getByRole('button', { name: 'Mark as sent' }).click();
	await expect(page.getByText('its details are kept as they were then')).toBeVisible();

	const pdf = await downloadedPdfText(page, number);
	for (const text of [
		'RECHNUNG',
		'RECHNUNG AN',
		'Fälligkeitsdatum',
		'Ihre Referenz',
		'PO-4711',
		'2 days',
		'2.400,00 €',
		'MwSt. 19% auf 2.400,00 €',
		'Gesamtbetrag',
		'BANKVERBINDUNG',
		'IBAN DE89 3704 0044 0532 0130 00',
		'BIC COBADEFFXXX',
		// The caption of the EPC QR code: the worker's QR encoder ran in the built app.
		'Scannen und bezahlen'
	])
		expect(pdf.replace(/\u00a0/g, ' ')).toContain(text);
	expect(pdf).not.toContain('Due date');
});

test('prices entered with tax: the total is exactly the gross entered', async ({ page }) => {
	await page.goto('./');
	await openNewInvoice(page);
	await page.getByLabel('Client').fill('Café Nord');
	await page.getByLabel('Prices include tax').check();
	await page.getByLabel('Description').fill('Lunch catering');
	await page.getByLabel('Quantity').fill('3');
	await page.getByLabel('Unit price').fill('33.33');
	await page.getByLabel('Tax %').fill('19');
	await expect(page.getByRole('status', { name: 'Total' })).toHaveText('$99.99');
	await expect(page.getByText('Tax 19% on $84.03 (included)')).toBeVisible();
	const number = await page.getByLabel('Invoice number').inputValue();
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
	await expect(page.getByRole('status', { name: 'Total' })).toHaveText('$99.99');
	const pdf = await downloadedPdfText(page, number);
	expect(pdf).toMatch(/Total\s+\$99\.99/);
	expect(pdf).toContain('Tax 19% on $84.03 (included)');
});
