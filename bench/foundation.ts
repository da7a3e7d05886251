/**
 * Foundation benchmarks (issue 2): first-load weight and the Analytics page with 10,000
 * invoices; backup import of 10,000 and 100,000 invoices (issue 17, bench/import.ts). The list
 * after a reload and search, at 10,000 and 100,000, are in scale.ts.
 */
import type { Browser } from '@playwright/test';
import { median } from './browser';
import { measureFirstLoad } from './first-load';
import { importBench, importInNewProfile } from './import';

const IMPORT_ROUNDS = 5;

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

	const firstLoad = await measureFirstLoad(page, baseUrl);
	rows.push(...firstLoad.rows);

	// Imports in a fresh profile on disk each, as a user's is (bench/import.ts), before this
	// page is seeded: its own import's aftermath (re-reading, tidying) would compete for the CPU.
	for (const [count, target] of [
		[INVOICES, '≤ 2000'],
		[100_000, '≤ 20000']
	] as const) {
		const times: number[] = [];
		for (let round = 0; round < IMPORT_ROUNDS; round++) {
			times.push(await importInNewProfile(baseUrl, count));
		}
		rows.push({
			metric: `import ${count} invoices (median of ${IMPORT_ROUNDS})`,
			value: median(times),
			unit: 'ms',
			target
		});
	}
	// Seed 10,000 invoices through the app's own import (in this private window's storage).
	rows.push({
		metric: `import ${INVOICES} invoices, private window (seeds this page)`,
		value: await importBench(page, baseUrl, INVOICES),
		unit: 'ms'
	});

	// Analytics (issue 6): from a click on the nav link to the figures of all 10,000 invoices.
	const analytics: number[] = [];
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
	const analyticsInFirstLoad = firstLoad.scripts.some((body) => body.includes('Issued by month'));
	rows.push({
		metric: 'Analytics code in the first load',
		value: analyticsInFirstLoad ? 1 : 0,
		unit: analyticsInFirstLoad ? 'present' : 'absent',
		target: 'absent'
	});
	await context.close();
	return rows;
}
