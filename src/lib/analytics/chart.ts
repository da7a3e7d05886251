/**
 * The geometry of the Analytics bar charts: which labels fit, what they say, round values on
 * the value axis, where each bar goes. Pure; text widths are estimated from the character
 * count at the chart's font size (an end-to-end test checks the real boxes never overlap).
 */

export interface Bar {
	label: string;
	value: number;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const FONT_PX = 11;
const LINE_PX = FONT_PX + 3;
const LABEL_GAP_PX = 8;
const MAX_BAR_PX = 56;

const monthOf = (key: string) => new Date(`${key}-01T00:00:00Z`);
const shortMonth = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });
const longMonth = new Intl.DateTimeFormat('en-US', {
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});

/**
 * A text's width at the chart's font size, a little over what common sans-serif faces give
 * (DejaVu, the widest of them, has 0.64 em digits), so labels judged apart are apart.
 */
export function textWidth(text: string): number {
	let em = 0;
	for (const char of text) {
		if (/[ .,:;'|!iljI]/.test(char)) em += 0.34;
		else if (/[ftr()\-–]/.test(char)) em += 0.44;
		else if (/[mwMW]/.test(char)) em += 0.95;
		else if (/[A-Z]/.test(char)) em += 0.72;
		else if (/[0-9$€£¥]/.test(char)) em += 0.64;
		else em += 0.62;
	}
	return em * FONT_PX;
}
const isMonthSeries = (labels: readonly string[]) =>
	labels.length > 0 && labels.every((label) => MONTH.test(label));

/**
 * A series of YYYY-MM months with every month from the first to the last, zero where there
 * was none, so the bars keep time; any other series as it is.
 */
export function continuousMonths(data: readonly Bar[]): readonly Bar[] {
	if (!isMonthSeries(data.map((d) => d.label))) return data;
	const values = new Map(data.map((d) => [d.label, d.value]));
	const [first, last] = [data[0]!.label, data.at(-1)!.label];
	const filled: Bar[] = [];
	for (let month = monthOf(first); ; month.setUTCMonth(month.getUTCMonth() + 1)) {
		const label = month.toISOString().slice(0, 7);
		filled.push({ label, value: values.get(label) ?? 0 });
		if (label >= last) return filled;
	}
}

/** "January 2026" for a month; any other label as it is. */
export function spokenLabel(label: string): string {
	return MONTH.test(label) ? longMonth.format(monthOf(label)) : label;
}

/**
 * Which of `count` evenly spread labels to show when `width` pixels must give each shown one
 * `spacing` pixels: all of them, or every k-th counted back from the last (the newest month).
 */
export function thinLabels(count: number, width: number, spacing: number): number[] {
	if (count === 0) return [];
	// The epsilon keeps a rounding error from halving labels that fit exactly.
	const step = Math.max(1, Math.ceil((spacing * count) / width - 1e-9));
	const shown: number[] = [];
	for (let i = (count - 1) % step; i < count; i += step) shown.push(i);
	return shown;
}

/**
 * The text of the shown labels, a line or more each: a month's short name with its year under
 * it at the first and wherever the year changes; other labels whole, or when wider than
 * `maxWidth` pixels split at the space nearest their middle, or at every space.
 */
export function tickLines(
	labels: readonly string[],
	shown: readonly number[],
	maxWidth = Infinity
): string[][] {
	if (isMonthSeries(labels)) {
		return shown.map((index, i) => {
			const label = labels[index]!;
			const year = label.slice(0, 4);
			const previous = i > 0 ? labels[shown[i - 1]!]!.slice(0, 4) : null;
			const month = shortMonth.format(monthOf(label));
			return year === previous ? [month] : [month, year];
		});
	}
	return shown.map((index) => splitLabel(labels[index]!, maxWidth));
}

function splitLabel(label: string, maxWidth: number): string[] {
	if (textWidth(label) <= maxWidth) return [label];
	const spaces = [...label.matchAll(/ /g)].map((match) => match.index);
	if (spaces.length === 0) return [label];
	const middle = label.length / 2;
	const at = spaces.reduce((best, i) =>
		Math.abs(i - middle) < Math.abs(best - middle) ? i : best
	);
	const halves = [label.slice(0, at), label.slice(at + 1)];
	// Still too wide: a word a line, rather than leave some categories unlabelled.
	return halves.every((half) => textWidth(half) <= maxWidth) ? halves : label.split(' ');
}

/**
 * Round values for the value axis, from at or below `min` (and 0) to at or above `max`: steps
 * of 1, 2 or 5 × 10ⁿ minor units, about `target` of them, and never less than one minor
 * unit, so no two ticks read the same ("¥1, ¥1, ¥0").
 */
export function valueTicks(min: number, max: number, target = 4): number[] {
	const [low, high] = [Math.min(0, min), Math.max(0, max)];
	const span = high - low || 1;
	const magnitude = 10 ** Math.floor(Math.log10(span / target));
	const steps = [1, 2, 5, 10, 20, 50].map((m) => Math.max(1, m * magnitude));
	const countFor = (step: number) => Math.ceil(high / step) - Math.floor(low / step);
	// The count nearest the target; on a tie, the larger step.
	const step = steps.reduce((best, s) =>
		Math.abs(countFor(s) - target) <= Math.abs(countFor(best) - target) ? s : best
	);
	const ticks: number[] = [];
	for (let v = Math.floor(low / step) * step; v <= Math.ceil(high / step) * step; v += step) {
		ticks.push(v);
	}
	return ticks;
}

/** Labels without a fraction that is zero on every one of them: "$50,000", not "$50,000.00". */
export function trimZeroFractions(texts: readonly string[]): string[] {
	const zero = /[.,]0+(?=\D*$)/;
	return texts.every((text) => zero.test(text))
		? texts.map((text) => text.replace(zero, ''))
		: [...texts];
}

export interface ChartLayout {
	plot: { left: number; right: number; top: number; bottom: number };
	zeroY: number;
	/** `band` is the bar's whole column, where pointing at it shows its title. */
	bars: {
		x: number;
		y: number;
		width: number;
		height: number;
		band: { x: number; width: number };
		title: string;
		value: { text: string; x: number; y: number } | null;
	}[];
	xTicks: { x: number; lines: string[] }[];
	yTicks: { y: number; text: string }[];
}

/** Lays out a bar chart of `width` × `height` pixels; `format` writes a value in full. */
export function barChart(
	data: readonly Bar[],
	{ width, height, format }: { width: number; height: number; format: (v: number) => string }
): ChartLayout {
	const values = data.map((d) => d.value);
	const ticks = valueTicks(Math.min(0, ...values), Math.max(0, ...values));
	const tickTexts = trimZeroFractions(ticks.map(format));
	const left = Math.max(...tickTexts.map(textWidth)) + 8;
	const right = width - 4;
	const band = (right - left) / Math.max(1, data.length);
	const texts = values.map(format);
	const withValues = values.every((v, i) => v === 0 || textWidth(texts[i]!) <= band - 4);
	const top = withValues ? LINE_PX + 4 : 8;

	const labels = data.map((d) => d.label);
	const candidates = tickLines(labels, [...labels.keys()], band - 4);
	const spacing = Math.max(...candidates.flat().map(textWidth)) + LABEL_GAP_PX;
	const shown = thinLabels(data.length, right - left, spacing);
	const lines = tickLines(labels, shown, band - 4);
	const bottom = height - 6 - Math.max(1, ...lines.map((l) => l.length)) * LINE_PX;

	const [lowest, highest] = [ticks[0]!, ticks.at(-1)!];
	const y = (v: number) => top + ((highest - v) / (highest - lowest)) * (bottom - top);
	const zeroY = y(0);
	const barWidth = Math.min(band * 0.64, MAX_BAR_PX);
	const centre = (i: number) => left + band * (i + 0.5);
	return {
		plot: { left, right, top, bottom },
		zeroY,
		bars: data.map((d, i) => {
			// A value too small to see still gets a hairline.
			const length = d.value === 0 ? 0 : Math.max(1, Math.abs(y(d.value) - zeroY));
			return {
				x: centre(i) - barWidth / 2,
				y: d.value >= 0 ? zeroY - length : zeroY,
				width: barWidth,
				height: length,
				band: { x: left + band * i, width: band },
				title: `${spokenLabel(d.label)}: ${texts[i]}`,
				value:
					withValues && d.value !== 0
						? { text: texts[i]!, x: centre(i), y: Math.min(zeroY - length, zeroY) - 4 }
						: null
			};
		}),
		xTicks: shown.map((index, i) => ({ x: centre(index), lines: lines[i]! })),
		yTicks: ticks.map((v, i) => ({ y: y(v), text: tickTexts[i]! }))
	};
}
