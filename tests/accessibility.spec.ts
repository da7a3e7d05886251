import { expect, test, type Locator, type Page } from '@playwright/test';
import { createInvoice, expectAccessible, openNewInvoice } from './helpers';

/** Presses Tab until the target has focus, proving it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator) {
	for (let i = 0; i < 40; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}

for (const width of [1280, 390]) {
	test(`axe finds no serious violations on any page at ${width}px`, async ({ page }) => {
		// A tour of every page with a full axe run on each: about 25 s alone, more under load.
		test.setTimeout(90_000);
		await page.setViewportSize({ width, height: 900 });
		await page.goto('./');
		await expect(page.getByText('No invoices yet')).toBeVisible();
		await expectAccessible(page, 'empty invoices');

		const number = await createInvoice(page, {
			client: 'Axe & Co',
			lines: [{ description: 'Audit', unitPrice: '99' }]
		});
		await page.getByRole('button', { name: 'Delete invoice' }).click();
		await expectAccessible(page, 'delete dialog');
		await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

		await page.getByRole('button', { name: 'Mark as sent' }).click();
		await expect(page.getByRole('button', { name: 'Record payment' })).toBeVisible();
		await expectAccessible(page, 'invoice view');
		await page.getByRole('button', { name: 'Correct invoice' }).click();
		await expectAccessible(page, 'correct dialog');
		await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

		await openNewInvoice(page);
		await page.getByLabel('Unit price').fill('x');
		await page.getByRole('button', { name: 'Save invoice' }).click();
		await expectAccessible(page, 'editor with errors');

		await page.goto('./');
		await expect(page.getByRole('link', { name: number })).toBeVisible();
		await page.getByRole('button', { name: 'More filters' }).click();
		await expectAccessible(page, 'invoices');

		await page.goto('./clients/');
		await expectAccessible(page, 'clients');
		await page.getByRole('link', { name: 'Axe & Co' }).click();
		await expectAccessible(page, 'client editor');

		await page.goto('./analytics/');
		await expect(page.getByRole('table', { name: 'Ageing' }).first()).toBeVisible();
		await expectAccessible(page, 'analytics');

		await page.goto('./settings/');
		await expectAccessible(page, 'settings business');
		await page.getByRole('tab', { name: 'Data' }).click();
		await expectAccessible(page, 'settings data');
		await page.getByRole('tab', { name: 'AWS' }).click();
		await page.getByLabel('DynamoDB table').fill('x');
		await page.getByLabel('DynamoDB table').blur();
		await expect(page.getByText('must be 3–255')).toBeVisible();
		await expectAccessible(page, 'settings aws');

		await page.getByRole('button', { name: 'Connect AWS' }).click();
		await page.getByRole('textbox', { name: 'Credentials' }).fill('aws_access_key_id=ASIA');
		await page.getByRole('button', { name: 'Connect', exact: true }).click();
		await expect(page.getByRole('dialog').getByRole('alert')).toBeVisible();
		await expectAccessible(page, 'credentials dialog');
	});
}

test('the main flow works with the keyboard alone', async ({ page }) => {
	await page.goto('./invoices/new/');
	await page.getByLabel('Client').focus();
	await page.keyboard.type('Keyboard Ltd');
	await tabTo(page, page.getByLabel('Description'));
	await page.keyboard.type('First');
	await page.keyboard.press('Tab');
	await page.keyboard.type('2');
	await page.keyboard.press('Tab'); // Unit
	await page.keyboard.press('Tab');
	await page.keyboard.type('10');
	// Enter on the last line starts a new one and moves there.
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Description').nth(1)).toBeFocused();
	await page.keyboard.type('Second');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await page.keyboard.type('5');
	await expect(page.getByLabel('Total', { exact: true })).toHaveText('$25.00');
	await tabTo(page, page.getByRole('button', { name: 'Save invoice' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: /^Invoice INV-/ })).toBeVisible();

	await page.keyboard.press('Shift+Tab');
	await tabTo(page, page.getByRole('link', { name: 'Settings', exact: true }));
	await page.keyboard.press('Enter');
	await tabTo(page, page.getByRole('tab', { name: 'Business' }));
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tab', { name: 'AWS' })).toBeFocused();
	await expect(page.getByLabel('DynamoDB endpoint')).toBeVisible();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tab', { name: 'Data' })).toBeFocused();
	await expect(page.getByRole('button', { name: 'Export JSON' })).toBeVisible();
});
