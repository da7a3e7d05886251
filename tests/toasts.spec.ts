import { expect, test, type Locator } from '@playwright/test';
import { createInvoice } from './helpers';

async function box(locator: Locator) {
	const found = await locator.boundingBox();
	if (!found) throw new Error('not laid out');
	return found;
}

/** Whether two boxes share any area. */
function overlaps(
	a: { x: number; y: number; width: number; height: number },
	b: { x: number; y: number; width: number; height: number }
) {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const width of [1280, 390]) {
	test(`a toast never covers the totals or what the user scrolled to (${width} px)`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height: width > 600 ? 800 : 700 });
		await page.goto('./');
		await expect(page.getByRole('status')).toContainText('Local only');
		// Enough lines that the totals sit low in the first screen, where a corner toast went.
		const number = await createInvoice(page, {
			client: 'Acme',
			lines: ['Design', 'Build', 'Host'].map((description) => ({
				description,
				unitPrice: '100'
			}))
		});
		const toast = page.locator('.toast').filter({ hasText: `Invoice ${number} saved` });
		await expect(toast).toBeVisible();
		for (const name of ['Total', 'Balance due']) {
			const row = page.locator('dt', { hasText: new RegExp(`^${name}$`) });
			// The bottom edge is where a corner toast sat.
			await row.evaluate((element) => element.scrollIntoView({ block: 'end' }));
			expect(overlaps(await box(toast), await box(row)), `${name} is covered`).toBe(false);
			expect(overlaps(await box(toast), await box(row.locator('+ dd'))), `${name} figure`).toBe(
				false
			);
		}

		// A toast raised far down a page is still seen, and covers none of the controls there.
		await page.getByRole('link', { name: 'Settings', exact: true }).click();
		const save = page.getByRole('button', { name: 'Save settings' });
		await save.evaluate((element) => element.scrollIntoView({ block: 'end' }));
		await page.getByLabel('Business name').fill('Studio North');
		await save.click();
		// By name: the first toast may still be the invoice's "saved" from a moment ago.
		const saved = page.locator('.toast').filter({ hasText: 'Business settings saved' });
		await expect(saved).toBeInViewport();
		expect(overlaps(await box(saved), await box(save)), 'the Save button is covered').toBe(false);
	});
}
