import { describe, expect, it } from 'vitest';
import {
	DEFAULT_SESSION_MS,
	dueWarnings,
	expiryFor,
	formatHoursMinutes,
	formatTimeLeft,
	nextChangeAt,
	parseTimeLeft,
	sessionState,
	type AwsSession
} from './session';

const NOW = Date.parse('2026-11-22T08:00:00Z');
const MIN = 60_000;

function session(overrides: Partial<AwsSession> = {}): AwsSession {
	return {
		credentials: { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: 'x', sessionToken: 't' },
		kind: 'temporary',
		region: 'us-east-1',
		expiresAt: NOW + DEFAULT_SESSION_MS,
		...overrides
	};
}

describe('sessionState', () => {
	it('walks Local only → Connected → Expiring → Offline with the clock', () => {
		const s = session();
		expect(sessionState(null, NOW)).toEqual({ status: 'local', msLeft: null });
		expect(sessionState(s, NOW)).toEqual({ status: 'connected', msLeft: DEFAULT_SESSION_MS });
		expect(sessionState(s, s.expiresAt! - 30 * MIN - 1).status).toBe('connected');
		expect(sessionState(s, s.expiresAt! - 30 * MIN).status).toBe('expiring');
		expect(sessionState(s, s.expiresAt! - 1).status).toBe('expiring');
		expect(sessionState(s, s.expiresAt!)).toEqual({ status: 'offline', msLeft: 0 });
	});
	it('goes offline at once when AWS rejected the keys', () => {
		expect(sessionState(session({ rejectedReason: 'expired' }), NOW).status).toBe('offline');
	});
	it('never expires permanent keys', () => {
		expect(sessionState(session({ kind: 'permanent', expiresAt: null }), NOW + 1e12)).toEqual({
			status: 'connected',
			msLeft: null
		});
	});
});

describe('formatTimeLeft', () => {
	it('shows hours and minutes', () => {
		expect(formatTimeLeft(3 * 60 * MIN + 12 * MIN)).toBe('3h 12m left');
		expect(formatTimeLeft(3 * 60 * MIN + 11 * MIN + 1)).toBe('3h 12m left');
		expect(formatTimeLeft(4 * MIN)).toBe('4m left');
		expect(formatTimeLeft(1)).toBe('1m left');
	});
});

describe('nextChangeAt', () => {
	it('wakes at the next minute of the countdown', () => {
		expect(nextChangeAt(session({ expiresAt: NOW + 2 * 60 * MIN + 20_000 }), NOW)).toBe(
			NOW + 20_000
		);
		expect(nextChangeAt(session(), NOW)).toBe(NOW + MIN);
	});
	it('wakes exactly at a threshold that comes before the next minute', () => {
		const s = session({ expiresAt: NOW + 30 * MIN + 10_000 + 30_000 });
		// 40 s to the next countdown minute, but the Expiring mark is 40 s away too: same instant.
		expect(nextChangeAt(s, NOW)).toBe(s.expiresAt! - 30 * MIN);
		expect(nextChangeAt(s, s.expiresAt! - 1000)).toBe(s.expiresAt);
	});
	it('has nothing to wait for without an expiry, after expiry or after a rejection', () => {
		expect(nextChangeAt(null, NOW)).toBeNull();
		expect(nextChangeAt(session({ expiresAt: null }), NOW)).toBeNull();
		expect(nextChangeAt(session({ expiresAt: NOW }), NOW)).toBeNull();
		expect(nextChangeAt(session({ rejectedReason: 'x' }), NOW)).toBeNull();
	});
});

describe('dueWarnings', () => {
	it('announces the 30 and 5 minute marks once each', () => {
		const s = session();
		expect(dueWarnings(s, NOW, new Set())).toEqual([]);
		expect(dueWarnings(s, s.expiresAt! - 29 * MIN, new Set())).toEqual([30 * MIN]);
		expect(dueWarnings(s, s.expiresAt! - 4 * MIN, new Set([30 * MIN]))).toEqual([5 * MIN]);
		expect(dueWarnings(s, s.expiresAt! - 4 * MIN, new Set([30 * MIN, 5 * MIN]))).toEqual([]);
		expect(dueWarnings(s, s.expiresAt!, new Set())).toEqual([]);
	});
});

describe('expiryFor', () => {
	it('uses the pasted Expiration, else the time left for temporary keys, else none', () => {
		expect(expiryFor('temporary', '2026-11-22T10:30:00Z', DEFAULT_SESSION_MS, NOW)).toBe(
			Date.parse('2026-11-22T10:30:00Z')
		);
		expect(expiryFor('temporary', undefined, 90 * MIN, NOW)).toBe(NOW + 90 * MIN);
		expect(expiryFor('permanent', undefined, DEFAULT_SESSION_MS, NOW)).toBeNull();
	});
});

describe('parseTimeLeft', () => {
	it('reads the forms people type', () => {
		expect(parseTimeLeft('4:00')).toBe(4 * 60 * 60_000);
		expect(parseTimeLeft(' 3:12 ')).toBe(192 * 60_000);
		expect(parseTimeLeft('3h 12m')).toBe(192 * 60_000);
		expect(parseTimeLeft('2h')).toBe(120 * 60_000);
		expect(parseTimeLeft('45m')).toBe(45 * 60_000);
		expect(parseTimeLeft('45 min')).toBe(45 * 60_000);
	});

	it('refuses nothing, zero, nonsense and more than a day', () => {
		for (const text of ['', '0:00', 'soon', '4:75', '25:00', '-1:00', 'h']) {
			expect(parseTimeLeft(text)).toBeNull();
		}
	});

	it('round-trips through formatHoursMinutes', () => {
		expect(formatHoursMinutes(DEFAULT_SESSION_MS)).toBe('4:00');
		expect(parseTimeLeft(formatHoursMinutes(192 * 60_000 + 59_000))).toBe(192 * 60_000);
	});
});
