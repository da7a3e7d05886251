import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { startDeployHost, type DeployHost } from '../src/lib/testing/deploy-host';
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

// A host of its own for each test that deploys: a deploy must not reach other tests' browsers.
const deployTest = test.extend<{ host: DeployHost }>({
	// Playwright reads the fixtures a function needs from its first parameter's pattern.
	// eslint-disable-next-line no-empty-pattern
	host: async ({}, use) => {
		const host = await startDeployHost(fileURLToPath(new URL('../build', import.meta.url)));
		await use(host);
		await host.close();
	}
});

deployTest(
	'a new version waits for Reload; open tabs keep the files they were built with',
	async ({ context, page, host }) => {
		const gone = 'invoicelab-0';
		const cacheNames = () => page.evaluate(() => caches.keys());
		const notice = (tab: Page) =>
			tab.locator('.update').filter({ hasText: 'A new version is ready' });

		// The first visit installs the worker, which takes the page over by itself.
		await page.goto(host.url);
		await expect
			.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
			.toBe(true);
		// The cache of a version no tab runs any more, as an earlier deploy would have left.
		await page.evaluate((name) => caches.open(name), gone);
		const old = await context.newPage();
		await old.goto(`${host.url}clients/`);
		await expect(old.getByRole('heading', { name: 'Clients', exact: true })).toBeVisible();
		await old.evaluate(() => Object.assign(window, { loadedOnce: true }));

		const { version, next } = await host.deployWorker();
		await page.evaluate(async () => {
			await (await navigator.serviceWorker.getRegistration())?.update();
		});
		await expect(notice(page)).toBeVisible();
		await expect(notice(old)).toBeVisible();
		await old.evaluate(async () => {
			const waiting = (await navigator.serviceWorker.getRegistration())?.waiting;
			Object.assign(window, { waitingWorker: waiting });
		});

		const reloaded = page.waitForEvent('load');
		await notice(page).getByRole('button', { name: 'Reload' }).focus();
		await page.keyboard.press('Enter');
		await reloaded;
		await expect(page.getByRole('heading', { name: 'Invoices', exact: true })).toBeVisible();
		await expect(notice(page)).toHaveCount(0);
		expect(
			await page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				return navigator.serviceWorker.controller !== null && registration?.waiting === null;
			})
		).toBe(true);

		// The other tab was not reloaded under its user; the new worker serves it now...
		await expect
			.poll(() =>
				old.evaluate(
					() =>
						navigator.serviceWorker.controller ===
						(window as unknown as { waitingWorker: ServiceWorker }).waitingWorker
				)
			)
			.toBe(true);
		expect(await old.evaluate(() => 'loadedOnce' in window)).toBe(true);
		await expect(notice(old)).toBeVisible();
		// ...and the files of the version it runs stay, while a version no tab runs is gone.
		await expect
			.poll(cacheNames)
			.toEqual(expect.arrayContaining([`invoicelab-${version}`, `invoicelab-${next}`]));
		await expect.poll(cacheNames).not.toContain(gone);

		// A real deploy replaces the hashed files: the host and the new cache lack the old ones.
		host.dropOldFiles();
		const oldFile = await old.evaluate(async (name) => {
			const cache = await caches.open(name);
			const files = (await cache.keys()).filter((r) => r.url.includes('/_app/immutable/'));
			await Promise.all(files.map((file) => cache.delete(file)));
			return files.find((file) => file.url.endsWith('.js'))?.url ?? 'none';
		}, `invoicelab-${next}`);
		expect(
			await old.evaluate(async (url) => (await fetch(url, { cache: 'no-store' })).status, oldFile)
		).toBe(200);
		// The old tab's next lazy import (a page it has not opened yet) still loads.
		await old.getByRole('link', { name: 'Analytics', exact: true }).click();
		await expect(old.getByRole('heading', { name: 'Analytics', exact: true })).toBeVisible();
	}
);
