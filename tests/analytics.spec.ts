import { expect, test } from '@playwright/test';
import { createInvoice } from './helpers';

test('analytics shows one section per currency, an ageing table, and follows the period', async ({
	page
}) => {
	test.setTimeout(60_000);
	await page.goto('./');
	for (const [client, currency, price] of [
		['Dollar Client', 'USD', '1200'],
		['Euro Kunde', 'EUR', '800'],
		['Dollar Client', 'USD', '300']
	] as const) {
		await createInvoice(page, {
			client,
			currency,
			lines: [{ description: 'Work', unitPrice: price }]
		});
		await page.getByRole('button', { name: 'Mark as sent' }).click();
		await expect(page.getByText('Sent', { exact: true }).first()).toBeVisible();
	}
	// A draft is not revenue.
	await createInvoice(page, {
		client: 'Dollar Client',
		lines: [{ description: 'Draft', unitPrice: '999' }]
	});

	await page.getByRole('link', { name: 'Analytics' }).click();
	await expect(page.getByRole('heading', { name: 'Analytics' })).toBeVisible();
	const usd = page.getByRole('region', { name: 'USD', exact: true });
	const eur = page.getByRole('region', { name: 'EUR', exact: true });
	await expect(usd.getByLabel('Revenue')).toHaveText('$1,500.00');
	await expect(usd.getByLabel('Outstanding')).toHaveText('$1,500.00');
	await expect(usd.getByLabel('Overdue')).toHaveText('$0.00');
	await expect(eur.getByLabel('Revenue')).toHaveText('€800.00');
	await expect(eur.getByLabel('Collected')).toHaveText('€0.00');
	await expect(usd.getByRole('table', { name: 'Ageing' })).toContainText('Not yet due');
	await expect(usd.getByRole('table', { name: 'Ageing' })).toContainText('90+');

	await page.getByLabel('Period').selectOption({ label: 'Last month' });
	await expect(usd.getByLabel('Revenue')).toHaveText('$0.00');
	await page.getByLabel('Period').selectOption({ label: 'All time' });
	await expect(usd.getByLabel('Revenue')).toHaveText('$1,500.00');
	await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Euro Kunde' });
	await expect(usd).toBeHidden();
	await expect(eur.getByLabel('Revenue')).toHaveText('€800.00');
});
