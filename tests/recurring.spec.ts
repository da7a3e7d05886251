import { expect, test } from '@playwright/test';
import { createInvoice, expectAccessible, openInvoices } from './helpers';

const daysAgo = (days: number) =>
	new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test('an invoice repeated weekly makes one invoice per week that has come, once, and can be paused', async ({
	page
}) => {
	await page.goto('./');
	const number = await createInvoice(page, {
		client: 'Acme Ltd',
		lines: [{ description: 'Weekly support', unitPrice: '250' }]
	});
	await page.getByRole('link', { name: 'Repeat…' }).click();
	await expect(page.getByRole('heading', { name: `Repeat invoice ${number}` })).toBeVisible();
	await expectAccessible(page, 'repeat form');
	await page.getByLabel('Every').fill('0');
	await page.getByRole('button', { name: 'Start recurring invoice' }).click();
	await expect(page.getByLabel('Every')).toBeFocused();
	await expect(page.getByText('Enter a whole number from 1 to 52')).toBeVisible();
	await page.getByLabel('Every').fill('1');
	await page.getByLabel('Period').selectOption('week');
	await page.getByLabel('First invoice on').fill(daysAgo(14));
	await page.getByLabel('Issue each invoice at once (Mark as sent)').check();
	await page.getByRole('button', { name: 'Start recurring invoice' }).click();

	await expect(page.getByRole('heading', { name: 'Recurring invoices' })).toBeVisible();
	await expect(page.getByText(/^Recurring invoices: made 3 invoices/)).toBeVisible();
	await expect(page.getByText('Every week · issued at once')).toBeVisible();
	await expect(page.getByText(/^Next invoice: /)).toBeVisible();
	await expectAccessible(page, 'recurring list');

	await openInvoices(page);
	const rows = page.getByRole('row').filter({ hasText: 'Acme Ltd' });
	await expect(rows).toHaveCount(4);
	await expect(rows.filter({ hasText: 'Sent' })).toHaveCount(3);
	// Opening the app again makes nothing twice.
	await page.reload();
	await expect(rows).toHaveCount(4);

	await page.getByRole('link', { name: 'Recurring' }).click();
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByText('Next invoice: Paused')).toBeVisible();
	await page.getByRole('button', { name: 'Resume' }).click();
	// Resumed only once its save lands: deleting before then would race that save.
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
	await expect(page.getByText('Next invoice: Paused')).toBeHidden();
	await page.getByRole('button', { name: 'Delete' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
	await expect(page.getByText('No recurring invoices yet.')).toBeVisible();
	await openInvoices(page);
	await expect(rows).toHaveCount(4);
});
