import { describe, expect, it } from 'vitest';
import { MemoryTabNetwork } from '../platform/channel';
import { ManualClock } from '../platform/clock';
import { MemoryStorage } from '../testing/memory-storage';
import { storageVault } from './credential-vault';
import type { AwsSession } from './session';
import { AwsSessionStore, type SessionMessage } from './session-store.svelte';

const START = Date.parse('2026-11-22T09:00:00Z');
const MINUTE = 60_000;

function session(minutesLeft: number | null, key = 'ASIAIOSFODNN7EXAMPLE'): AwsSession {
	return {
		credentials: {
			accessKeyId: key,
			secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
			sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLEtoken'
		},
		kind: minutesLeft === null ? 'permanent' : 'temporary',
		region: 'us-east-1',
		expiresAt: minutesLeft === null ? null : START + minutesLeft * MINUTE
	};
}

function tabs() {
	const clock = new ManualClock(START);
	const network = new MemoryTabNetwork<SessionMessage>();
	const notices: string[] = [];
	const open = (storage = new MemoryStorage()) => {
		const store = new AwsSessionStore({
			clock,
			scheduler: clock,
			vault: storageVault(storage),
			channel: network.join(),
			notify: (message) => notices.push(message)
		});
		store.start();
		return { store, storage };
	};
	return { clock, notices, open };
}

