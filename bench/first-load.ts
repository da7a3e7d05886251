/**
 * First-load weight (issues 2 and 17): every script and stylesheet the browser fetches to open
 * `/` on an empty app until "No invoices yet" shows, gzip -9, with the biggest script chunks
 * named by Vite's manifest, so a regression points at what entered the first load.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from '@playwright/test';
import { minifySync } from 'rolldown/utils';
import type { Row } from './foundation';

/** How many of the biggest first-load scripts get a row of their own. */
const NAMED_CHUNKS = 3;
const VITE_DIR = new URL('../.svelte-kit/output/client/.vite/', import.meta.url);

/** Chunk file (e.g. `_app/immutable/chunks/Ab12.js`) → the name Vite gave it (`first-load`). */
function chunkNames(): Map<string, string> {
	const manifest: Record<string, { file: string; name?: string }> = JSON.parse(
		readFileSync(new URL('manifest.json', VITE_DIR), 'utf8')
	);
	return new Map(Object.values(manifest).map((c) => [c.file, c.name ?? c.file]));
}

/** The part of the app a module belongs to: a package, or a folder of src/. */
function partOf(id: string): string {
	const pkg = /node_modules[\\/]((@[^\\/]+[\\/])?[^\\/]+)/.exec(id)?.[1];
	if (pkg) return pkg.replace('\\', '/');
	const folder = /src[\\/](lib[\\/][^\\/]+|routes)/.exec(id)?.[1];
	return folder ? `src/${folder.replace('\\', '/')}` : 'generated';
}

/**
 * The first-load chunk's gzip size shared out over the parts of the app, in proportion to the
 * gzip size of each part's code minified on its own (vite.config.ts lists the chunk's modules):
 * an estimate, to see what grew.
 */
function firstLoadParts(file: string, kb: number): Row[] {
	const report: { file: string; modules: Record<string, string> } = JSON.parse(
		readFileSync(new URL('first-load.json', VITE_DIR), 'utf8')
	);
	if (report.file !== file) return [];
	const code = new Map<string, string[]>();
	for (const [id, text] of Object.entries(report.modules)) {
		code.set(partOf(id), [...(code.get(partOf(id)) ?? []), text]);
	}
	const sizes = [...code].map(([part, texts]) => {
		const { code: min } = minifySync(`${part}.js`, texts.join('\n'), {
			compress: false,
			mangle: true
		});
		return [part, gzipSync(min, { level: 9 }).length] as const;
	});
	const total = sizes.reduce((sum, [, n]) => sum + n, 0);
	return sizes
		.sort((a, b) => b[1] - a[1])
		.filter(([, n]) => n / total >= 0.02)
		.map(([part, n]) => ({ metric: `    ≈ ${part}`, value: (kb * n) / total, unit: 'KB' }));
}

export async function measureFirstLoad(
	page: Page,
	baseUrl: string
): Promise<{ rows: Row[]; scripts: Buffer[] }> {
	const loaded: { type: string; url: string; body: Buffer }[] = [];
	const listener = async (response: Response) => {
		const type = response.request().resourceType();
		if (type === 'script' || type === 'stylesheet')
			loaded.push({ type, url: response.url(), body: await response.body() });
	};
	page.on('response', listener);
	await page.goto(baseUrl, { waitUntil: 'networkidle' });
	await page.getByText('No invoices yet').waitFor();
	page.off('response', listener);

	const names = chunkNames();
	const sized = loaded.map((r) => {
		const file = new URL(r.url).pathname.replace(/^.*?(_app\/)/, '$1');
		return {
			...r,
			file,
			name: names.get(file) ?? file,
			kb: gzipSync(r.body, { level: 9 }).length / 1024
		};
	});
	const scripts = sized.filter((r) => r.type === 'script').sort((a, b) => b.kb - a.kb);
	const total = (type: string) =>
		sized.filter((r) => r.type === type).reduce((sum, r) => sum + r.kb, 0);
	return {
		rows: [
			{ metric: 'first load JS (gzip)', value: total('script'), unit: 'KB', target: '≤ 60' },
			...scripts
				.slice(0, NAMED_CHUNKS)
				.flatMap((r) => [
					{ metric: `  of which ${r.name}`, value: r.kb, unit: 'KB' },
					...(r.name === 'first-load' ? firstLoadParts(r.file, r.kb) : [])
				]),
			{
				metric: `  of which ${Math.max(0, scripts.length - NAMED_CHUNKS)} smaller scripts`,
				value: scripts.slice(NAMED_CHUNKS).reduce((sum, r) => sum + r.kb, 0),
				unit: 'KB'
			},
			{ metric: 'first load CSS (gzip)', value: total('stylesheet'), unit: 'KB' }
		],
		scripts: scripts.map((r) => r.body)
	};
}

/** `npm run bench -- --only=first-load`: the first-load rows alone, on a fresh profile. */
export async function firstLoadBench(browser: Browser, baseUrl: string): Promise<Row[]> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		return (await measureFirstLoad(await context.newPage(), baseUrl)).rows;
	} finally {
		await context.close();
	}
}
