import { expect, test } from '@playwright/test';
import {
	createInvoice,
	downloadedPdfText,
	expectAccessible,
	openInvoices,
	openNewInvoice
} from './helpers';

test('a quote has its own series and PDF, and converts to a linked invoice', async ({ page }) => {
	await page.goto('./');
	await page.getByRole('link', { name: 'New invoice', exact: true }).waitFor();
	await openInvoices(page);
	await page.getByRole('tab', { name: 'Quotes' }).click();
	await page.getByRole('link', { name: 'Create quote' }).click();
	await expect(page.getByRole('heading', { name: 'New quote' })).toBeVisible();
	await page.getByLabel('Client').fill('Acme Ltd');
	await page.getByLabel('Description').fill('Website redesign');
	await page.getByLabel('Unit price').fill('2500');
	const number = await page.getByLabel('Quote number').inputValue();
	expect(number).toMatch(/^QUO-\d{4}-0001$/);
	await expect(page.getByLabel('Valid until')).toBeVisible();
	await page.getByRole('button', { name: 'Save quote' }).click();
	await expect(page.getByRole('heading', { name: `Quote ${number}` })).toBeVisible();
	await page.getByRole('button', { name: 'Mark as sent' }).click();
	await expect(page.getByRole('button', { name: 'Convert to invoice' })).toBeVisible();
	await expectAccessible(page, 'sent quote');

	const pdf = await downloadedPdfText(page, number);
	expect(pdf).toMatch(/^\s*Quote\b/m);
	expect(pdf).toContain('Valid until');
	expect(pdf).not.toMatch(/Invoice/i);

	await page.getByRole('button', { name: 'Convert to invoice' }).click();
	const edit = page.getByRole('heading', { name: /^Edit INV-/ });
	await expect(edit).toBeVisible();
	await expect(page.getByLabel('Description')).toHaveValue('Website redesign');
	const invoiceNumber = (await edit.textContent())!.replace('Edit ', '').trim();
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByRole('heading', { name: `Invoice ${invoiceNumber}` })).toBeVisible();
	await expect(page.getByText(`From quote ${number}.`)).toBeVisible();

	await page.getByRole('link', { name: number }).click();
	await expect(page.getByRole('heading', { name: `Quote ${number}` })).toBeVisible();
	await expect(page.getByText('Accepted', { exact: true })).toBeVisible();
	await expect(page.getByText(`Converted to invoice ${invoiceNumber}.`)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Convert to invoice' })).toHaveCount(0);

	// Each list shows its own kind; the quote never counts as revenue.
	await openInvoices(page);
	await page.getByRole('tab', { name: 'Quotes' }).click();
	await expect(page.getByRole('link', { name: number })).toBeVisible();
	await expect(page.getByRole('link', { name: invoiceNumber })).toHaveCount(0);
	await expectAccessible(page, 'quotes list');
	await page.getByRole('tab', { name: 'Invoices' }).click();
	await expect(page.getByRole('link', { name: invoiceNumber })).toBeVisible();
	await expect(page.getByRole('link', { name: number })).toHaveCount(0);
});

test('a credit note reduces the balance of its invoice and shows in Analytics', async ({
	page
}) => {
	await page.goto('./');
	const number = await createInvoice(page, {
		client: 'Acme Ltd',
		lines: [{ description: 'Consulting', quantity: '10', unitPrice: '100' }]
	});
	await page.getByRole('button', { name: 'Mark as sent' }).click();
	await page.getByRole('button', { name: 'Create credit note' }).click();
	const edit = page.getByRole('heading', { name: /^Edit CN-/ });
	await expect(edit).toBeVisible();
	const credit = (await edit.textContent())!.replace('Edit ', '').trim();
	expect(credit).toMatch(/^CN-\d{4}-0001$/);
	// Credit three of the ten hours.
	await expect(page.getByLabel('Client')).toBeDisabled();
	await page.getByLabel('Quantity').fill('3');
	await page.getByRole('button', { name: 'Save credit note' }).click();
	await expect(page.getByRole('heading', { name: `Credit note ${credit}` })).toBeVisible();
	await page.getByRole('button', { name: 'Issue credit note' }).click();
	await expect(page.getByText('its details are kept as they were')).toBeVisible();
	const pdf = await downloadedPdfText(page, credit);
	expect(pdf).toMatch(/^\s*Credit note\b/m);
	expect(pdf).toContain('$300.00');
	expect(pdf).not.toMatch(/[-−]\$/);

	await page.getByRole('link', { name: number }).click();
	const invoice = page.getByRole('region', { name: 'Invoice' });
	await expect(invoice).toContainText(/Credited\s*−\$300\.00/);
	await expect(invoice).toContainText(/Balance due\s*\$700\.00/);
	const notes = page.getByRole('region', { name: 'Credit notes' });
	await expect(notes.getByRole('link', { name: credit })).toBeVisible();
	await expectAccessible(page, 'credited invoice');

	await page.getByRole('link', { name: 'Analytics' }).click();
	const usd = page.getByRole('region', { name: 'USD', exact: true });
	await expect(usd.getByLabel('Revenue')).toHaveText('$700.00');
	await expect(usd.getByLabel('Outstanding')).toHaveText('$700.00');
});

test('a negative quantity on an invoice is refused with a hint to use a credit note', async ({
	page
}) => {
	await page.goto('./');
	await openNewInvoice(page);
	await page.getByLabel('Client').fill('Acme Ltd');
	await page.getByLabel('Description').fill('Refund');
	await page.getByLabel('Quantity').fill('-2');
	await page.getByLabel('Unit price').fill('50');
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByLabel('Quantity')).toHaveAccessibleDescription(
		/must not be negative.*create a credit note/i
	);
	await expect(page.getByLabel('Quantity')).toBeFocused();
	await expect(page.getByRole('heading', { name: 'New invoice' })).toBeVisible();
});
