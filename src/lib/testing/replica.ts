import { MemoryTabNetwork } from '../platform/channel';
import { ManualClock } from '../platform/clock';
import { SequentialIds } from '../platform/ids';
import { MemoryRecordStore } from '../storage/memory-store';
import type { RecordStore } from '../storage/record-store';
import type { RemoteStore } from '../storage/remote-store';
import { Repository, type ChangeNotice } from '../storage/repository';
import { SyncEngine } from '../storage/sync-engine';

/**
 * One device for sync tests and benchmarks: its own store (in memory unless given), clock
 * (possibly skewed, or shared), ids and repository, syncing with a shared remote. The engine's
 * back-off waits move the device's clock.
 */
export function makeReplica(
	name: string,
	remote: RemoteStore,
	{
		start = Date.parse('2026-11-22T09:00:00Z'),
		skewMs = 0,
		workspace = 'default',
		store = new MemoryRecordStore() as RecordStore,
		clock = new ManualClock(start + skewMs)
	} = {}
) {
	const repository = new Repository(
		store,
		clock,
		new SequentialIds(name),
		new MemoryTabNetwork<ChangeNotice>().join(),
		name
	);
	const engine = new SyncEngine({
		store,
		repository,
		remote,
		workspace,
		clock,
		sleep: async (ms) => clock.advance(ms),
		scope: 'test'
	});
	return { name, store, clock, repository, engine };
}

export type Replica = ReturnType<typeof makeReplica>;
