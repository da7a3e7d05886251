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

export default defineConfig({
	plugins: [sveltekit(), listWorkerFiles()],
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