describe('AwsSessionStore', () => {
	it('starts local only, connects, and counts down at the exact thresholds', () => {
		const { clock, notices, open } = tabs();
		const { store } = open();
		expect(store.label).toBe('Local only');

		store.connect(session(240));
		expect(store.label).toBe('AWS Connected');
		expect(store.timeLeft).toBe('4h 0m left');

		clock.advance(209 * MINUTE + 59_999);
		expect(store.label).toBe('AWS Connected');
		expect(notices).toEqual([]);
		clock.advance(1);
		expect(store.label).toBe('AWS Expiring');
		expect(store.timeLeft).toBe('30m left');
		expect(notices).toEqual(['AWS session ends in 30m. Refresh AWS to keep syncing.']);

		clock.advance(25 * MINUTE);
		expect(store.timeLeft).toBe('5m left');
		expect(notices).toHaveLength(2);

		clock.advance(5 * MINUTE);
		expect(store.label).toBe('AWS Offline');
		expect(store.live).toBe(false);
		expect(notices[2]).toMatch(/expired/);
		clock.advance(60 * MINUTE);
		expect(notices).toHaveLength(3);
	});

	it('updates the time left every minute', () => {
		const { clock, open } = tabs();
		const { store } = open();
		store.connect(session(90));
		clock.advance(59_999);
		expect(store.timeLeft).toBe('1h 30m left');
		clock.advance(1);
		expect(store.timeLeft).toBe('1h 29m left');
		clock.advance(15 * MINUTE);
		expect(store.timeLeft).toBe('1h 14m left');
	});

	it('goes offline at once when AWS rejects the keys, and back on refresh', () => {
		const { notices, open } = tabs();
		const { store } = open();
		store.connect(session(240));
		store.reject('the security token is expired');
		expect(store.label).toBe('AWS Offline');
		expect(notices.at(-1)).toMatch(/stopped accepting/);
		store.connect(session(240, 'ASIAXXXXXXXXEXAMPLE2'));
		expect(store.label).toBe('AWS Connected');
	});

	it('keeps permanent keys connected with no countdown', () => {
		const { clock, open } = tabs();
		const { store } = open();
		store.connect(session(null));
		clock.advance(48 * 60 * MINUTE);
		expect(store.label).toBe('AWS Connected');
		expect(store.timeLeft).toBeNull();
	});

	it('survives a reload of the tab through its session storage, and not a new tab', () => {
		const { open } = tabs();
		const first = open();
		first.store.connect(session(240));
		first.store.stop();

		const reloaded = open(first.storage);
		expect(reloaded.store.label).toBe('AWS Connected');
		expect([...first.storage.items.keys()]).toEqual(['invoicelab.aws-session']);
	});

	it('hands the live session to a newly opened tab, and forgets it in every tab', () => {
		const { open } = tabs();
		const first = open();
		first.store.connect(session(120));
		const second = open();
		expect(second.store.label).toBe('AWS Connected');
		expect(second.store.session?.credentials).toEqual(first.store.session?.credentials);

		second.store.forget();
		expect(first.store.label).toBe('Local only');
		expect(first.storage.items.size).toBe(0);
		expect(second.storage.items.size).toBe(0);
	});

	it('spreads a refresh and a rejection to the other tabs', () => {
		const { open } = tabs();
		const first = open();
		const second = open();
		first.store.connect(session(10));
		expect(second.store.label).toBe('AWS Expiring');
		second.store.reject('expired token');
		expect(first.store.label).toBe('AWS Offline');
		first.store.connect(session(240, 'ASIAXXXXXXXXEXAMPLE2'));
		expect(second.store.label).toBe('AWS Connected');
	});

	it('says so, naming the key, when another tab switches this tab to other keys', () => {
		const { notices, open } = tabs();
		const first = open();
		first.store.connect(session(120));
		open();
		// Receiving the live session when a tab opens is the expected hand-off: no notice.
		expect(notices).toEqual([]);

		first.store.connect(session(240, 'ASIAXXXXXXXXEXAMPLE2'));
		expect(notices).toEqual([
			'AWS keys changed in another InvoiceLab tab: this tab now uses access key ASIA…PLE2. If that was not you, choose Forget credentials in Settings → AWS.'
		]);
		// A rejection or a repeat of the same keys changes no account: no further notice.
		first.store.reject('expired token');
		first.store.connect(session(240, 'ASIAXXXXXXXXEXAMPLE2'));
		expect(notices.filter((n) => n.startsWith('AWS keys changed'))).toHaveLength(1);
	});

	it('says so when keys arrive from another tab unasked', () => {
		const { clock, notices } = tabs();
		const network = new MemoryTabNetwork<SessionMessage>();
		const planter = network.join();
		const store = new AwsSessionStore({
			clock,
			scheduler: clock,
			vault: storageVault(new MemoryStorage()),
			channel: network.join(),
			notify: (message) => notices.push(message)
		});
		store.start();
		clock.advance(MINUTE);
		planter.post({ type: 'session', session: session(120, 'ASIAPLANTEDKEY00ABCD') });
		expect(store.label).toBe('AWS Connected');
		expect(notices).toEqual([
			'AWS keys changed in another InvoiceLab tab: this tab now uses access key ASIA…ABCD. If that was not you, choose Forget credentials in Settings → AWS.'
		]);

		// Right after this tab pasted its own keys, a session "answering" its old ask is not one.
		notices.length = 0;
		store.forget();
		store.start();
		store.connect(session(120));
		planter.post({ type: 'session', session: session(120, 'ASIAPLANTEDKEY00ABCD') });
		expect(notices).toHaveLength(1);
	});

	it('warns once about a session that is already short, and not again in a second tab', () => {
		const { notices, open } = tabs();
		const first = open();
		first.store.connect(session(20));
		expect(notices).toEqual(['AWS session ends in 20m. Refresh AWS to keep syncing.']);
		open();
		expect(notices).toHaveLength(1);
	});

	it('ignores a malformed session from another tab', () => {
		const clock = new ManualClock(START);
		const network = new MemoryTabNetwork<SessionMessage>();
		const rogue = network.join();
		const store = new AwsSessionStore({
			clock,
			scheduler: clock,
			vault: storageVault(new MemoryStorage()),
			channel: network.join(),
			notify: () => {}
		});
		store.start();
		rogue.post({ type: 'session', session: { nonsense: true } as unknown as AwsSession });
		expect(store.label).toBe('Local only');
	});
});
