import { expect, test, type Page } from '@playwright/test';
import { createInvoice, expectAccessible, openInvoices } from './helpers';

test.beforeEach(async ({ page }) => {
	await page.goto('./');
	await expect(page.getByRole('status')).toContainText('Local only');
});

/** A sent invoice of $100.00, its page open. */
async function sentInvoice(page: Page) {
	const number = await createInvoice(page, {
		client: 'Acme',
		lines: [{ description: 'Design', unitPrice: '100' }]
	});
	await page.getByRole('button', { name: 'Mark as sent' }).click();
	await page.getByRole('button', { name: 'Record payment' }).waitFor();
	return number;
}

/** The figure a totals row shows, found by its exact label. */
const figure = (page: Page, label: string) =>
	page.locator('.totals dt', { hasText: new RegExp(`^${label}$`) }).locator('+ dd');

test('a payment above the balance asks first and then shows as credit, with its method and reference', async ({
	page
}) => {
	const number = await sentInvoice(page);
	const payments = page.getByRole('region', { name: 'Payments' });
	await page.getByLabel(/^Amount/).fill('120');
	await page.getByLabel('Method').selectOption('Card');
	await page.getByLabel('Reference').fill('RF18 5390');
	await page.getByRole('button', { name: 'Record payment' }).click();

	const dialog = page.getByRole('dialog', { name: 'Record a payment above the balance?' });
	await expect(dialog).toContainText('$20.00 becomes credit');
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(payments).toContainText('No payments recorded.');
	await expect(page.getByLabel(/^Amount/)).toHaveValue('120');

	await page.getByRole('button', { name: 'Record payment' }).click();
	await dialog.getByRole('button', { name: 'Record payment' }).click();
	await expect(page.getByText('Payment recorded', { exact: true })).toBeVisible();
	await expect(figure(page, 'Credit')).toHaveText('$20.00');
	await expect(figure(page, 'Paid')).toHaveText('$120.00');
	await expect(page.locator('.totals dt', { hasText: 'Balance due' })).toHaveCount(0);
	const payment = payments.getByRole('listitem');
	await expect(payment).toContainText('$120.00');
	await expect(payment).toContainText('Card');
	await expect(payment).toContainText('RF18 5390');
	await expectAccessible(page, 'overpaid invoice');

	await page.reload();
	await expect(payment).toContainText('Card');
	await expect(payment).toContainText('RF18 5390');
	await expect(figure(page, 'Credit')).toHaveText('$20.00');

	// Nothing shows a negative amount owed: not the list, not the key figures.
	await openInvoices(page);
	await expect(page.getByRole('row').filter({ hasText: number })).toContainText('Paid');
	await expect(page.locator('main')).not.toContainText(/[-−]\$/);
});

test('a payment within the balance is recorded without asking', async ({ page }) => {
	await sentInvoice(page);
	await page.getByLabel(/^Amount/).fill('40');
	await page.getByRole('button', { name: 'Record payment' }).click();
	await expect(page.getByText('Payment recorded', { exact: true })).toBeVisible();
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await expect(figure(page, 'Balance due')).toHaveText('$60.00');
	// Bank transfer is what most invoices are paid by, so it is what the form offers first.
	await expect(page.getByRole('region', { name: 'Payments' })).toContainText('Bank transfer');
});

test('removing a payment asks first, and Undo in the notice brings it back for good', async ({
	page
}) => {
	await sentInvoice(page);
	const payments = page.getByRole('region', { name: 'Payments' });
	await page.getByLabel(/^Amount/).fill('40');
	await page.getByLabel('Reference').fill('BANK-77');
	await page.getByRole('button', { name: 'Record payment' }).click();
	await expect(payments.getByRole('listitem')).toContainText('BANK-77');

	const remove = payments.getByRole('button', { name: /^Remove payment/ });
	const dialog = page.getByRole('dialog', { name: /^Remove the payment of \$40\.00/ });
	await remove.click();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(payments.getByRole('listitem')).toHaveCount(1);

	await remove.click();
	await dialog.getByRole('button', { name: 'Remove payment' }).click();
	await expect(payments).toContainText('No payments recorded.');
	await expect(figure(page, 'Balance due')).toHaveText('$100.00');
	const toast = page.locator('.toast').filter({ hasText: 'Payment removed' });
	const undo = toast.getByRole('button', { name: 'Undo' });
	await expect(undo).toBeVisible();
	await expectAccessible(page, 'payment removed, with Undo');

	await undo.click();
	await expect(page.getByText('Payment restored')).toBeVisible();
	await expect(payments.getByRole('listitem')).toContainText('BANK-77');
	await expect(figure(page, 'Balance due')).toHaveText('$60.00');
	await page.reload();
	await expect(payments.getByRole('listitem')).toContainText('BANK-77');
	await expect(payments.getByRole('listitem')).toContainText('$40.00');
});
