import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
