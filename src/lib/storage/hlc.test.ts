import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../platform/clock';
import {
	driftOf,
	formatStamp,
	HybridLogicalClock,
	MAX_AHEAD_MS,
	newestStamps,
	parseStamp
} from './hlc';

describe('HybridLogicalClock', () => {
	it('stamps in increasing order even when the wall clock stands still or goes back', () => {
		const clock = new ManualClock(1_000_000);
		const hlc = new HybridLogicalClock('dev-a', clock);
		const a = hlc.tick();
		const b = hlc.tick();
		clock.set(500_000);
		const c = hlc.tick();
		expect(a < b && b < c).toBe(true);
		expect(parseStamp(c)).toEqual({ wall: 1_000_000, counter: 2, deviceId: 'dev-a' });
	});

	it('stamps after a remote stamp from a device whose clock is ahead', () => {
		const hlc = new HybridLogicalClock('dev-a', new ManualClock(1_000));
		const remote = new HybridLogicalClock('dev-b', new ManualClock(9_000)).tick();
		hlc.receive(remote);
		expect(hlc.tick() > remote).toBe(true);
	});

	it('ignores stamps it cannot read', () => {
		const hlc = new HybridLogicalClock('dev-a', new ManualClock(1_000));
		hlc.receive('garbage');
		expect(parseStamp(hlc.tick())?.wall).toBe(1_000);
	});
});

describe('clock drift', () => {
	it('flags a stamp from a device whose clock runs more than five minutes ahead', () => {
		const now = Date.parse('2026-11-22T10:00:00.000Z');
		expect(driftOf('2026-11-22T10:04:59.000Z-0000-phone', now)).toBeNull();
		expect(driftOf('2026-11-22T10:20:00.000Z-0003-phone', now)).toEqual({
			deviceId: 'phone',
			aheadMs: 20 * 60_000
		});
		expect(driftOf('garbage', now)).toBeNull();
	});
});

describe('newest of many stamps', () => {
	it('moves a clock and finds the drift exactly as going through every stamp would', () => {
		const now = Date.parse('2026-06-01T12:00:00.000Z');
		const stamp = fc
			.record({
				// Around the limit of what a clock follows, and well behind it.
				wall: fc.oneof(
					fc.integer({ min: now - 3 * MAX_AHEAD_MS, max: now + 3 * MAX_AHEAD_MS }),
					fc.constantFrom(now + MAX_AHEAD_MS, now + MAX_AHEAD_MS + 1, now)
				),
				counter: fc.integer({ min: 0, max: 0xffff }),
				device: fc.constantFrom('dev-a', 'dev-b', 'zz')
			})
			.map(({ wall, counter, device }) => ({ hlc: formatStamp(wall, counter, device) }));
		fc.assert(
			fc.property(fc.array(stamp, { maxLength: 30 }), (records) => {
				const clock = new ManualClock(now);
				const oneByOne = new HybridLogicalClock('me', clock);
				for (const { hlc } of records) oneByOne.receive(hlc);
				const { receivable, highest } = newestStamps(records, now);
				const once = new HybridLogicalClock('me', clock);
				if (receivable) once.receive(receivable);
				expect(once.snapshot).toEqual(oneByOne.snapshot);
				const drifts = records.map(({ hlc }) => driftOf(hlc, now)?.aheadMs ?? 0);
				expect(highest ? (driftOf(highest, now)?.aheadMs ?? 0) : 0).toBe(Math.max(0, ...drifts));
			}),
			{ numRuns: 500 }
		);
	});
});
