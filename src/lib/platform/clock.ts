/** Time behind an interface, so tests (and the HLC) can drive it. */
export interface Clock {
	/** Milliseconds since the epoch. */
	now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export class ManualClock implements Clock {
	constructor(private time: number) {}
	now(): number {
		return this.time;
	}
	set(time: number): void {
		this.time = time;
	}
	advance(ms: number): void {
		this.time += ms;
	}
}

/** YYYY-MM-DD of the given instant in the user's own time zone. */
export function localDate(ms: number): string {
	const d = new Date(ms);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
	const d = new Date(`${isoDate}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}
