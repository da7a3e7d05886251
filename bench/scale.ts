/**
 * Scale benchmarks (issue 17), in Chromium at 10,000 and 100,000 invoices seeded through the
 * app's own JSON import (bench/import.ts): the first page of the list after a reload, every invoice read (key
 * figures counted), a search keystroke, Analytics for all time, and the tab's JS heap. Each
 * timed figure is the median (or p95) of 5 rounds, with the budget beside it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/chromium';
import { median, percentile } from './browser';
import type { Row } from './foundation';
import { importBench } from './import';

const ROUNDS = 5;
const BUDGETS: Record<number, { firstRows: number }> = {
	10_000: { firstRows: 300 },
	100_000: { firstRows: 500 }
};

interface ReloadMarks {
	/** The first row of the list is in the DOM. */
	row: number;
	/** The frame after it: the rows are on screen. */
	painted: number;
	/** The count above the list no longer says "Counting": every invoice is read. */
	counted: number;
}

/** Installed before every navigation: notes when the list shows and when it is complete. */
const MARK_LIST = `
	const marks = (window.__marks = {});
	const observer = new MutationObserver(() => {
		if (!marks.row && document.querySelector('table.invoices tbody tr a')) {
			marks.row = performance.now();
			requestAnimationFrame(() => setTimeout(() => (marks.painted = performance.now())));
		}
		const count = document.querySelector('p.count');
		if (marks.row && count && !count.textContent.includes('Counting')) {
			marks.counted = performance.now();
			observer.disconnect();
		}
	});
	observer.observe(document, { childList: true, subtree: true, characterData: true });
`;

export async function scaleBench(baseUrl: string, sizes: number[]) {
	const rows: Row[] = [];
	for (const n of sizes) rows.push(...(await atScale(baseUrl, n)));
	return rows;
}

/** In a fresh browser profile on disk, as a user's is (a private window keeps IndexedDB in memory). */
async function atScale(baseUrl: string, n: number): Promise<Row[]> {
	const label = n.toLocaleString('en-US');
	const dir = mkdtempSync(join(tmpdir(), 'invoicelab-scale-'));
	const context = await chromium.launchPersistentContext(dir, {
		...chromiumLaunchOptions(),
		serviceWorkers: 'block'
	});
	try {
		const page = await context.newPage();
		await importBench(page, baseUrl, n);
		await page.addInitScript(MARK_LIST);
		const reloads: ReloadMarks[] = [];
		for (let i = 0; i < ROUNDS; i++) reloads.push(await reload(page, baseUrl));
		const search = await searchKeystrokes(page);
		const analytics = await analyticsAllTime(page);
		const heap = await heapAfterLoad(page);
		return [
			{
				metric: `${label}: first 50 rows on screen after reload`,
				value: median(reloads.map((r) => r.painted)),
				unit: 'ms',
				target: `≤ ${BUDGETS[n]?.firstRows ?? '–'}`
			},
			{
				metric: `${label}: every invoice read, key figures shown`,
				value: median(reloads.map((r) => r.counted)),
				unit: 'ms'
			},
			{
				metric: `${label}: search keystroke → list (median, ${search.length} keystrokes)`,
				value: median(search),
				unit: 'ms'
			},
			{
				metric: `${label}: search keystroke → list (p95)`,
				value: percentile(search, 95),
				unit: 'ms',
				target: '≤ 50'
			},
			{
				metric: `${label}: Analytics, All time chosen → figures`,
				value: median(analytics),
				unit: 'ms',
				target: '≤ 1000'
			},
			{
				metric: `${label}: JS heap with every invoice read`,
				value: heap,
				unit: 'MB',
				target: '≤ 300'
			}
		];
	} finally {
		await context.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

async function reload(page: Page, baseUrl: string): Promise<ReloadMarks> {
	await page.goto(baseUrl);
	await page.waitForFunction(
		() => {
			const marks = (window as unknown as { __marks?: Partial<ReloadMarks> }).__marks;
			return marks?.painted !== undefined && marks.counted !== undefined;
		},
		null,
		{ timeout: 600_000 }
	);
	return page.evaluate(() => (window as unknown as { __marks: ReloadMarks }).__marks);
}

/** Keystroke → filtered list in the DOM, laid out: typing and deleting six words. */
function searchKeystrokes(page: Page): Promise<number[]> {
	return page.evaluate(async () => {
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
}

/** Analytics open, period switched between This year and All time; the All time switches. */
async function analyticsAllTime(page: Page): Promise<number[]> {
	await page.getByRole('link', { name: 'Analytics', exact: true }).click();
	await page.getByLabel('Period').waitFor();
	const times: number[] = [];
	for (let i = 0; i < ROUNDS; i++) {
		await page.getByLabel('Period').selectOption('this-year');
		times.push(
			await page.evaluate(async () => {
				const select = document.querySelector<HTMLSelectElement>('#analytics-period')!;
				const before = document.querySelector('main')!.textContent;
				const start = performance.now();
				select.value = 'all-time';
				select.dispatchEvent(new Event('change', { bubbles: true }));
				while (document.querySelector('main')!.textContent === before) {
					await new Promise((resolve) => requestAnimationFrame(resolve));
				}
				return performance.now() - start;
			})
		);
	}
	return times;
}

/** The page's JS heap after a full garbage collection, with every invoice read. */
async function heapAfterLoad(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	await cdp.detach();
	return usedSize / 1024 / 1024;
}
