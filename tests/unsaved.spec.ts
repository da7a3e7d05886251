import { expect, test, type Page } from '@playwright/test';
import { createInvoice, expectAccessible, openInvoices, openNewInvoice } from './helpers';

test.beforeEach(async ({ page }) => {
	await page.goto('./');
	await expect(page.getByRole('status')).toContainText('Local only');
});

async function newInvoice(page: Page) {
	await openNewInvoice(page);
}

const leaveDialog = (page: Page) => page.getByRole('dialog', { name: 'Leave without saving?' });

test('leaving the editor with changes asks first: Keep editing keeps them, Leave goes', async ({
	page
}) => {
	await newInvoice(page);
	await page.getByLabel('Client').fill('Acme');
	await page.getByLabel('Notes and terms').fill('Typed, not saved');

	await page.getByRole('link', { name: 'Invoices', exact: true }).click();
	const dialog = leaveDialog(page);
	await expect(dialog).toBeVisible();
	await expectAccessible(page, 'leave without saving');
	await dialog.getByRole('button', { name: 'Keep editing' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByRole('heading', { name: 'New invoice' })).toBeVisible();
	await expect(page.getByLabel('Notes and terms')).toHaveValue('Typed, not saved');
	await expect(page.getByLabel('Client')).toHaveValue('Acme');

	await page.getByRole('link', { name: 'Clients', exact: true }).click();
	await dialog.getByRole('button', { name: 'Leave' }).click();
	await expect(page.getByRole('heading', { name: 'Clients', exact: true })).toBeVisible();
	await openInvoices(page);
	await expect(page.getByRole('row')).toHaveCount(0);
});

test('an unchanged editor, a change typed back, and a saved edit leave without asking', async ({
	page
}) => {
	await newInvoice(page);
	await openInvoices(page);

	const number = await createInvoice(page, {
		client: 'Acme',
		lines: [{ description: 'Design', unitPrice: '100' }]
	});
	await page.getByRole('button', { name: 'Edit' }).click();
	await page.getByLabel('Notes and terms').fill('Maybe');
	await page.getByLabel('Notes and terms').fill('');
	await page.getByRole('link', { name: 'Cancel' }).click();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();

	await page.getByRole('button', { name: 'Edit' }).click();
	await page.getByLabel('Notes and terms').fill('Saved before leaving');
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
	await openInvoices(page);
	await expect(leaveDialog(page)).toHaveCount(0);
});

test('reloading the editor with changes lets the browser ask; without changes it does not', async ({
	page
}) => {
	const dialogs: string[] = [];
	page.on('dialog', async (dialog) => {
		dialogs.push(dialog.type());
		await dialog.accept();
	});
	await newInvoice(page);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'New invoice' })).toBeVisible();
	expect(dialogs).toEqual([]);

	await page.getByLabel('Notes and terms').fill('Typed, not saved');
	await page.reload();
	await expect(page.getByLabel('Notes and terms')).toHaveValue('');
	expect(dialogs).toEqual(['beforeunload']);
});

test('the client form and business settings ask too before dropping a change', async ({ page }) => {
	await page.getByRole('link', { name: 'Clients', exact: true }).click();
	await page.getByRole('link', { name: 'Add client' }).click();
	await page.getByLabel('Name').fill('Half-typed Ltd');
	await page.getByRole('link', { name: 'Invoices', exact: true }).click();
	await leaveDialog(page).getByRole('button', { name: 'Keep editing' }).click();
	await expect(page.getByLabel('Name')).toHaveValue('Half-typed Ltd');

	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await leaveDialog(page).getByRole('button', { name: 'Leave' }).click();
	await page.getByLabel('Business name').fill('Studio North');
	await page.getByRole('link', { name: 'Invoices', exact: true }).click();
	await expect(leaveDialog(page)).toBeVisible();
	await leaveDialog(page).getByRole('button', { name: 'Keep editing' }).click();
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Business settings saved')).toBeVisible();
	await openInvoices(page);
});
