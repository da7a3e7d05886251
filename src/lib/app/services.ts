/**
 * The one place where the real implementations are chosen and wired together. Tests build
 * the same graph from the in-memory fakes instead.
 */
import { dev, version } from '$app/environment';
import { base } from '$app/paths';
import { storageVault } from '../aws/credential-vault';
import { AwsSessionStore, type SessionMessage } from '../aws/session-store.svelte';
import { readAwsSettings } from '../aws/settings';
import { AppUpdate, askVersion } from '../platform/app-update.svelte';
import { versionLock } from '../platform/app-versions';
import { browserTabChannel } from '../platform/channel';
import { browserMail, type MailChannel } from '../platform/mail';
import { systemClock, systemScheduler, type Clock } from '../platform/clock';
import { randomIds, type IdSource } from '../platform/ids';
import { openIdbStore } from '../storage/idb-store';
import { whenIdle } from '../platform/idle';
import type { RecordStore } from '../storage/record-store';
import { Repository, type ChangeNotice } from '../storage/repository';
import { webLocks } from '../platform/locks';
import { AiAssistant } from './ai-assistant.svelte';
import { AwsConnection } from './aws-connection.svelte';
import { SyncCoordinator } from './sync.svelte';
import { toasts } from './toasts.svelte';

export interface Services {
	repository: Repository;
	store: RecordStore;
	clock: Clock;
	ids: IdSource;
	aws: AwsConnection;
	sync: SyncCoordinator;
	ai: AiAssistant;
	/** The browser's language: how numbers and dates are written until the profile chooses. */
	locale: string;
	/** How Send hands a PDF and its message to the user's mail (share sheet or mail program). */
	mail: MailChannel;
}

const DEVICE_KEY = 'device-id';
const AWS_SETTINGS_KEY = 'aws-settings';

/** A per-browser id that tells this device's HLC stamps from every other device's. */
export async function deviceIdOf(store: RecordStore, ids: IdSource): Promise<string> {
	const existing = await store.readMeta<string>(DEVICE_KEY);
	if (existing) return existing;
	const created = ids.next().replace(/-/g, '').slice(0, 12);
	await store.writeMeta(DEVICE_KEY, created);
	return created;
}

/**
 * The session hand-off is scoped to this deployment's base path: two copies of the app on
 * one origin (say /staging/ and /) never take each other's AWS sessions. (They do share the
 * origin's IndexedDB, so change notices stay origin-wide.) This separates deployments; it is
 * no defence against a hostile page of the same origin (docs/security.md).
 */
export function deploymentScoped(name: string, basePath: string): string {
	return `${name}@${basePath || '/'}`;
}

export async function createBrowserServices(): Promise<Services> {
	const store = await openIdbStore('invoicelab', { whenIdle });
	const deviceId = await deviceIdOf(store, randomIds);
	const channel = browserTabChannel<ChangeNotice>('invoicelab-changes');
	const repository = new Repository(store, systemClock, randomIds, channel, deviceId);
	const session = new AwsSessionStore({
		clock: systemClock,
		scheduler: systemScheduler,
		vault: storageVault(sessionStorage),
		channel: browserTabChannel<SessionMessage>(deploymentScoped('invoicelab-aws-session', base)),
		notify: (message, tone) => toasts.show(message, tone, 12_000)
	});
	session.start();
	const aws = new AwsConnection(
		{
			session,
			clock: systemClock,
			// DynamoDB's code (and the SDK) loads with the first AWS call, not with the first page.
			openGateway: (...args) =>
				import('../storage/remote-table').then((m) => m.openDynamoGateway(...args)),
			saveSettings: (settings) => store.writeMeta(AWS_SETTINGS_KEY, settings)
		},
		readAwsSettings(await store.readMeta(AWS_SETTINGS_KEY))
	);
	const sync = new SyncCoordinator({
		aws,
		store,
		repository,
		clock: systemClock,
		scheduler: systemScheduler,
		exclusive: webLocks,
		notify: (message, tone) => toasts.show(message, tone, 8_000)
	});
	sync.start();
	addEventListener('online', () => void sync.syncNow());
	const ai = new AiAssistant({
		aws,
		// Even the wrapper stays out of the first load; it comes with the SDK on first AI use.
		openModel: (...args) => import('../ai/bedrock-model').then((m) => m.openBedrockModel(...args)),
		origin: location.origin
	});
	return {
		repository,
		store,
		clock: systemClock,
		ids: randomIds,
		aws,
		sync,
		ai,
		locale: navigator.language,
		mail: browserMail
	};
}

/**
 * Registers the service worker (SvelteKit's own registration is turned off for this) and,
 * while this tab is open, holds a lock naming the version it runs, so the worker keeps that
 * version's files (docs/hosting.md, Updates). Undefined where there are no service workers.
 */
export function startAppUpdate(): AppUpdate | undefined {
	if (!('serviceWorker' in navigator)) return undefined;
	if ('locks' in navigator) {
		void navigator.locks.request(
			versionLock(version),
			{ mode: 'shared' },
			() => new Promise(() => {})
		);
	}
	const update = new AppUpdate({
		container: navigator.serviceWorker,
		version,
		versionOf: askVersion,
		reload: () => location.reload()
	});
	const url = new URL(`${base}/service-worker.js`, location.href).href;
	const register = () =>
		update
			.start(url, { type: dev ? 'module' : 'classic' })
			// Without a worker the app still works, only not offline.
			.catch((error: unknown) => console.warn('The offline worker did not register', error));
	// Installing caches the whole shell: let the page's own files load first.
	if (document.readyState === 'complete') void register();
	else addEventListener('load', () => void register(), { once: true });
	return update;
}
