import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium when it is there (CI and these machines cannot download Playwright's
 * browsers), else CHROMIUM_PATH, else Playwright's own bundled Chromium. Shared by the
 * end-to-end tests and the benchmarks.
 */
export function chromiumLaunchOptions(): LaunchOptions {
	const executablePath =
		process.env.CHROMIUM_PATH ??
		(existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
	if (!executablePath) return {};
	return {
		executablePath,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	};
}
