import { expect, test, type Locator } from '@playwright/test';
import { makeClient, makeInvoice, makeLine } from '../src/lib/testing/factories';
import { createInvoice, importBackup } from './helpers';

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
		await expect(page.getByRole('button', { name: 'Mark as sent' })).toBeHidden();
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

	// Nothing was dated or paid last month: one line, no empty figures or charts.
	await page.getByLabel('Period').selectOption({ label: 'Last month' });
	await expect(page.getByText('No invoices in EUR or USD this period.')).toBeVisible();
	await expect(usd).toBeHidden();
	await page.getByLabel('Period').selectOption({ label: 'All time' });
	await expect(usd.getByLabel('Revenue')).toHaveText('$1,500.00');
	await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Euro Kunde' });
	await expect(usd).toBeHidden();
	await expect(eur.getByLabel('Revenue')).toHaveText('€800.00');
});

/** The boxes of a chart's axis labels, none of which may touch another. */
async function expectApart(labels: Locator) {
	const boxes = (await labels.evaluateAll((texts) =>
		texts.map((text) => text.getBoundingClientRect().toJSON())
	)) as DOMRect[];
	expect(boxes.length).toBeGreaterThan(1);
	for (const [i, a] of boxes.entries()) {
		for (const b of boxes.slice(i + 1)) {
			const apart =
				a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
			expect(apart, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(true);
		}
	}
}

test('a currency with nothing in the period is one line; 15 months chart with month names that never overlap', async ({
	page
}) => {
	const today = new Date();
	const monthsAgo = (n: number) =>
		new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - n, 10))
			.toISOString()
			.slice(0, 10);
	const client = makeClient({ id: 'c1', name: 'Northwind' });
	const invoices = Array.from({ length: 15 }, (_, i) =>
		makeInvoice({
			id: `usd-${i}`,
			number: `U-${i + 1}`,
			clientId: 'c1',
			clientName: 'Northwind',
			issueDate: monthsAgo(14 - i),
			dueDate: monthsAgo(14 - i),
			status: 'sent',
			lines: [makeLine({ unitPrice: 50_000 + i * 731_300 })]
		})
	);
	invoices.push(
		makeInvoice({
			id: 'eur-1',
			number: 'E-1',
			clientId: 'c1',
			clientName: 'Northwind',
			issueDate: `${today.getUTCFullYear() - 1}-06-15`,
			dueDate: `${today.getUTCFullYear() - 1}-07-15`,
			currency: 'EUR',
			status: 'sent'
		})
	);
	await page.goto('./');
	await importBackup(page, { profile: null, clients: [client], invoices });
	await page.getByRole('link', { name: 'Analytics' }).click();

	// This year: nothing in EUR, so no EUR figures and no chart with empty axes.
	await expect(page.getByText('No invoices in EUR this period.')).toBeVisible();
	await expect(page.getByRole('region', { name: 'EUR', exact: true })).toBeHidden();
	await expect(page.getByRole('figure', { name: /EUR/ })).toHaveCount(0);

	await page.getByLabel('Period').selectOption({ label: 'All time' });
	const chart = page.getByRole('figure', { name: 'Issued by month (USD)' });
	await expect(chart.getByRole('img')).toHaveAccessibleName(
		/^Issued by month \(USD\), bar chart\. [A-Z][a-z]+ \d{4}: \$500\.00, /
	);
	const labels = chart.locator('svg .x-labels text');
	await expect(labels.first()).toBeVisible();
	await expect(chart).not.toContainText(/\d{4}-\d{2}/);
	await expect(chart).toContainText(String(today.getUTCFullYear()));
	await expectApart(labels);
	await page.setViewportSize({ width: 390, height: 844 });
	await expect(async () => {
		expect(await labels.count()).toBeLessThan(15);
	}).toPass();
	await expectApart(labels);
	await expectApart(chart.locator('svg .y-labels text'));
	const ageing = page.getByRole('figure', { name: 'Ageing (USD)' }).locator('svg .x-labels text');
	await expect(ageing).toHaveCount(5);
	await expectApart(ageing);
});
