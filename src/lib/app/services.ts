/**
 * The one place where the real implementations are chosen and wired together. Tests build
 * the same graph from the in-memory fakes instead.
 */
import { browserTabChannel } from '../platform/channel';
import { systemClock, type Clock } from '../platform/clock';
import { randomIds, type IdSource } from '../platform/ids';
import { openIdbStore } from '../storage/idb-store';
import type { RecordStore } from '../storage/record-store';
import { Repository, type ChangeNotice } from '../storage/repository';

export interface Services {
	repository: Repository;
	store: RecordStore;
	clock: Clock;
	ids: IdSource;
}

const DEVICE_KEY = 'device-id';

/** A per-browser id that tells this device's HLC stamps from every other device's. */
export async function deviceIdOf(store: RecordStore, ids: IdSource): Promise<string> {
	const existing = await store.readMeta<string>(DEVICE_KEY);
	if (existing) return existing;
	const created = ids.next().replace(/-/g, '').slice(0, 12);
	await store.writeMeta(DEVICE_KEY, created);
	return created;
}

export async function createBrowserServices(): Promise<Services> {
	const store = await openIdbStore();
	const deviceId = await deviceIdOf(store, randomIds);
	const channel = browserTabChannel<ChangeNotice>('invoicelab-changes');
	const repository = new Repository(store, systemClock, randomIds, channel, deviceId);
	return { repository, store, clock: systemClock, ids: randomIds };
}
