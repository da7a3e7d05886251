import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/chromium';

export function launchChromium(): Promise<Browser> {
	return chromium.launch(chromiumLaunchOptions());
}

export function median(values: number[]): number {
	return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, index)] as number;
}
