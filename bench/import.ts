/**
 * Backup import (issue 17): from the moment a JSON backup of `n` invoices is chosen in
 * Settings → Data to the "Imported …" message, in ms. The file is handed to the page before
 * the clock starts: tens of MB through the browser protocol would time the test harness.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { buildSnapshot } from '../src/lib/storage/transfer';
import { makeDataset, makeProfile } from '../src/lib/testing/factories';
import { chromiumLaunchOptions } from '../tests/chromium';

/**
 * `importBench` in a fresh browser profile on disk, as a user's is. A `browser.newContext()`
 * is a private window, whose IndexedDB lives in memory: in Chromium 150 that one slows down
 * as it fills (10,000 records with their outbox entries take several times longer there).
 */
export async function importInNewProfile(baseUrl: string, n: number): Promise<number> {
	const dir = mkdtempSync(join(tmpdir(), 'invoicelab-bench-'));
	const context = await chromium.launchPersistentContext(dir, {
		...chromiumLaunchOptions(),
		serviceWorkers: 'block'
	});
	try {
		return await importBench(await context.newPage(), baseUrl, n);
	} finally {
		await context.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function importBench(page: Page, baseUrl: string, n: number): Promise<number> {
	const { clients, invoices } = makeDataset(n);
	const body = JSON.stringify(
		buildSnapshot({ profile: makeProfile(), clients, invoices }, new Date().toISOString())
	);
	const url = `${baseUrl}bench-import.json`;
	await page.route(url, (route) => route.fulfill({ body, contentType: 'application/json' }));
	await page.goto(`${baseUrl}settings/`);
	await page.getByRole('tab', { name: 'Data' }).click();
	const outcome = await page.evaluate(async (url) => {
		const blob = await (await fetch(url)).blob();
		const files = new DataTransfer();
		files.items.add(new File([blob], 'seed.json', { type: 'application/json' }));
		const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
		input.files = files.files;
		const start = performance.now();
		input.dispatchEvent(new Event('change', { bubbles: true }));
		while (!/Imported seed\.json|not imported/.test(document.body.textContent ?? '')) {
			await new Promise((resolve) => requestAnimationFrame(resolve));
		}
		const failure = document.querySelector('[role="alert"]')?.textContent;
		return { ms: performance.now() - start, failure };
	}, url);
	await page.unroute(url);
	if (outcome.failure) throw new Error(`The import failed: ${outcome.failure}`);
	return outcome.ms;
}
