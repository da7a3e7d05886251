/**
 * `npm run bench`: builds the app, serves it on 127.0.0.1, measures in Chromium; then sync
 * against dynalite and the sync soak. `--only=<section>` runs one section (foundation, scale,
 * sync, pdf, analytics, ai, soak; first-load measures just the first-load weight, a part of
 * foundation); `--no-build` uses the existing build. The build, the server and
 * Chromium are started only for sections that need them.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { startStaticServer } from '../scripts/serve.mjs';
import { launchChromium } from './browser';
import { firstLoadBench } from './first-load';
import { foundationBench, type Row } from './foundation';
import { aiBench } from './ai';
import { analyticsBench } from './analytics';
import { pdfBench } from './pdf';
import { scaleBench } from './scale';
import { soakBench } from './soak';
import { syncBench } from './sync';

const root = fileURLToPath(new URL('..', import.meta.url));
const PORT = 4199;
const BASE_URL = `http://127.0.0.1:${PORT}/`;

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const wanted = (section: string) => (only ? only === section : section !== 'first-load');
const needsBrowser = ['foundation', 'first-load', 'scale', 'pdf', 'ai'].some(wanted);
/** `--sizes=10000,100000`: the invoice counts the scale, sync and analytics sections use. */
const sizes = (
	process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length) ?? '10000,100000'
)
	.split(',')
	.map(Number);

if (needsBrowser && !process.argv.includes('--no-build')) {
	execSync('npm run build:local', { cwd: root, stdio: 'ignore' });
}
const server = needsBrowser ? await startStaticServer({ dir: `${root}build`, port: PORT }) : null;
let browser: Browser | null = null;
const chromium = async () => (browser ??= await launchChromium());
try {
	const sections: [string, () => Row[] | Promise<Row[]>][] = [
		['foundation', async () => foundationBench(await chromium(), BASE_URL)],
		['first-load', async () => firstLoadBench(await chromium(), BASE_URL)],
		['scale', () => scaleBench(BASE_URL, sizes)],
		['sync', () => syncBench(sizes)],
		['pdf', async () => pdfBench(await chromium(), BASE_URL)],
		['analytics', () => analyticsBench(sizes)],
		['ai', async () => aiBench(await chromium(), BASE_URL)],
		['soak', soakBench]
	];
	const rows: (Row & { section: string })[] = [];
	mkdirSync(`${root}bench/results`, { recursive: true });
	const out = `${root}bench/results/bench.json`;
	for (const [section, bench] of sections) {
		if (!wanted(section)) continue;
		rows.push(...(await bench()).map((row) => ({ ...row, section })));
		// Written after each section, keeping the rows of sections not run (yet): a run that
		// fails late keeps what it measured.
		const kept: { section?: string }[] = existsSync(out)
			? (JSON.parse(readFileSync(out, 'utf8')).rows ?? [])
			: [];
		const ran = new Set(rows.map((r) => r.section));
		const merged = [...kept.filter((r) => r.section && !ran.has(r.section)), ...rows];
		writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), rows: merged }, null, 2));
	}
	console.table(
		rows.map((r) => ({
			metric: r.metric,
			value: Number(r.value.toFixed(r.unit === 'ratio' ? 4 : 1)),
			unit: r.unit,
			target: r.target ?? ''
		}))
	);
	console.log(`Wrote ${out}`);
} finally {
	await (browser as Browser | null)?.close();
	server?.close();
}
