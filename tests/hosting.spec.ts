import { expect, test } from '@playwright/test';
import { PORTS } from '../playwright.config';
import { createInvoice } from './helpers';

const SUB_PATH = `http://127.0.0.1:${PORTS.subPath}/apps/invoicelab/`;

test('works from a sub-path of a plain static host, reloading on every page', async ({ page }) => {
	await page.goto(SUB_PATH);
	await expect(page.getByRole('heading', { name: 'Invoices', exact: true })).toBeVisible();
	const number = await createInvoice(page, {
		client: 'Sub Path GmbH',
		lines: [{ description: 'Work', unitPrice: '10' }]
	});
	expect(page.url()).toMatch(/\/apps\/invoicelab\/invoices\/view\/\?id=/);
	await page.reload();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF' }).click();
	expect((await download).suggestedFilename()).toBe(`${number}.pdf`);

	for (const [link, heading] of [
		['Clients', 'Clients'],
		['Settings', 'Settings'],
		['New invoice', 'New invoice'],
		['Invoices', 'Invoices']
	]) {
		await page.getByRole('link', { name: link, exact: true }).click();
		await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
		expect(new URL(page.url()).pathname.startsWith('/apps/invoicelab/')).toBe(true);
		await page.reload();
		await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
	}
	await page.getByRole('link', { name: number }).click();
	await page.getByRole('button', { name: 'Edit' }).click();
	// Reloading before the editor's route has loaded would reload the invoice view instead.
	await expect(page.getByRole('heading', { name: `Edit ${number}` })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: `Edit ${number}` })).toBeVisible();
});

test('after one visit the app opens and works with the network off', async ({ page, context }) => {
	await page.goto('./');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// The first visit installs the worker; the next load is controlled by it.
	await page.reload();
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
		.toBe(true);

	await context.setOffline(true);
	await page.goto('./invoices/new/');
	await expect(page.getByRole('heading', { name: 'New invoice' })).toBeVisible();
	const number = await createInvoice(page, {
		client: 'Offline Café',
		lines: [{ description: 'Coffee', unitPrice: '3.5' }]
	});
	await page.reload();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
	// The first PDF ever, offline: the PDF worker, its code and fonts were cached on install.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF' }).click();
	expect((await download).suggestedFilename()).toBe(`${number}.pdf`);
	await page.goto('./settings/');
	await expect(page.getByRole('tab', { name: 'Business' })).toBeVisible();
	await context.setOffline(false);
});

test('the host headers forbid framing the app on another site', async ({ page, request }) => {
	const response = await request.get('./');
	expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(response.headers()['x-content-type-options']).toBe('nosniff');

	await page.goto('about:blank');
	await page.setContent(`<iframe src="http://127.0.0.1:${PORTS.root}/"></iframe>`);
	await expect
		.poll(() => page.frames().map((frame) => frame.url()))
		.toContain('chrome-error://chromewebdata/');
});
