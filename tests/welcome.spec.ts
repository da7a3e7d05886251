import { expect, test } from '@playwright/test';
import { expectAccessible, openInvoices } from './helpers';

test('a first run is guided step by step, and each step is ticked off when done', async ({
	page
}) => {
	await page.goto('./');
	const welcome = page.getByRole('region', { name: 'Welcome to InvoiceLab' });
	const steps = welcome.getByRole('listitem');
	await expect(steps).toHaveText([
		/To do: Set up your business/,
		/To do: Add a client/,
		/To do: Create an invoice/,
		/To do: Connect AWS \(optional\)/
	]);
	await expectAccessible(page, 'welcome');

	await welcome.getByRole('link', { name: 'Add business details' }).click();
	await page.getByLabel('Business name').fill('Studio North');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Business settings saved')).toBeVisible();
	await openInvoices(page);
	await expect(steps.first()).toHaveText(/Done: Set up your business.*issued by Studio North/);

	await welcome.getByRole('link', { name: 'New client' }).click();
	await page.getByLabel('Name', { exact: true }).fill('Acme');
	await page.getByRole('button', { name: 'Save client' }).click();
	// Saving goes back to the client list; leaving before it gets there would be undone by it
	// (or asked about, the form still holding an unsaved change).
	await expect(page.getByText('Client Acme saved')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Client list' })).toBeVisible();
	await openInvoices(page);
	await expect(steps.nth(1)).toHaveText(/Done: Add a client/);
	await expect(steps.nth(2)).toHaveText(/To do: Create an invoice/);

	await welcome.getByRole('button', { name: 'Paste AWS credentials' }).click();
	await expect(page.getByRole('dialog', { name: 'Connect AWS', exact: true })).toBeVisible();
	await page.keyboard.press('Escape');

	await welcome.getByRole('link', { name: 'Create your first invoice' }).click();
	await expect(page.getByRole('heading', { name: 'New invoice' })).toBeVisible();
});
