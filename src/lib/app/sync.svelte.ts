import type { NumberClash } from '../invoice/number-clashes';
import { countOf } from '../invoice/words';
import type { Clock, Scheduler } from '../platform/clock';
import type { ExclusiveRunner } from '../platform/locks';
import type { ConflictCopy, OutboxEntry, RecordStore } from '../storage/record-store';
import type { ClockDrift } from '../storage/hlc';
import type { Repository } from '../storage/repository';
import type { SyncEngine, SyncProgress, SyncReport } from '../storage/sync-engine';
import type { AwsSettings } from '../aws/settings';
import type { AwsConnection } from './aws-connection.svelte';

export interface SyncDeps {
	aws: AwsConnection;
	store: RecordStore;
	repository: Repository;
	clock: Clock;
	scheduler: Scheduler;
	exclusive: ExclusiveRunner;
	notify: (message: string, tone: 'info' | 'error') => void;
}

export const SYNC_INTERVAL_MS = 30_000;
/** The whole workspace is compared with the cloud this often while connected (and on connect). */
export const RECONCILE_INTERVAL_MS = 3 * 60 * 60_000;
const REPAIRS_KEY = 'sync-repairs';
const BOUND_KEY = 'bound-cloud';

/** The cloud place (endpoint, table, workspace) this browser's data belongs to. */
export interface CloudPlace {
	scope: string;
	settings: Pick<AwsSettings, 'region' | 'dynamodbEndpoint' | 'table' | 'workspace'>;
}

/** Settings point somewhere else than the place this browser's data belongs to. */
export interface PlaceChoice {
	current: CloudPlace;
	next: CloudPlace;
}

/** Why sync failed: a few words for the header, the whole reason for its details. */
export interface SyncFailure {
	summary: string;
	message: string;
	at: number;
}

/** What the reconciles of this browser found and set right, shown in Settings → Data. */
export interface RepairLog {
	total: number;
	lastCheckAt: number | null;
	lastRepaired: number;
}
/** A burst of edits (typing, an import) goes up in one run shortly after it ends. */
export const AFTER_WRITE_DELAY_MS = 1_000;
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * When and whether to sync, and what the header says about it. Syncs on connect or refresh,
 * at start, when the browser comes online, every 30 s while connected and on `Sync now`;
 * only the tab holding the lock syncs, the others see its changes over BroadcastChannel.
 */
export class SyncCoordinator {
	#running = $state(false);
	#progress = $state.raw<SyncProgress | null>(null);
	#lastSyncedAt = $state<number | null>(null);
	#failure = $state.raw<SyncFailure | null>(null);
	#conflicts = $state.raw<ConflictCopy[]>([]);
	#attention = $state.raw<OutboxEntry[]>([]);
	#clashes = $state.raw<NumberClash[]>([]);
	#skipped = $state.raw<string[]>([]);
	#drift = $state.raw<ClockDrift | null>(null);
	#repairs = $state.raw<RepairLog>({ total: 0, lastCheckAt: null, lastRepaired: 0 });
	#placeChoice = $state.raw<PlaceChoice | null>(null);
	#failures = 0;
	#again = false;
	#reconcileNext = true;
	/** A reload of the notice lists under way, and whether another change came in meanwhile. */
	#listsLoading = false;
	#listsAgain = false;
	#cancelTimer: () => void = () => {};
	#unsubscribe: () => void = () => {};
	#unsubscribeWrites: () => void = () => {};
	/** The session last seen live, so only a new or refreshed session starts a sync. */
	#liveSession: object | null = null;

	constructor(private readonly deps: SyncDeps) {}

	get running() {
		return this.#running;
	}
	get progress() {
		return this.#progress;
	}
	get lastSyncedAt() {
		return this.#lastSyncedAt;
	}
	get error() {
		return this.#failure?.message ?? null;
	}
	/** Why the last run failed; shown beside the badge while the session is live. */
	get failure() {
		return this.#failure;
	}
	get conflicts() {
		return this.#conflicts;
	}
	/** Changes the cloud refused, with the reason; they stay pending. */
	get attention() {
		return this.#attention;
	}
	get clashes() {
		return this.#clashes;
	}
	get skipped() {
		return this.#skipped;
	}
	/**
	 * Set when the settings name another workspace, table or region than the one this
	 * browser's data belongs to: sync waits until the user chooses (see `choosePlace`).
	 */
	get placeChoice() {
		return this.#placeChoice;
	}
	/** What the whole-workspace checks repaired so far. */
	get repairs() {
		return this.#repairs;
	}
	/** Another device whose clock runs far ahead of this one's. */
	get clockDrift() {
		return this.#drift;
	}
	get canSync() {
		return this.deps.aws.session.live;
	}

