import { MemoryTabNetwork } from '../platform/channel';
import { ManualClock } from '../platform/clock';
import { SequentialIds } from '../platform/ids';
import { MemoryRecordStore } from '../storage/memory-store';
import type { RemoteStore } from '../storage/remote-store';
import { Repository, type ChangeNotice } from '../storage/repository';
import { SyncEngine } from '../storage/sync-engine';

/**
 * One device for sync tests and benchmarks: its own store, clock (possibly skewed), ids and
 * repository, syncing with a shared remote.
 */
export function makeReplica(
	name: string,
	remote: RemoteStore,
	{ start = Date.parse('2026-11-22T09:00:00Z'), skewMs = 0, workspace = 'default' } = {}
) {
	const store = new MemoryRecordStore();
	const clock = new ManualClock(start + skewMs);
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
		sleep: async () => {},
		scope: 'test'
	});
	return { name, store, clock, repository, engine };
}

export type Replica = ReturnType<typeof makeReplica>;
