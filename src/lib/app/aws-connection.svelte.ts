import type { AwsProblem } from '../aws/aws-errors';
import type { ParsedCredentials } from '../aws/credentials-parser';
import { expiryFor } from '../aws/session';
import type { AwsSessionStore } from '../aws/session-store.svelte';
import { checkAwsSettings, type AwsSettings } from '../aws/settings';
import type { CloudGateway, OpenGateway, TableState } from '../storage/remote-table';
import type { Clock } from '../platform/clock';
import { ClientCache } from '../aws/client-cache';

export type ConnectionCheck =
	| { state: 'checking' | 'creating-table' }
	| { state: 'connected' | 'missing-table'; message: string }
	| { state: 'failed'; problem: AwsProblem; message: string };

export interface AwsConnectionDeps {
	session: AwsSessionStore;
	clock: Clock;
	openGateway: OpenGateway;
	saveSettings: (settings: AwsSettings) => Promise<void>;
}

const REJECTION_REASONS: Partial<Record<AwsProblem, string>> = {
	expired: 'the session has expired',
	'lab-ended': 'the Learner Lab session has ended',
	unrecognized: 'the keys were not recognised'
};

/**
 * Settings, credentials and the last check of the connection, together: pasting keys,
 * changing the table or endpoint, and creating the table all go through here.
 */
export class AwsConnection {
	#settings = $state.raw<AwsSettings>();
	#check = $state.raw<ConnectionCheck | null>(null);
	readonly #gateways = new ClientCache<CloudGateway>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- callbacks, never rendered
	readonly #tableReadyListeners = new Set<() => void>();

	constructor(
		private readonly deps: AwsConnectionDeps,
		settings: AwsSettings
	) {
		this.#settings = settings;
	}

	get session(): AwsSessionStore {
		return this.deps.session;
	}
	get settings(): AwsSettings {
		return this.#settings!;
	}
	get check(): ConnectionCheck | null {
		return this.#check;
	}

	/** Validates and applies changed settings; returns the problems by field, if any. */
	async updateSettings(
		patch: Partial<AwsSettings>
	): Promise<Partial<Record<keyof AwsSettings, string>>> {
		const checked = checkAwsSettings({ ...this.settings, ...patch });
		if (!checked.ok) return checked.problems;
		this.#settings = checked.settings;
		await this.deps.saveSettings(checked.settings);
		this.#check = null;
		return {};
	}

	/** Takes pasted credentials, then makes one cheap call to say whether they work. */
	async connect(parsed: ParsedCredentials, timeLeftMs: number): Promise<ConnectionCheck> {
		if (parsed.region && parsed.region !== this.settings.region) {
			await this.updateSettings({ region: parsed.region });
		}
		const now = this.deps.clock.now();
		this.session.connect({
			credentials: parsed.credentials,
			kind: parsed.kind,
			region: this.settings.region,
			expiresAt: expiryFor(parsed.kind, parsed.expiration, timeLeftMs, now)
		});
		return this.verify();
	}

	async verify(): Promise<ConnectionCheck> {
		return this.#run('checking', async (gateway) => {
			const table = await gateway.describeTable();
			return table === 'missing'
				? {
						state: 'missing-table',
						message: `Connected, but the table "${this.settings.table}" does not exist yet in ${this.settings.region}.`
					}
				: { state: 'connected', message: this.#connectedMessage(table) };
		});
	}

	async createTable(): Promise<ConnectionCheck> {
		const check = await this.#run('creating-table', async (gateway) => {
			await gateway.createTable();
			return { state: 'connected', message: this.#connectedMessage('active') };
		});
		if (check.state === 'connected') for (const listener of this.#tableReadyListeners) listener();
		return check;
	}

	/** Calls back once a table created here takes writes (sync waits for that). */
	onTableReady(listener: () => void): () => void {
		this.#tableReadyListeners.add(listener);
		return () => this.#tableReadyListeners.delete(listener);
	}

	forget(): void {
		this.session.forget();
		this.#gateways.clear();
		this.#check = null;
	}

	/** The gateway for the current session and settings, built (and the SDK loaded) once. */
	gateway(): Promise<CloudGateway> {
		const session = this.session.session;
		if (!session) return Promise.reject(new Error('Connect AWS first.'));
		const s = this.settings;
		return this.#gateways.get(session, [s.region, s.dynamodbEndpoint, s.table, s.workspace], () =>
			this.deps.openGateway(session, s, (problem) => this.rejected(problem))
		);
	}

	async #run(
		busy: 'checking' | 'creating-table',
		work: (gateway: CloudGateway) => Promise<ConnectionCheck>
	): Promise<ConnectionCheck> {
		this.#check = { state: busy };
		let endpoint = this.settings.dynamodbEndpoint || `DynamoDB in ${this.settings.region}`;
		let outcome: ConnectionCheck;
		try {
			const gateway = await this.gateway();
			endpoint = gateway.endpoint;
			outcome = await work(gateway);
		} catch (error) {
			// Explaining loads with the first failure, not with the first page.
			const { explainAwsError } = await import('../aws/aws-errors');
			const explained = explainAwsError(error, {
				service: 'DynamoDB',
				endpoint,
				credentials: this.session.session?.credentials
			});
			outcome = { state: 'failed', ...explained };
		}
		this.#check = outcome;
		return outcome;
	}

	/** Turns the session offline after an AWS call refused its keys (any service). */
	rejected(problem: AwsProblem): void {
		const reason = REJECTION_REASONS[problem] ?? 'the keys were refused';
		this.session.reject(reason);
	}

	#connectedMessage(table: TableState): string {
		const where = `table "${this.settings.table}" in ${this.settings.region}`;
		return table === 'creating'
			? `Connected. The ${where} is still being created; syncing starts when it is ready.`
			: `Connected to the ${where}.`;
	}
}
