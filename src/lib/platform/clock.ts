/** Time behind an interface, so tests (and the HLC) can drive it. */
export interface Clock {
	/** Milliseconds since the epoch. */
	now(): number;
}

/** Runs work later; returns a function that cancels it. */
export interface Scheduler {
	after(ms: number, run: () => void): () => void;
}

export const systemClock: Clock = { now: () => Date.now() };

export const systemScheduler: Scheduler = {
	after(ms, run) {
		const timer = setTimeout(run, ms);
		return () => clearTimeout(timer);
	}
};

/** A clock that moves only when told to, running due timers as it passes them. */
export class ManualClock implements Clock, Scheduler {
	private timers: { at: number; run: () => void }[] = [];

	constructor(private time: number) {}
	now(): number {
		return this.time;
	}
	set(time: number): void {
		this.advance(time - this.time);
	}
	advance(ms: number): void {
		const end = this.time + ms;
		for (;;) {
			const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
			if (!due) break;
			this.timers = this.timers.filter((t) => t !== due);
			this.time = Math.max(this.time, due.at);
			due.run();
		}
		this.time = end;
	}
	after(ms: number, run: () => void): () => void {
		const timer = { at: this.time + Math.max(0, ms), run };
		this.timers.push(timer);
		return () => {
			this.timers = this.timers.filter((t) => t !== timer);
		};
	}
}

/** YYYY-MM-DD of the given instant in the user's own time zone. */
/** A moment as an ISO timestamp (UTC), as records store it. */
export function isoTime(ms: number): string {
	return new Date(ms).toISOString();
}

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

const DAY_MS = 86_400_000;

/** Whole days from one YYYY-MM-DD date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}