	/**
	 * Syncs whenever a session becomes live (connect, refresh, another tab's), when a table
	 * created here is ready, and at start.
	 */
	start(): void {
		const session = this.deps.aws.session;
		const onSession = () => {
			const live = session.live ? session.session : null;
			if (live && live !== this.#liveSession) void this.syncNow({ reconcile: true });
			this.#liveSession = live;
		};
		const unsubscribeSession = session.subscribe(onSession);
		const unsubscribeTable = this.deps.aws.onTableReady(
			() => void this.syncNow({ reconcile: true })
		);
		// A save that met a change made meanwhile keeps a conflict copy: show it right away,
		// in every tab, not only after the next sync.
		const unsubscribeChanges = this.deps.repository.subscribe(() => this.#refreshLists());
		this.#unsubscribe = () => {
			unsubscribeSession();
			unsubscribeTable();
			unsubscribeChanges();
		};
		this.#unsubscribeWrites = this.deps.repository.onLocalWrite(() => this.#soon());
		onSession();
		void this.#loadLists();
	}

	stop(): void {
		this.#unsubscribe();
		this.#unsubscribeWrites();
		this.#cancelTimer();
	}

	/**
	 * Syncs now, or right after the run in progress; resolves when that run ends. With
	 * `reconcile`, the run also compares the whole workspace with the cloud.
	 */
	async syncNow({ reconcile = false }: { reconcile?: boolean } = {}): Promise<void> {
		if (reconcile) this.#reconcileNext = true;
		if (this.#running) {
			this.#again = true;
			return;
		}
		if (!this.canSync) return;
		this.#cancelTimer();
		this.#running = true;
		try {
			const ran = await this.deps.exclusive('invoicelab-sync', () => this.#run());
			if (!ran) this.#failure = null;
		} finally {
			await this.#loadLists();
			// Pending counts changed in every tab, not only this one.
			this.deps.repository.announceOutboxChange();
			this.#schedule();
			this.#running = false;
			this.#progress = null;
		}
		if (this.#again) {
			this.#again = false;
			await this.syncNow();
		}
	}

	/** Compares every record with the cloud and sets right what differs (Settings → Data). */
	checkEverything(): Promise<void> {
		return this.syncNow({ reconcile: true });
	}

	/** Brings the other side of a conflict back as the newest version (see restoredVersion). */
	async restore(copy: ConflictCopy): Promise<void> {
		const { restoreCopy } = await import('./sync-repairs');
		await restoreCopy(this.deps, copy);
		await this.dismiss(copy);
	}

	async dismiss(copy: ConflictCopy): Promise<void> {
		await this.deps.store.dismissConflict(copy.key);
		await this.#loadLists();
	}

	async #run(): Promise<void> {
		let report: SyncReport;
		const now = this.deps.clock.now();
		const reconcile =
			this.#reconcileNext || now - (this.#repairs.lastCheckAt ?? 0) > RECONCILE_INTERVAL_MS;
		try {
			const gateway = await this.deps.aws.gateway();
			if (!(await this.#boundTo(gateway.scope))) return;
			report = await (
				await this.#engine(gateway)
			).run({
				reconcile,
				onProgress: (progress) => (this.#progress = progress)
			});
			if (report.reconciled) await this.#logRepairs(report.repaired);
			await this.#fixNumberClashes();
		} catch (error) {
			this.#failures += 1;
			const { explainAwsError, summarizeAwsProblem } = await import('../aws/aws-errors');
			const { problem, message } = explainAwsError(error, {
				service: 'DynamoDB',
				endpoint: this.deps.aws.settings.dynamodbEndpoint || 'DynamoDB',
				credentials: this.deps.aws.session.session?.credentials
			});
			this.#failure = {
				summary: summarizeAwsProblem(problem, 'DynamoDB'),
				message,
				at: this.deps.clock.now()
			};
			return;
		}
		this.#failures = 0;
		this.#failure = null;
		this.#lastSyncedAt = this.deps.clock.now();
		this.#skipped = report.skipped;
		const drift = this.deps.repository.clockDrift;
		if (drift && drift.deviceId !== this.#drift?.deviceId) {
			const { clockAhead } = await import('./sync-words');
			this.deps.notify(`${clockAhead(drift.aheadMs)} Set both clocks to the right time.`, 'error');
		}
		this.#drift = drift;
		if (report.conflicts > 0) {
			this.deps.notify(
				`${countOf(report.conflicts, 'record was', 'records were')} edited on two devices: kept the newer, the other can be restored.`,
				'info'
			);
		}
	}

	/**
	 * Data of two workspaces never mix by accident: the first sync binds this browser's data to
	 * its place; a later sync elsewhere waits for the user's choice.
	 */
	async #boundTo(scope: string): Promise<boolean> {
		const { table, workspace, region, dynamodbEndpoint } = this.deps.aws.settings;
		const next: CloudPlace = { scope, settings: { table, workspace, region, dynamodbEndpoint } };
		const current = await this.deps.store.readMeta<CloudPlace>(BOUND_KEY);
		if (current && current.scope !== scope) {
			this.#placeChoice = { current, next };
			this.#failure = {
				summary: 'waiting for your choice',
				message: `Not synced: the settings point to another place than this browser's data. Choose in Settings → Data.`,
				at: this.deps.clock.now()
			};
			return false;
		}
		if (!current) await this.deps.store.writeMeta(BOUND_KEY, next);
		this.#placeChoice = null;
		return true;
	}

	/**
	 * The user's answer to a place choice:
	 * - `merge`: copy this browser's data into the new place, and that place's data here;
	 * - `replace`: leave this browser's data in its place (all of it synced) and load the new
	 *   place's data instead;
	 * - `back`: set the settings back to the place the data belongs to.
	 */
	async choosePlace(answer: 'merge' | 'replace' | 'back'): Promise<void> {
		const choice = this.#placeChoice;
		if (!choice) return;
		if (answer === 'back') {
			await this.deps.aws.updateSettings(choice.current.settings);
		} else {
			if (answer === 'replace') {
				if ((await this.deps.store.pendingCount()) > 0) {
					throw new Error('Some changes are not synced yet; sync them before switching.');
				}
				await this.deps.repository.clearAll();
			} else {
				await (await this.#engine(await this.deps.aws.gateway())).requeueAll();
			}
			await this.deps.store.writeMeta(BOUND_KEY, choice.next);
		}
		this.#placeChoice = null;
		this.#failure = null;
		await this.syncNow({ reconcile: true });
	}

	/** Words from AWS, clipped and without the secret key or token; loaded when first needed. */
	async #redactor(): Promise<(text: string) => string> {
		const { clip, scrub } = await import('../aws/aws-errors');
		return (text) => clip(scrub(text, this.deps.aws.session.session?.credentials));
	}

	async #logRepairs(repaired: number): Promise<void> {
		this.#reconcileNext = false;
		const log: RepairLog = {
			total: this.#repairs.total + repaired,
			lastCheckAt: this.deps.clock.now(),
			lastRepaired: repaired
		};
		this.#repairs = log;
		await this.deps.store.writeMeta(REPAIRS_KEY, log);
	}

