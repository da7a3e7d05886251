/** `npm run bench`: builds the app, serves it on 127.0.0.1, measures in Chromium. */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../scripts/serve.mjs';
import { launchChromium } from './browser';
import { foundationBench, type Row } from './foundation';
import { aiBench } from './ai';
import { analyticsBench } from './analytics';
import { pdfBench } from './pdf';
import { syncBench } from './sync';

const root = fileURLToPath(new URL('..', import.meta.url));
const PORT = 4199;

if (!process.argv.includes('--no-build')) execSync('npm run build', { cwd: root, stdio: 'ignore' });
const server = await startStaticServer({ dir: `${root}build`, port: PORT });
const browser = await launchChromium();
try {
	const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
	const rows: Row[] = [
		...(only && only !== 'foundation'
			? []
			: await foundationBench(browser, `http://127.0.0.1:${PORT}/`)),
		...(only && only !== 'sync' ? [] : await syncBench()),
		...(only && only !== 'pdf' ? [] : await pdfBench(browser, `http://127.0.0.1:${PORT}/`)),
		...(only && only !== 'analytics' ? [] : analyticsBench()),
		...(only && only !== 'ai' ? [] : await aiBench(browser, `http://127.0.0.1:${PORT}/`))
	];
	console.table(
		rows.map((r) => ({
			metric: r.metric,
			value: Number(r.value.toFixed(1)),
			unit: r.unit,
			target: r.target ?? ''
		}))
	);
	mkdirSync(`${root}bench/results`, { recursive: true });
	const out = `${root}bench/results/bench.json`;
	writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
	console.log(`Wrote ${out}`);
} finally {
	await browser.close();
	server.close();
}
