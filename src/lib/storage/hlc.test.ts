import { describe, expect, it } from 'vitest';
import { ManualClock } from '../platform/clock';
import { driftOf, HybridLogicalClock, parseStamp } from './hlc';

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
