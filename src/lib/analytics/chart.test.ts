import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	barChart,
	continuousMonths,
	spokenLabel,
	thinLabels,
	tickLines,
	trimZeroFractions,
	valueTicks
} from './chart';

const dollars = (minor: number) =>
	new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);
const yen = (minor: number) =>
	new Intl.NumberFormat('en-US', { style: 'currency', currency: 'JPY' }).format(minor);

describe('thinLabels', () => {
	it('shows every label when they fit, else every k-th counted back from the last', () => {
		expect(thinLabels(12, 600, 40)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(thinLabels(12, 300, 40)).toEqual([1, 3, 5, 7, 9, 11]);
		expect(thinLabels(12, 150, 40)).toEqual([3, 7, 11]);
		expect(thinLabels(1, 10, 40)).toEqual([0]);
		expect(thinLabels(0, 300, 40)).toEqual([]);
	});

	it('never lets two shown labels come closer than their spacing, and keeps the last', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 120 }),
				fc.integer({ min: 40, max: 2000 }),
				fc.integer({ min: 10, max: 80 }),
				(count, width, spacing) => {
					const shown = thinLabels(count, width, spacing);
					const band = width / count;
					expect(shown.at(-1)).toBe(count - 1);
					for (let i = 1; i < shown.length; i++) {
						expect((shown[i]! - shown[i - 1]!) * band).toBeGreaterThanOrEqual(
							Math.min(spacing, width)
						);
					}
				}
			)
		);
	});
});

describe('months', () => {
	it('fills the months between the first and the last with zero', () => {
		expect(
			continuousMonths([
				{ label: '2025-11', value: 5 },
				{ label: '2026-02', value: 7 }
			])
		).toEqual([
			{ label: '2025-11', value: 5 },
			{ label: '2025-12', value: 0 },
			{ label: '2026-01', value: 0 },
			{ label: '2026-02', value: 7 }
		]);
		const ageing = [{ label: 'Not yet due', value: 1 }];
		expect(continuousMonths(ageing)).toBe(ageing);
	});

	it('speaks a month in full and leaves other labels alone', () => {
		expect(spokenLabel('2026-01')).toBe('January 2026');
		expect(spokenLabel('0–30')).toBe('0–30');
	});

	it('writes short month names, with the year under the first and where it changes', () => {
		const months = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02'];
		expect(tickLines(months, [0, 1, 2, 3, 4])).toEqual([
			['Oct', '2025'],
			['Nov'],
			['Dec'],
			['Jan', '2026'],
			['Feb']
		]);
		// Thinned, the year still shows where it changes among the labels shown.
		expect(tickLines(months, [0, 2, 4])).toEqual([['Oct', '2025'], ['Dec'], ['Feb', '2026']]);
	});

	it('keeps other labels whole, or splits them at a space when wider than allowed', () => {
		expect(tickLines(['Not yet due', '0–30'], [0, 1])).toEqual([['Not yet due'], ['0–30']]);
		expect(tickLines(['Not yet due', '0–30'], [0, 1], 45)).toEqual([['Not yet', 'due'], ['0–30']]);
		expect(tickLines(['Not yet due'], [0], 30)).toEqual([['Not', 'yet', 'due']]);
	});
});

describe('value axis', () => {
	it('steps by 1, 2 or 5 × 10ⁿ, never by less than one minor unit', () => {
		expect(valueTicks(0, 2)).toEqual([0, 1, 2]);
		expect(valueTicks(0, 12_242_958)).toEqual([0, 5_000_000, 10_000_000, 15_000_000]);
		expect(valueTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
		expect(valueTicks(-300, 900)).toEqual([-500, 0, 500, 1000]);
	});

	it('never gives two ticks that read the same, in any currency', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1e12 }), (max) => {
				for (const format of [dollars, yen]) {
					const texts = valueTicks(0, max).map(format);
					expect(new Set(texts).size).toBe(texts.length);
				}
			})
		);
	});

	it('leaves out a fraction that is zero on every label', () => {
		expect(trimZeroFractions(['$0.00', '$50,000.00', '$100,000.00'])).toEqual([
			'$0',
			'$50,000',
			'$100,000'
		]);
		expect(trimZeroFractions(['$0.00', '$0.50', '$1.00'])).toEqual(['$0.00', '$0.50', '$1.00']);
		expect(trimZeroFractions(['¥0', '¥1', '¥2'])).toEqual(['¥0', '¥1', '¥2']);
	});
});

describe('barChart', () => {
	const months = Array.from({ length: 15 }, (_, i) => ({
		label: new Date(Date.UTC(2025, 9 + i, 1)).toISOString().slice(0, 7),
		value: 59_500 + i * 731_300
	}));

	it('puts values above the bars only when every one fits its bar', () => {
		const few = barChart(months.slice(0, 3), { width: 600, height: 192, format: dollars });
		expect(few.bars.map((bar) => bar.value?.text)).toEqual(['$595.00', '$7,908.00', '$15,221.00']);
		const many = barChart(months, { width: 320, height: 192, format: dollars });
		expect(many.bars.every((bar) => bar.value === null)).toBe(true);
		expect(many.bars[0]!.title).toBe('October 2025: $595.00');
	});

	it('labels every ageing bucket, even on a narrow phone', () => {
		const buckets = ['Not yet due', '0–30', '31–60', '61–90', '90+'];
		const chart = barChart(
			buckets.map((label) => ({ label, value: 31_466_468 })),
			{ width: 280, height: 192, format: dollars }
		);
		expect(chart.xTicks.map((tick) => tick.lines.join(' '))).toEqual(buckets);
	});

	it('keeps the month labels of a phone-wide chart apart', () => {
		const chart = barChart(months, { width: 300, height: 192, format: dollars });
		const shown = chart.xTicks;
		expect(shown.length).toBeLessThan(months.length);
		expect(shown.at(-1)!.lines[0]).toBe('Dec');
		for (let i = 1; i < shown.length; i++) {
			expect(shown[i]!.x - shown[i - 1]!.x).toBeGreaterThanOrEqual(30);
		}
		expect(chart.yTicks.map((tick) => tick.text)).toEqual([
			'$0',
			'$50,000',
			'$100,000',
			'$150,000'
		]);
	});

	it('draws bars inside the plot, from the zero line', () => {
		const chart = barChart(
			[
				{ label: 'a', value: 3 },
				{ label: 'b', value: -1 }
			],
			{ width: 200, height: 120, format: yen }
		);
		const [up, down] = chart.bars;
		expect(up!.y + up!.height).toBeCloseTo(chart.zeroY);
		expect(down!.y).toBeCloseTo(chart.zeroY);
		for (const bar of chart.bars) {
			expect(bar.x).toBeGreaterThanOrEqual(chart.plot.left);
			expect(bar.x + bar.width).toBeLessThanOrEqual(chart.plot.right);
			expect(bar.y).toBeGreaterThanOrEqual(chart.plot.top);
			expect(bar.y + bar.height).toBeLessThanOrEqual(chart.plot.bottom);
		}
	});
});
