import { expect, test, type Page } from '@playwright/test';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../src/lib/testing/factories';
import { expectAccessible, importBackup, openNewInvoice } from './helpers';

const PHONE = 390;

/** A date `days` from today, as the app stores it. */
function daysFromNow(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Several invoices in two currencies over a year, with long names, discounts and payments. */
function dataset() {
	const clients = [
		makeClient({
			id: 'c1',
			name: 'Northwind Traders International GmbH',
			email: 'accounts.payable@northwind-traders.example',
			taxId: 'DE123456789'
		}),
		makeClient({ id: 'c2', name: 'Acme Ltd', email: 'billing@acme.test', taxId: 'GB987654321' })
	];
	const lines = [
		makeLine({
			id: 'l1',
			description: 'Design of the spring catalogue, 48 pages, two rounds of changes',
			quantity: 12.5,
			unitPrice: 1_234_50,
			taxRate: 19,
			discountPercent: 10
		}),
		makeLine({ id: 'l2', description: 'Hosting', quantity: 1, unitPrice: 99_00, taxRate: 19 })
	];
	const invoices = Array.from({ length: 8 }, (_, i) =>
		makeInvoice({
			id: `i${i}`,
			number: `INV-2026-${String(i + 1).padStart(4, '0')}`,
			clientId: i % 2 ? 'c2' : 'c1',
			clientName: i % 2 ? 'Acme Ltd' : 'Northwind Traders International GmbH',
			currency: i % 3 ? 'EUR' : 'USD',
			// A draft and a sent invoice this month, then one every 40 days.
			issueDate: daysFromNow(i < 2 ? -i : -40 * i),
			dueDate: daysFromNow(i < 2 ? 30 : 30 - 40 * i),
			status: i === 0 ? 'draft' : 'sent',
			lines,
			payments: [
				{
					id: 'p1',
					date: daysFromNow(-40 * i + 12),
					amount: i === 3 ? 16_644_67 : 500_00,
					note: ''
				}
			].filter(() => i === 2 || i === 3)
		})
	);
	const profile = makeProfile({
		name: 'Studio Example',
		address: '1 Long Street\n12345 Somewhere',
		email: 'hello@studio.example',
		taxId: 'DE999999999'
	});
	return { profile, clients, invoices };
}

/**
 * Fails when the page, or any box that could scroll sideways (table regions, wrappers), is
 * wider than the space it has: at a phone's width nothing may be clipped or scroll sideways.
 */
async function expectFits(page: Page, where: string) {
	const overflows = await page.evaluate(() => {
		const found: string[] = [];
		const root = document.documentElement;
		if (root.scrollWidth > root.clientWidth) {
			found.push(`page: ${root.scrollWidth} > ${root.clientWidth}`);
		}
		for (const element of document.querySelectorAll<HTMLElement>('body *')) {
			if (element.matches('input, select, textarea') || element.clientWidth < 2) continue;
			const scrolls = getComputedStyle(element).overflowX !== 'visible';
			const region = element.matches('[role=region], table, nav');
			if ((scrolls || region) && element.scrollWidth > element.clientWidth) {
				const name = element.getAttribute('aria-label') ?? element.className;
				found.push(`${element.tagName} ${name}: ${element.scrollWidth} > ${element.clientWidth}`);
			}
		}
		return found;
	});
	expect(overflows, where).toEqual([]);
}

/** The navigation shows the current page, whole, without scrolling to it. */
async function expectCurrentPageShown(page: Page, name: string) {
	const link = page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name, exact: true });
	await expect(link).toHaveAttribute('aria-current', 'page');
	await expect(link).toBeInViewport({ ratio: 1 });
}

/** Checks one page as it is now: it fits, the navigation says where we are, and (on a phone) axe. */
async function check(page: Page, width: number, where: string, navItem: string) {
	await expectFits(page, `${where} at ${width}px`);
	await expectCurrentPageShown(page, navItem);
	if (width === PHONE) await expectAccessible(page, `${where} at ${width}px`);
}

