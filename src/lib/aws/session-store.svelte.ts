import type { Clock, Scheduler } from '../platform/clock';
import type { TabChannel } from '../platform/channel';
import { readSession, type CredentialVault } from './credential-vault';
import {
	dueWarnings,
	formatTimeLeft,
	maskedKey,
	nextChangeAt,
	sessionState,
	STATUS_LABELS,
	type AwsSession
} from './session';

const NOTHING_ANNOUNCED: ReadonlySet<number> = new Set();
/** How long after asking the other tabs a session that arrives counts as their answer. */
const ANSWER_WINDOW_MS = 2_000;

/** What tabs tell each other about the session; nothing of it touches the disk. */
export type SessionMessage =
	{ type: 'ask' } | { type: 'session'; session: AwsSession } | { type: 'forget' };

export interface SessionStoreDeps {
	clock: Clock;
	scheduler: Scheduler;
	vault: CredentialVault;
	channel: TabChannel<SessionMessage>;
	notify: (message: string, tone: 'info' | 'error') => void;
}

/**
 * The live AWS session of this tab, shared with the app's other open tabs. The status badge,
 * the warnings and every AWS client read it; time comes from the injected clock and a timer
 * wakes the store exactly when the display has to change.
 */
export class AwsSessionStore {
	#session = $state.raw<AwsSession | null>(null);
	#now = $state(0);
	// Bookkeeping for the warning toasts, never rendered: deliberately not reactive.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#announced = new Set<number>();
	#askedAt: number | null = null;
	#cancelTimer: () => void = () => {};
	#unsubscribe: () => void = () => {};
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- callbacks, never rendered
	readonly #listeners = new Set<() => void>();

	readonly state = $derived(sessionState(this.#session, this.#now));
	readonly label = $derived(STATUS_LABELS[this.state.status]);
	readonly timeLeft = $derived(
		this.state.status !== 'offline' && this.state.msLeft !== null
			? formatTimeLeft(this.state.msLeft)
			: null
	);

	constructor(private readonly deps: SessionStoreDeps) {
		this.#now = deps.clock.now();
	}

	get session(): AwsSession | null {
		return this.#session;
	}
	/** True while AWS calls may be made: connected or expiring. */
	get live(): boolean {
		return this.state.status === 'connected' || this.state.status === 'expiring';
	}

	/** Calls back after every change of the session or its status (plain code, no effects). */
	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Restores this tab's session, or asks the other open tabs for theirs. */
	start(): void {
		this.#unsubscribe = this.deps.channel.subscribe((message) => this.#receive(message));
		const stored = this.deps.vault.load();
		if (stored) this.#adopt(stored, { announceExisting: false });
		else {
			this.#askedAt = this.deps.clock.now();
			this.deps.channel.post({ type: 'ask' });
		}
		this.#tick();
	}

	stop(): void {
		this.#unsubscribe();
		this.#cancelTimer();
	}

	/** Takes fresh credentials from the paste dialog and shares them with the other tabs. */
	connect(session: AwsSession): void {
		this.#askedAt = null;
		this.#announced.clear();
		this.#adopt(session, { announceExisting: true });
		this.deps.channel.post({ type: 'session', session });
	}

	/** An AWS call said these credentials are expired or unknown: offline until refreshed. */
	reject(reason: string): void {
		const current = this.#session;
		if (!current || current.rejectedReason) return;
		const session = { ...current, rejectedReason: reason };
		this.#adopt(session, { announceExisting: false });
		this.deps.channel.post({ type: 'session', session });
		this.deps.notify(`AWS stopped accepting these credentials: ${reason}`, 'error');
	}

	/** Forgets the credentials in this tab and every other open tab, at once. */
	forget(): void {
		this.#clear();
		this.deps.channel.post({ type: 'forget' });
	}

	#receive(message: SessionMessage): void {
		if (message.type === 'ask') {
			if (this.#session) this.deps.channel.post({ type: 'session', session: this.#session });
		} else if (message.type === 'forget') {
			this.#clear();
		} else {
			const session = readSession(message.session);
			if (!session) return;
			const answersOurAsk =
				this.#askedAt !== null && this.deps.clock.now() - this.#askedAt < ANSWER_WINDOW_MS;
			this.#askedAt = null;
			const switched = session.credentials.accessKeyId !== this.#session?.credentials.accessKeyId;
			this.#adopt(session, { announceExisting: false });
			// Any page of this origin can post here: a change of account is never silent.
			if (switched && !answersOurAsk) {
				this.deps.notify(
					`AWS keys changed in another InvoiceLab tab: this tab now uses access key ${maskedKey(session.credentials.accessKeyId)}. If that was not you, choose Forget credentials in Settings → AWS.`,
					'error'
				);
			}
		}
	}

	#adopt(session: AwsSession, { announceExisting }: { announceExisting: boolean }): void {
		const isNewKey = this.#session?.credentials.accessKeyId !== session.credentials.accessKeyId;
		if (isNewKey) this.#announced.clear();
		if (!announceExisting) {
			// Marks already passed before this tab saw the session were announced elsewhere.
			for (const mark of dueWarnings(session, this.deps.clock.now(), NOTHING_ANNOUNCED)) {
				this.#announced.add(mark);
			}
		}
		this.#session = session;
		this.deps.vault.save(session);
		this.#tick();
	}

	#clear(): void {
		this.#session = null;
		this.#announced.clear();
		this.deps.vault.clear();
		this.#tick();
	}

	#tick(): void {
		this.#cancelTimer();
		const now = this.deps.clock.now();
		const wasLive = this.live;
		this.#now = now;
		if (wasLive && this.state.status === 'offline' && !this.#session?.rejectedReason) {
			this.deps.notify(
				'AWS session expired. Your work stays in this browser; paste fresh credentials to sync it.',
				'error'
			);
		}
		for (const mark of dueWarnings(this.#session, now, this.#announced)) {
			this.#announced.add(mark);
			const left = formatTimeLeft(this.state.msLeft ?? 0).replace(' left', '');
			this.deps.notify(`AWS session ends in ${left}. Refresh AWS to keep syncing.`, 'info');
		}
		const next = nextChangeAt(this.#session, now);
		if (next !== null)
			this.#cancelTimer = this.deps.scheduler.after(next - now, () => this.#tick());
		for (const listener of this.#listeners) listener();
	}
}
