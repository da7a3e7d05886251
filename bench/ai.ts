/**
 * AI benchmarks (issue 7), in Chromium against the fake Bedrock runtime: the time from
 * `Generate insights` to the first streamed words on screen, less the fake's own latency
 * (what the app adds: SDK, signing, CORS, stream decoding, rendering), and proof that no
 * Bedrock code is in the first load, with the weight of the chunk that loads on first use.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { startDynalite } from '../src/lib/testing/dynalite';
import { startFakeBedrock } from '../src/lib/testing/fake-bedrock';
import { median } from './browser';
import type { Row } from './foundation';

/** The fake waits this long before its first frame, like a model thinking. */
const MODEL_LATENCY_MS = 300;
const RUNS = 10;
/** Strings only the Bedrock Runtime SDK or InvoiceLab's AI code contain. */
const AI_MARKERS = [
	'com.amazonaws.bedrockruntime',
	'report_findings',
	'fill_invoice',
	'ConverseStream'
];

const credentials = readFileSync(
	new URL('../src/lib/aws/fixtures/academy-aws-details.txt', import.meta.url),
	'utf8'
);

/** Clicks Generate insights and resolves with the ms until the narrative shows text. */
function timeToFirstWords(page: Page): Promise<number> {
	return page.evaluate(`new Promise((resolve) => {
		const region = [...document.querySelectorAll('section')].find((s) =>
			s.querySelector('h2')?.textContent === 'AI insights');
		const button = [...region.querySelectorAll('button')].find((b) =>
			b.textContent.trim() === 'Generate insights');
		const start = performance.now();
		const observer = new MutationObserver(() => {
			if (region.querySelector('.narrative')?.textContent) {
				observer.disconnect();
				resolve(performance.now() - start);
			}
		});
		observer.observe(region, { childList: true, subtree: true, characterData: true });
		button.click();
	})`);
}

export async function aiBench(browser: Browser, baseUrl: string): Promise<Row[]> {
	const step = (what: string) => process.stderr.write(`ai bench: ${what}\n`);
	const dynamo = await startDynalite();
	const bedrock = await startFakeBedrock();
	bedrock.answer = () => ({
		stream: ['- Revenue ', 'is steady.'],
		firstByteMs: MODEL_LATENCY_MS
	});
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const scripts = new Map<string, Buffer>();
	page.on('response', async (response) => {
		if (response.url().endsWith('.js')) scripts.set(response.url(), await response.body());
	});
	try {
		step('first load');
		await page.goto(baseUrl, { waitUntil: 'networkidle' });
		const firstLoad = new Map(scripts);
		const isAi = (body: Buffer) => AI_MARKERS.some((m) => body.includes(m));
		const gz = (bodies: Buffer[]) =>
			bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
		const aiInFirstLoad = gz([...firstLoad.values()].filter(isAi));

		step('connecting');
		await page.getByRole('link', { name: 'New invoice', exact: true }).click();
		await page.getByLabel('Client').fill('Bench Client');
		await page.getByLabel('Description').fill('Work');
		await page.getByLabel('Unit price').fill('100');
		await page.getByRole('button', { name: 'Save invoice' }).click();
		await page.getByRole('button', { name: 'Mark as sent' }).click();
		await page.getByRole('link', { name: 'Settings' }).click();
		await page.getByRole('tab', { name: 'AWS' }).click();
		for (const [label, value] of [
			['DynamoDB endpoint', dynamo.endpoint],
			['DynamoDB table', 'aibench'],
			['Bedrock endpoint', bedrock.url]
		] as const) {
			await page.getByLabel(label).fill(value);
			await page.getByLabel(label).blur();
		}
		await page.getByRole('button', { name: /^(Connect|Refresh) AWS$/ }).click();
		await page.getByRole('textbox', { name: 'Credentials' }).fill(credentials);
		await page.getByRole('dialog').getByRole('button', { name: 'Connect', exact: true }).click();
		await page.getByRole('button', { name: 'Create table' }).click();
		await page.getByRole('dialog').waitFor({ state: 'hidden' });
		await page.getByRole('link', { name: 'Analytics' }).click();
		await page.getByRole('button', { name: 'Generate insights' }).waitFor();
		// Charts draw once their width is known; let every one finish (or say it has nothing).
		await page.locator('figure').first().waitFor();
		while ((await page.locator('figure:not(:has(svg)):not(:has(p))').count()) > 0) {
			await page.waitForTimeout(100);
		}
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(1000);

		step('time to first streamed words');
		const before = new Set(scripts.keys());
		const first = await timeToFirstWords(page);
		await page.getByText(/tokens in/).waitFor();
		const lazy = [...scripts.entries()].filter(([url]) => !before.has(url)).map(([, b]) => b);
		const warm: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			warm.push(await timeToFirstWords(page));
			await page.getByText(/tokens in/).waitFor();
		}
		return [
			{
				metric: 'AI and Bedrock code in the first load (gzip)',
				value: aiInFirstLoad / 1024,
				unit: 'KB',
				target: '0'
			},
			{
				metric: 'code loaded on first AI use: Bedrock SDK + wrapper (gzip)',
				value: gz(lazy) / 1024,
				unit: 'KB'
			},
			{
				metric: `first streamed words shown, first call (incl. SDK load) − ${MODEL_LATENCY_MS} ms model latency`,
				value: first - MODEL_LATENCY_MS,
				unit: 'ms'
			},
			{
				metric: `first streamed words shown, warm median − ${MODEL_LATENCY_MS} ms model latency`,
				value: median(warm) - MODEL_LATENCY_MS,
				unit: 'ms'
			}
		];
	} finally {
		await context.close();
		await bedrock.close();
		await dynamo.close();
	}
}
