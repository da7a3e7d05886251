import { AiAssistant } from '../app/ai-assistant.svelte';
import { AwsConnection } from '../app/aws-connection.svelte';
import { SyncCoordinator } from '../app/sync.svelte';
import { memoryLocks } from '../platform/locks';
import type { RecordStore } from '../storage/record-store';
import type { Repository } from '../storage/repository';
import { storageVault } from '../aws/credential-vault';
import { AwsSessionStore, type SessionMessage } from '../aws/session-store.svelte';
import { DEFAULT_AWS_SETTINGS } from '../aws/settings';
import { MemoryTabNetwork } from '../platform/channel';
import type { ManualClock } from '../platform/clock';
import { FakeCloud } from './fake-cloud';
import { FakeModel } from './memory-ai';
import { MemoryStorage } from './memory-storage';

/**
 * The AWS side of the app wired from fakes: a fake cloud, a fake model, memory storage and a
 * manual clock.
 */
export function memoryAws(
	clock: ManualClock,
	{
		cloud = new FakeCloud(),
		network = new MemoryTabNetwork<SessionMessage>(),
		notices = [] as string[],
		model = new FakeModel()
	} = {}
) {
	const session = new AwsSessionStore({
		clock,
		scheduler: clock,
		vault: storageVault(new MemoryStorage()),
		channel: network.join(),
		notify: (message) => notices.push(message)
	});
	session.start();
	const connection = new AwsConnection(
		{ session, clock, openGateway: cloud.open, saveSettings: async () => {} },
		DEFAULT_AWS_SETTINGS
	);
	const ai = new AiAssistant({
		aws: connection,
		openModel: async () => model,
		origin: 'http://127.0.0.1:4173'
	});
	return { cloud, session, connection, notices, model, ai };
}

/** A sync coordinator over the fakes: memory locks, the manual clock as scheduler. */
export function memorySync(
	aws: AwsConnection,
	store: RecordStore,
	repository: Repository,
	clock: ManualClock,
	notices: string[] = []
): SyncCoordinator {
	return new SyncCoordinator({
		aws,
		store,
		repository,
		clock,
		scheduler: clock,
		exclusive: memoryLocks(),
		notify: (message) => notices.push(message)
	});
}
