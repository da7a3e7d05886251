import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { host: '127.0.0.1', port: 5173 },
	preview: { host: '127.0.0.1', port: 4173 },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		// .ci/run sets REPORT_DIR to add up unit and end-to-end counts.
		reporters: process.env.REPORT_DIR ? ['default', 'json'] : ['default'],
		outputFile: { json: `${process.env.REPORT_DIR ?? 'reports'}/unit.json` }
	}
});
