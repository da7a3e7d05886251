/**
 * Foundation benchmarks (issue 2): first-load weight, import, and the Analytics page with
 * 10,000 invoices. The list after a reload and search, at 10,000 and 100,000, are in scale.ts.
 */
import type { Browser } from '@playwright/test';
import { buildSnapshot } from '../src/lib/storage/transfer';
import { makeDataset, makeProfile } from '../src/lib/testing/factories';
import { median } from './browser';
import { measureFirstLoad } from './first-load';

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

	// Seed 10,000 invoices through the app's own import.
	const { clients, invoices } = makeDataset(INVOICES);
	const file = JSON.stringify(
		buildSnapshot({ profile: makeProfile(), clients, invoices }, new Date().toISOString())
	);
	await page.goto(`${baseUrl}settings/`);
	await page.getByRole('tab', { name: 'Data' }).click();
	const chooser = page.waitForEvent('filechooser');
	const importStart = Date.now();
	await page.getByRole('button', { name: 'Import JSON' }).click();
	await (
		await chooser
	).setFiles({ name: 'seed.json', mimeType: 'application/json', buffer: Buffer.from(file) });
	await page.getByText(/^Imported seed\.json/).waitFor({ timeout: 600_000 });
	rows.push({
		metric: `import ${INVOICES} invoices (validate + 1 transaction)`,
		value: Date.now() - importStart,
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
