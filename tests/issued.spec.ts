import { expect, test } from '@playwright/test';
import { createInvoice, downloadedPdfText, expectAccessible } from './helpers';

test('an issued invoice is a record: later edits elsewhere never reach it, corrections are linked', async ({
	page
}) => {
	await page.goto('./settings/');
	await page.getByLabel('Business name').fill('Studio North');
	await page.getByLabel('Tax ID').fill('DE111111111');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Business settings saved')).toBeVisible();

	const number = await createInvoice(page, {
		client: 'Acme Ltd',
		lines: [{ description: 'Design work', unitPrice: '800' }]
	});
	await page.getByRole('button', { name: 'Mark as sent' }).click();
	await expect(page.getByText('its details are kept as they were then')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Delete invoice' })).toHaveCount(0);
	const issuedPdf = await downloadedPdfText(page, number);
	expect(issuedPdf).toContain('Studio North');
	expect(issuedPdf).toContain('Tax ID DE111111111');

	// The client and the business change afterwards.
	await page.getByRole('link', { name: 'Clients', exact: true }).click();
	await page.getByRole('link', { name: 'Acme Ltd' }).click();
	await page.getByLabel('Tax ID').fill('GB999999999');
	await page.getByLabel('Address').fill('9 New Road');
	await page.getByRole('button', { name: 'Save client' }).click();
	// Saving returns to the list; a click before that navigation ends would be undone by it.
	await expect(page.getByRole('link', { name: 'Acme Ltd' })).toBeVisible();
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await page.getByLabel('Business name').fill('Studio North Renamed');
	await page.getByLabel('Tax ID').fill('DE222222222');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Business settings saved')).toBeVisible();

	await page.getByRole('link', { name: 'Invoices', exact: true }).click();
	await page.getByRole('link', { name: number }).click();
	const invoice = page.getByRole('region', { name: 'Invoice' });
	await expect(invoice).toContainText('Tax ID DE111111111');
	await expect(invoice).not.toContainText('GB999999999');
	await expect(invoice).not.toContainText('Renamed');
	expect(await downloadedPdfText(page, number)).toBe(issuedPdf);
	// The download is logged once the file is handed over; the page.goto below would drop that
	// write if it were still under way, so wait for the entry it makes.
	await expect(
		page
			.getByRole('region', { name: 'Activity' })
			.getByRole('listitem')
			.filter({ hasText: 'PDF downloaded' })
	).toHaveCount(2);

	// Its editor cannot be reached by address either.
	const viewUrl = page.url();
	await page.goto(viewUrl.replace('/invoices/view/', '/invoices/edit/'));
	await expect(page.getByRole('heading', { name: `Invoice ${number} was issued` })).toBeVisible();
	await expect(page.getByLabel('Description')).toHaveCount(0);
	await page.getByRole('link', { name: `Open invoice ${number}` }).click();

	// A correction voids it and opens a linked draft with the same lines.
	await page.getByRole('button', { name: 'Correct invoice' }).click();
	const dialog = page.getByRole('dialog', { name: `Correct invoice ${number}?` });
	await expectAccessible(page, 'correct dialog');
	await dialog.getByRole('button', { name: 'Void and correct' }).click();
	const edit = page.getByRole('heading', { name: /^Edit / });
	await expect(edit).toBeVisible();
	const correction = (await edit.textContent())!.replace('Edit ', '').trim();
	expect(correction).not.toBe(number);
	await expect(page.getByLabel('Description')).toHaveValue('Design work');
	await page.getByLabel('Unit price').fill('750');
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByRole('heading', { name: `Invoice ${correction}` })).toBeVisible();
	// A draft shows the details as they are now.
	await expect(page.getByRole('region', { name: 'Invoice' })).toContainText('GB999999999');
	await page.getByRole('link', { name: `invoice ${number}` }).click();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
	await expect(page.getByText('Void', { exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: `invoice ${correction}` })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('region', { name: 'Invoice' })).toContainText('Tax ID DE111111111');

	// Its log tells the story, newest first.
	const activity = page.getByRole('region', { name: 'Activity' }).getByRole('listitem');
	await expect(activity).toHaveText([
		/^Voided and corrected/,
		/^PDF downloaded/,
		/^PDF downloaded/,
		/^Issued and marked as sent/,
		/^Created/
	]);
});
