import { describe, expect, it } from 'vitest';
import { ManualClock } from '../platform/clock';
import { HybridLogicalClock, parseStamp } from './hlc';

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
