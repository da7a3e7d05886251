import { expect, test } from '@playwright/test';
import { createInvoice, downloadedPdfText, openInvoices, openNewInvoice } from './helpers';

test.beforeEach(async ({ page }) => {
	await page.goto('./');
	await expect(page.getByRole('status')).toContainText('Local only');
});

test('create, edit and delete an invoice by its contract names', async ({ page }) => {
	const number = await createInvoice(page, {
		client: 'Łódź Müller',
		lines: [
			{ description: 'Design work', quantity: '2.5', unitPrice: '120', taxRate: '20' },
			{ description: 'Hosting', unitPrice: '30' }
		]
	});
	expect(number).toMatch(/^INV-\d{4}-0001$/);
	// 2.5 × 120 = 300 + 20 % tax = 360, plus 30 untaxed.
	await expect(page.getByLabel('Total', { exact: true })).toHaveText('$390.00');

	// The invoice page and the editor both show a Total: wait for each page by its heading,
	// or the Total checked is the one of the page being left.
	await page.getByRole('button', { name: 'Edit' }).click();
	await expect(page.getByRole('heading', { name: `Edit ${number}` })).toBeVisible();
	await expect(page.getByLabel('Total', { exact: true })).toHaveText('$390.00');
	await page.getByLabel('Unit price').nth(1).fill('40');
	await expect(page.getByLabel('Total', { exact: true })).toHaveText('$400.00');
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
	await expect(page.getByLabel('Total', { exact: true })).toHaveText('$400.00');

	await page.getByRole('button', { name: 'Mark as sent' }).click();
	await expect(page.getByText('Sent', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Mark as paid' }).click();
	// The totals always list "Paid"; the button leaves only once the paid version is shown.
	await expect(page.getByRole('button', { name: 'Mark as paid' })).toBeHidden();

	await openInvoices(page);
	const row = page.getByRole('row').filter({ hasText: number });
	await expect(row).toContainText('Łódź Müller');
	await expect(row).toContainText('$400.00');
	await expect(row).toContainText('Paid');

	// Issued, it is a record: no Edit, no Delete.
	await page.reload();
	await row.getByRole('link', { name: number }).click();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Delete invoice' })).toHaveCount(0);

	// A draft is deleted.
	const draft = await createInvoice(page, {
		client: 'Łódź Müller',
		lines: [{ description: 'Second thoughts', unitPrice: '10' }]
	});
	await page.getByRole('button', { name: 'Delete invoice' }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toContainText(`Delete invoice ${draft}?`);
	await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Invoices', exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: draft })).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('link', { name: number })).toBeVisible();
	await expect(page.getByRole('link', { name: draft })).toHaveCount(0);
});

test('the editor explains wrong fields and saves nothing until they are right', async ({
	page
}) => {
	await openNewInvoice(page);
	await page.getByLabel('Unit price').fill('12.345');
	await page.getByRole('button', { name: 'Save invoice' }).click();
	const price = page.getByLabel('Unit price');
	await expect(price).toHaveAttribute('aria-invalid', 'true');
	await expect(price).toHaveAccessibleDescription('Enter an amount in USD like 1,234.56');
	await expect(page.getByLabel('Client')).toHaveAccessibleDescription(
		'Pick a client or type a new name to add one. Enter or choose a client'
	);
	await expect(page.getByRole('alert')).toHaveText(
		'Please correct the fields marked in red: Client, Line 1 description, Line 1 unit price.'
	);
	await expect(page.getByLabel('Client')).toBeFocused();
	await expect(page.getByRole('heading', { name: 'New invoice' })).toBeVisible();
});

test('a description stops at its limit with a count near it; a line too large is named and focused', async ({
	page
}) => {
	await openNewInvoice(page);
	await page.getByLabel('Client').fill('Acme');
	const description = page.getByLabel('Description');
	await description.fill('x'.repeat(1700));
	await expect(description).toHaveAccessibleDescription('');
	await description.fill('x'.repeat(2100));
	await expect(description).toHaveValue('x'.repeat(2000));
	await expect(description).toHaveAccessibleDescription('2,000 of 2,000 characters');

	await page.getByLabel('Quantity').fill('1000000');
	await page.getByLabel('Unit price').fill('11900000000');
	await page.getByRole('button', { name: 'Save invoice' }).click();
	const price = page.getByLabel('Unit price');
	await expect(price).toBeFocused();
	await expect(price).toHaveAccessibleDescription(
		'Line 1 comes to more than $1,000,000,000,000.00'
	);
	await expect(page.getByRole('alert')).toHaveText(
		'Please correct the field marked in red: Line 1 unit price.'
	);
	await expect(page.getByRole('heading', { name: 'New invoice' })).toBeVisible();
});

test('a German number format: decimal comma typed, and amounts and dates shown that way, PDF too', async ({
	page
}) => {
	await page.goto('./settings/');
	await page
		.getByLabel('Number and date format')
		.selectOption({ label: '1.234,56 · 31.12.2026 — German (Germany)' });
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Business settings saved')).toBeVisible();
	await page.goto('./');

	await openNewInvoice(page);
	const price = page.getByLabel('Unit price');
	await price.fill('1,234.56');
	await price.blur();
	await expect(price).toHaveAccessibleDescription('Enter an amount in USD like 1.234,56');
	await page.getByLabel('Client').fill('Bäckerei Schulz');
	await page.getByLabel('Currency').selectOption('EUR');
	await page.getByLabel('Description').fill('Beratung');
	await page.getByLabel('Quantity').fill('1,5');
	await price.fill('1.234,56');
	await expect(price).toHaveAccessibleDescription('');
	const number = await page.getByLabel('Invoice number').inputValue();
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
	await expect(page.getByLabel('Total', { exact: true })).toHaveText('1.851,84\u00a0€');
	await expect(page.getByText(/^\d\d\.\d\d\.\d{4}$/).first()).toBeVisible();
	const text = await downloadedPdfText(page, number);
	expect(text).toMatch(/Total\s+1\.851,84\s€/);
	expect(text).toMatch(/Issue date\s+\d\d\.\d\d\.\d{4}/);

	await page.getByRole('button', { name: 'Edit' }).click();
	await expect(page.getByLabel('Unit price')).toHaveValue('1234,56');
	await expect(page.getByLabel('Quantity')).toHaveValue('1,5');
});

test('search and filter the history', async ({ page }) => {
	const first = await createInvoice(page, {
		client: 'Acme Roofing',
		lines: [{ description: 'Roof repair', unitPrice: '900' }]
	});
	const second = await createInvoice(page, {
		client: 'Bistro Nord',
		currency: 'EUR',
		lines: [{ description: 'Menu design', unitPrice: '150' }],
		notes: 'Thanks for the espresso'
	});
	await page.getByRole('button', { name: 'Mark as sent' }).click();
	await expect(page.getByText('Sent', { exact: true })).toBeVisible();
	await openInvoices(page);

	const search = page.getByRole('searchbox', { name: 'Search invoices' });
	const rows = page.getByRole('row').filter({ has: page.getByRole('link') });
	await expect(rows).toHaveCount(2);
	await search.fill('espresso');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText(second);
	await search.fill('roof');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText(first);
	await search.fill('');

	const status = page.getByRole('combobox', { name: 'Status' });
	await status.selectOption({ label: 'Sent' });
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('Bistro Nord');
	await expect(rows.first()).toContainText('€150.00');
	await status.selectOption({ label: 'Draft' });
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('Acme Roofing');
	await status.selectOption({ label: 'Overdue' });
	await expect(page.getByText('No invoices match these filters.')).toBeVisible();
	await status.selectOption({ label: 'All' });

	await page.getByRole('button', { name: 'More filters' }).click();
	await page.getByLabel('Total at least').fill('500');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText(first);
});
