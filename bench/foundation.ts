/**
 * Foundation benchmarks (issue 2): first-load weight, Invoices page render after reload with
 * 10,000 invoices, and keystroke-to-updated-list latency in `Search invoices`; backup import of
 * 10,000 and 100,000 invoices (issue 17, bench/import.ts).
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { median, percentile } from './browser';
import { importBench, importInNewProfile } from './import';

export interface Row {
	metric: string;
	value: number;
	unit: string;
	target?: string;
}

const INVOICES = 10_000;

export async function foundationBench(browser: Browser, baseUrl: string): Promise<Row[]> {
	const rows: Row[] = [];
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();

	// First load: every script and stylesheet the browser fetched, gzip-compressed.
	const loaded: { type: string; body: Buffer }[] = [];
	page.on('response', async (response) => {
		const type = response.request().resourceType();
		if (type === 'script' || type === 'stylesheet')
			loaded.push({ type, body: await response.body() });
	});
	await page.goto(baseUrl, { waitUntil: 'networkidle' });
	await page.getByText('No invoices yet').waitFor();
	const gz = (type: string) =>
		loaded
			.filter((r) => r.type === type)
			.reduce((sum, r) => sum + gzipSync(r.body, { level: 9 }).length, 0);
	rows.push({
		metric: 'first load JS (gzip)',
		value: gz('script') / 1024,
		unit: 'KB',
		target: '≤ 100'
	});
	rows.push({ metric: 'first load CSS (gzip)', value: gz('stylesheet') / 1024, unit: 'KB' });
	page.removeAllListeners('response');

	// Seed 10,000 invoices through the app's own import (in this private window's storage),
	// then time imports in a profile on disk, as a user's is (bench/import.ts).
	rows.push({
		metric: `import ${INVOICES} invoices, private window (seeds this page)`,
		value: await importBench(page, baseUrl, INVOICES),
		unit: 'ms'
	});
	for (const [count, target] of [
		[INVOICES, '≤ 2000'],
		[100_000, '≤ 20000']
	] as const) {
		rows.push({
			metric: `import ${count} invoices`,
			value: await importInNewProfile(baseUrl, count),
			unit: 'ms',
			target
		});
	}

	// Reload render: navigation start → the first page of rows is in the DOM.
	await page.addInitScript(() => {
		const observer = new MutationObserver(() => {
			if (document.querySelector('table.invoices tbody tr a')) {
				(window as unknown as { __listShownAt: number }).__listShownAt = performance.now();
				observer.disconnect();
			}
		});
		observer.observe(document, { childList: true, subtree: true });
	});
	const renders: number[] = [];
	for (let i = 0; i < 5; i++) {
		await page.goto(baseUrl);
		await page.waitForFunction(() => 'listShownAt' in window || '__listShownAt' in window, null, {
			timeout: 30_000
		});
		renders.push(
			await page.evaluate(() => (window as unknown as { __listShownAt: number }).__listShownAt)
		);
	}
	rows.push({
		metric: `Invoices page shown after reload, ${INVOICES} invoices (median of 5)`,
		value: median(renders),
		unit: 'ms',
		target: '≤ 1000'
	});

	// Keystroke → filtered list in the DOM, laid out.
	const samples: number[] = await page.evaluate(async () => {
		const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
		const words = ['design', 'client 12', 'inv-2026-00', 'audit work', 'zzz', 'hosting'];
		const times: number[] = [];
		for (const word of words) {
			for (const text of [
				...[...word].map((_, i) => word.slice(0, i + 1)),
				...[...word].map((_, i) => word.slice(0, word.length - i - 1))
			]) {
				const start = performance.now();
				input.value = text;
				input.dispatchEvent(new Event('input', { bubbles: true }));
				await new Promise((resolve) => setTimeout(resolve, 0));
				void document.body.offsetHeight;
				times.push(performance.now() - start);
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
		}
		return times;
	});
	rows.push({
		metric: `search keystroke → list (median, ${samples.length} keystrokes)`,
		value: median(samples),
		unit: 'ms'
	});
	rows.push({
		metric: 'search keystroke → list (p95)',
		value: percentile(samples, 95),
		unit: 'ms',
		target: '≤ 50'
	});

	// Analytics (issue 6): from a click on the nav link to the figures of all 10,000 invoices.
	const analytics: number[] = [];
	const firstLoadScripts = [...loaded.filter((r) => r.type === 'script').map((r) => r.body)];
	for (let i = 0; i < 5; i++) {
		await page.goto(baseUrl);
		await page.locator('table.invoices tbody tr a').first().waitFor();
		analytics.push(
			await page.evaluate(async () => {
				const start = performance.now();
				document.querySelector<HTMLAnchorElement>('nav a[href$="analytics/"]')!.click();
				while (document.querySelector('table caption')?.textContent !== 'Ageing') {
					await new Promise((resolve) => requestAnimationFrame(resolve));
				}
				return performance.now() - start;
			})
		);
	}
	rows.push({
		metric: `Analytics page shown, ${INVOICES} invoices (median of 5)`,
		value: median(analytics),
		unit: 'ms',
		target: '≤ 500'
	});
	const analyticsInFirstLoad = firstLoadScripts.some((body) => body.includes('Issued by month'));
	rows.push({
		metric: 'Analytics code in the first load',
		value: analyticsInFirstLoad ? 1 : 0,
		unit: analyticsInFirstLoad ? 'present' : 'absent',
		target: 'absent'
	});
	await context.close();
	return rows;
}