for (const width of [PHONE, 1280]) {
	test(`every page fits ${width} px, empty and with data, and shows where you are`, async ({
		page
	}) => {
		// A tour of every page twice, with axe on each at the phone's width.
		test.setTimeout(120_000);
		await page.setViewportSize({ width, height: 844 });
		await page.goto('./');
		await expect(page.getByText('No invoices yet')).toBeVisible();
		await check(page, width, 'empty invoices', 'Invoices');
		await openNewInvoice(page);
		await check(page, width, 'new invoice', 'New invoice');
		await page.getByRole('link', { name: 'Clients', exact: true }).click();
		await expect(page.getByText('No clients yet')).toBeVisible();
		await check(page, width, 'empty clients', 'Clients');
		await page.getByRole('link', { name: 'Analytics', exact: true }).click();
		await expect(page.getByText('No invoices yet')).toBeVisible();
		await check(page, width, 'empty analytics', 'Analytics');

		await importBackup(page, dataset());
		for (const tab of ['Business', 'AWS', 'Data']) {
			await page.getByRole('tab', { name: tab }).click();
			// By name: the panel of the tab left is a visible tabpanel too.
			await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
			await check(page, width, `settings ${tab}`, 'Settings');
		}

		await page.getByRole('link', { name: 'Invoices', exact: true }).click();
		await expect(
			page
				.getByRole('region', { name: 'Invoice list' })
				.getByRole('link', { name: 'INV-2026-0008' })
		).toBeVisible();
		await check(page, width, 'invoices', 'Invoices');

		await page
			.getByRole('region', { name: 'Invoice list' })
			.getByRole('link', { name: 'INV-2026-0003' })
			.click();
		await expect(page.getByRole('heading', { name: 'Invoice INV-2026-0003' })).toBeVisible();
		await check(page, width, 'invoice view', 'Invoices');
		// Issued invoices are not edited: the draft is.
		await page.getByRole('link', { name: 'Invoices', exact: true }).click();
		await page
			.getByRole('region', { name: 'Invoice list' })
			.getByRole('link', { name: 'INV-2026-0001' })
			.click();
		await page.getByRole('button', { name: 'Edit' }).click();
		await expect(page.getByRole('heading', { name: 'Edit INV-2026-0001' })).toBeVisible();
		await check(page, width, 'invoice edit', 'Invoices');

		await page.getByRole('link', { name: 'Clients', exact: true }).click();
		await page.getByRole('link', { name: 'Northwind Traders International GmbH' }).click();
		await expect(page.getByRole('heading', { name: /^Edit Northwind/ })).toBeVisible();
		await check(page, width, 'client edit', 'Clients');
		await page.goBack();
		await expect(page.getByRole('region', { name: 'Client list' })).toBeVisible();
		await check(page, width, 'clients', 'Clients');

		await page.getByRole('link', { name: 'Analytics', exact: true }).click();
		await page.getByLabel('Period').selectOption({ label: 'All time' });
		await expect(page.getByRole('region', { name: 'USD', exact: true })).toBeVisible();
		await check(page, width, 'analytics', 'Analytics');
	});
}

test('on a phone the invoice list starts on the first screen, below compact key figures', async ({
	page
}) => {
	await page.setViewportSize({ width: PHONE, height: 844 });
	await page.goto('./');
	await importBackup(page, dataset());
	await page.getByRole('link', { name: 'Invoices', exact: true }).click();
	const figures = page.getByRole('region', { name: 'Key figures' });
	await expect(figures).toContainText('Issued this month');
	const list = page.getByRole('region', { name: 'Invoice list' });
	await expect(list.getByRole('link', { name: 'INV-2026-0001' })).toBeInViewport();
	expect((await figures.boundingBox())!.height).toBeLessThan(140);
});

test('analytics with a year of data in two currencies stays a few screens tall on a phone', async ({
	page
}) => {
	await page.setViewportSize({ width: PHONE, height: 844 });
	await page.goto('./');
	await importBackup(page, dataset());
	await page.getByRole('link', { name: 'Analytics', exact: true }).click();
	await page.getByLabel('Period').selectOption({ label: 'All time' });
	await expect(page.getByRole('region', { name: 'EUR', exact: true })).toBeVisible();
	const table = page.getByRole('table', { name: 'Issued by month' }).first();
	await expect(table).not.toContainText(/\d{4}-\d{2}/);
	await expect(page.getByText(/0\.0 days/)).toHaveCount(0);
	// About 5,000 px before the figures were made compact for phones; about 4,150 after.
	const height = await page.evaluate(() => document.documentElement.scrollHeight);
	expect(height).toBeLessThan(4400);
});
