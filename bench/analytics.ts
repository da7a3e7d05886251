/** Analytics benchmark (issues 6, 17): aggregation over each size's invoices, in Node, warm median. */
import { aggregate } from '../src/lib/analytics/aggregate';
import { ALL, periodRange } from '../src/lib/analytics/period';
import { toRow } from '../src/lib/invoice/list-query';
import { makeDataset } from '../src/lib/testing/factories';
import { median } from './browser';
import type { Row } from './foundation';

export function analyticsBench(sizes: number[]): Row[] {
	return sizes.flatMap((n) => aggregateAt(n));
}

function aggregateAt(n: number): Row[] {
	const today = '2026-11-22';
	// The page aggregates the list rows, whose totals are worked out once when data loads.
	const invoices = makeDataset(n).invoices.map((invoice) => toRow(invoice, today));
	const rows: Row[] = [];
	for (const [label, range] of [
		['all time', ALL],
		['this year', periodRange('this-year', today)]
	] as const) {
		const times: number[] = [];
		for (let i = 0; i < 13; i++) {
			const start = performance.now();
			aggregate(invoices, { range, today });
			if (i >= 3) times.push(performance.now() - start);
		}
		rows.push({
			metric: `aggregate ${n.toLocaleString('en-US')} invoices, ${label} (warm median)`,
			value: median(times),
			unit: 'ms',
			// Issue 6's budget; at 100,000 the budget is the page's (scale.ts: ≤ 1 s).
			target: n <= 10_000 ? '≤ 50' : ''
		});
	}
	return rows;
}
