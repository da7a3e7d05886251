import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/chromium';

const launchOptions = chromiumLaunchOptions();

export const PORTS = { root: 4173, subPath: 4174 };

export default defineConfig({
	testDir: 'tests',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	// Budgets that hold on a busy 2-core machine; every wait is on an event, so a fast machine
	// never waits them out.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.REPORT_DIR
		? [['list'], ['json', { outputFile: `${process.env.REPORT_DIR}/e2e.json` }]]
		: 'list',
	use: {
		baseURL: `http://127.0.0.1:${PORTS.root}/`,
		trace: 'retain-on-failure',
		// Dates and amounts follow the browser's language unless the business chooses one:
		// the tests read them in en-US wherever they run.
		locale: 'en-US',
		launchOptions
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
	webServer: [
		{
			command: `node scripts/serve.mjs`,
			env: { PORT: String(PORTS.root) },
			url: `http://127.0.0.1:${PORTS.root}/`,
			reuseExistingServer: false
		},
		{
			command: `node scripts/serve.mjs`,
			env: { PORT: String(PORTS.subPath), BASE_PATH: '/apps/invoicelab/' },
			url: `http://127.0.0.1:${PORTS.subPath}/apps/invoicelab/`,
			reuseExistingServer: false
		}
	]
});
