import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Vite bundles the PDF worker (its code and fonts) apart from the app and leaves it out of
 * the build manifest, from which SvelteKit's service worker learns what to cache for offline
 * use. This lists the worker's files there too, so PDFs work offline from the first visit.
 */
function listWorkerFiles(): Plugin {
	return {
		name: 'invoicelab:list-worker-files',
		apply: 'build',
		generateBundle: {
			order: 'post',
			handler(_, bundle) {
				const manifest = bundle['.vite/manifest.json'];
				if (manifest?.type !== 'asset') return;
				const entries = JSON.parse(String(manifest.source));
				for (const file of Object.keys(bundle).filter((name) => name.includes('/workers/'))) {
					entries[`worker:${file}`] = { file };
				}
				manifest.source = JSON.stringify(entries, null, 2);
			}
		}
	};
}

/**
 * Every module the first page needs (Svelte's and SvelteKit's client runtime, the root layout,
 * the Invoices page and what they import) goes into one chunk: the browser fetches all of them
 * for the first page anyway, and one file compresses far better than thirty small ones
 * (bench/first-load.ts). What a page or a dialog imports lazily stays in chunks of its own.
 */
function groupFirstLoad(): Plugin {
	const firstLoad = new Set<string>();
	const entries = [
		/generated[\\/]client-optimized[\\/]app\.js$/,
		/@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]client[\\/]entry\.js$/
	];
	const firstPages = ['src/routes/+layout.svelte', 'src/routes/+page.svelte'];
	return {
		name: 'invoicelab:group-first-load',
		apply: 'build',
		config: () => ({
			build: {
				rollupOptions: {
					output: {
						codeSplitting: {
							groups: [{ name: 'first-load', test: (id: string) => firstLoad.has(id) }]
						}
					}
				}
			}
		}),
		// After the module graph is complete, before chunks are made. The server build has none of
		// these entries, so its group stays empty.
		buildEnd() {
			firstLoad.clear();
			const ids = [...this.getModuleIds()];
			const nodes = ids.filter((id) => /client-optimized[\\/]nodes[\\/]\d+\.js$/.test(id));
			const roots = [
				...ids.filter((id) => entries.some((entry) => entry.test(id))),
				...nodes.filter((id) =>
					this.getModuleInfo(id)?.importedIds.some((dep) =>
						firstPages.some((page) => dep.endsWith(page))
					)
				)
			];
			const stack = [...roots];
			while (stack.length > 0) {
				for (const dep of this.getModuleInfo(stack.pop()!)?.importedIds ?? []) {
					if (firstLoad.has(dep) || roots.includes(dep)) continue;
					firstLoad.add(dep);
					stack.push(dep);
				}
			}
		},
		// What the chunk holds, for the bench's breakdown of the first load by part of the app.
		generateBundle(_, bundle) {
			const chunk = Object.values(bundle).find(
				(c) => c.type === 'chunk' && c.name === 'first-load'
			);
			if (chunk?.type !== 'chunk') return;
			const modules = Object.fromEntries(
				Object.entries(chunk.modules).map(([id, m]) => [id, m.code ?? ''])
			);
			this.emitFile({
				type: 'asset',
				fileName: '.vite/first-load.json',
				source: JSON.stringify({ file: chunk.fileName, modules })
			});
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), listWorkerFiles(), groupFirstLoad()],
	// The PDF worker loads its code on first use: a module worker can split it into chunks.
	worker: { format: 'es' },
	server: { host: '127.0.0.1', port: 5173 },
	preview: { host: '127.0.0.1', port: 4173 },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		// Budgets for a busy 2-core machine: tests wait on events (fake clocks, promises), so a
		// fast machine never waits these out.
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// .ci/run sets REPORT_DIR to add up unit and end-to-end counts.
		reporters: process.env.REPORT_DIR ? ['default', 'json'] : ['default'],
		outputFile: { json: `${process.env.REPORT_DIR ?? 'reports'}/unit.json` }
	}
});