	/** The engine's code comes with the first sync, never with the first page. */
	async #engine(gateway: Awaited<ReturnType<AwsConnection['gateway']>>): Promise<SyncEngine> {
		const { store, repository, clock, scheduler } = this.deps;
		const [{ SyncEngine }, redact] = await Promise.all([
			import('../storage/sync-engine'),
			this.#redactor()
		]);
		return new SyncEngine({
			store,
			repository,
			remote: gateway.remote,
			workspace: gateway.workspace,
			clock,
			scope: gateway.scope,
			redact,
			sleep: (ms) => new Promise((resolve) => scheduler.after(ms, () => resolve()))
		});
	}

	/** Two devices took the same next number offline: drafts move, sent invoices are flagged. */
	async #fixNumberClashes(): Promise<void> {
		const { renumberClashingDrafts } = await import('./sync-repairs');
		const { renumbered, unresolved } = await renumberClashingDrafts(this.deps);
		this.#clashes = unresolved;
		// The renumbered drafts go up in a run right after this one.
		if (renumbered > 0) this.#again = true;
	}

	/** Reloads the notice lists after a change, one reload at a time. */
	#refreshLists(): void {
		if (this.#listsLoading) {
			this.#listsAgain = true;
			return;
		}
		this.#listsLoading = true;
		void this.#loadLists()
			.catch(() => {})
			.finally(() => {
				this.#listsLoading = false;
				if (this.#listsAgain) {
					this.#listsAgain = false;
					this.#refreshLists();
				}
			});
	}

	async #loadLists(): Promise<void> {
		const [conflicts, failing, repairs] = await Promise.all([
			this.deps.store.conflicts(),
			this.deps.store.failingOutbox(),
			this.deps.store.readMeta<RepairLog>(REPAIRS_KEY)
		]);
		// Reasons stored by an older version were not scrubbed: scrub what is shown, too.
		const redact = failing.length > 0 ? await this.#redactor() : (text: string) => text;
		if (repairs) this.#repairs = repairs;
		this.#conflicts = conflicts.sort((a, b) => b.detectedAt.localeCompare(a.detectedAt));
		this.#attention = failing.map((e) => ({ ...e, lastError: redact(e.lastError ?? '') }));
	}

	#schedule(delay = Math.min(MAX_BACKOFF_MS, SYNC_INTERVAL_MS * 2 ** this.#failures)): void {
		this.#cancelTimer();
		if (!this.canSync) return;
		this.#cancelTimer = this.deps.scheduler.after(delay, () => void this.syncNow());
	}

	/** A local change: sync shortly, unless a run is already going (it will go again). */
	#soon(): void {
		if (this.#running) this.#again = true;
		else if (this.#failures === 0) this.#schedule(AFTER_WRITE_DELAY_MS);
	}
}
