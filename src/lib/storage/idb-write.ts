/**
 * IdbRecordStore.write, the biggest part of the store's code: loaded with the first write,
 * not for the first page. One transaction: the stale check, then the records, their pending
 * changes (pending-packs.ts) and new invoices (record-packs.ts) put in slices. Says whether it
 * packed new invoices.
 */
import { unwrap, type IDBPDatabase } from 'idb';
import type { Invoice } from '../invoice/schema';
import {
	abortQuietly,
	putAll,
	readKeys,
	readRecords,
	WRITE_SLICE,
	WRITE_STORES,
	type IdbStoreOf,
	type InvoiceLabDb
} from './idb-store';
import * as packs from './pending-packs';
import * as recordPacks from './record-packs';
import {
	batchOutcome,
	outboxKey,
	staleWrites,
	StaleWriteError,
	type Change,
	type LocalWrite,
	type OutboxEntry,
	type WriteOptions
} from './record-store';

export async function writeRecords(
	db: IDBPDatabase<InvoiceLabDb>,
	writes: readonly LocalWrite[],
	{ signal, onProgress }: WriteOptions,
	packFrom: number
): Promise<boolean> {
	const tx = db.transaction(WRITE_STORES, 'readwrite');
	const outbox = tx.objectStore('outbox') as unknown as IdbStoreOf<OutboxEntry>;
	// Awaited below; fails as soon as a request fails, before the code that awaits it runs.
	tx.done.catch(() => {});
	const cancel = () => abortQuietly(tx);
	signal?.addEventListener('abort', cancel);
	const puts: Promise<unknown>[] = [];
	try {
		const collections = [...new Set(writes.map((w) => w.change.collection))];
		const [pending, ...stored] = await Promise.all([
			readKeys(
				outbox,
				writes.map(({ change }) => outboxKey(change.collection, change.record.id)),
				(entry) => entry.key
			),
			...collections.map((collection) =>
				readRecords(
					tx,
					collection,
					writes.flatMap((w) => (w.change.collection === collection ? [w.change.record.id] : []))
				)
			)
		]);
		const storedOf = ({ collection, record }: Change) =>
			stored[collections.indexOf(collection)]!.get(record.id);
		const stale = staleWrites(writes, storedOf);
		if (stale.length) throw new StaleWriteError(stale);
		// A packed change of a record written now gets an entry of its own to build on.
		const keys = [
			...new Set(writes.map(({ change }) => outboxKey(change.collection, change.record.id)))
		];
		const taken = await packs.takeFromPacks(
			packs.packStore(tx),
			keys.filter((key) => !pending.has(key))
		);
		for (const [key, packed] of taken) {
			const record = stored[collections.indexOf(packed.collection)]!.get(packed.id);
			pending.set(key, packs.entryOf(packed, record));
		}
		// An entry already in the outbox store is rewritten there; the others may be packed.
		const inOutbox = new Set([...pending.keys()].filter((key) => !taken.has(key)));
		const written = [...batchOutcome(writes, (key) => pending.get(key), storedOf).values()];
		const packing = written.length >= packFrom;
		// A record in no store and no pack yet is packed too, newest first (record-packs.ts).
		const isNew = ({ change }: { change: Change }) =>
			packing && recordPacks.packable(change) && !storedOf(change);
		const outcome = packing
			? [
					...written.filter((item) => !isNew(item)),
					...written.filter(isNew).sort(recordPacks.newestFirst)
				]
			: written;
		const isPacked = ({ entry }: { entry: OutboxEntry }) => packing && !inOutbox.has(entry.key);
		const plainStores = new Map(
			WRITE_STORES.map((name) => [name, unwrap(tx.objectStore(name)) as IDBObjectStore])
		);
		const plain = (name: (typeof WRITE_STORES)[number]) => plainStores.get(name)!;
		let previous = putAll(
			writes.flatMap(({ conflict }) => (conflict ? [[plain('conflicts'), conflict]] : []))
		);
		puts.push(previous);
		// In slices, each issued while the one before is being written: the page paints the
		// progress and hears a cancel between them, and the database is never left idle.
		for (let start = 0; start < outcome.length; start += WRITE_SLICE) {
			const part = outcome.slice(start, start + WRITE_SLICE);
			const entries: [IDBObjectStore, unknown][] = [
				...part.filter((item) => !isPacked(item)).map(({ entry }) => [plain('outbox'), entry]),
				...packs.packsFor(part.filter(isPacked)).map((pack) => [plain('pending-packs'), pack])
			] as [IDBObjectStore, unknown][];
			const slice = putAll([
				...part
					.filter((item) => !isNew(item))
					.map(({ change }): [IDBObjectStore, unknown] => [
						plain(change.collection),
						change.record
					]),
				...recordPacks
					.recordPacks(part.filter(isNew).map(({ change }) => change.record as Invoice))
					.map((pack): [IDBObjectStore, unknown] => [plain('record-packs'), pack]),
				...entries
			]);
			// Handled: by the next `await previous`, or by the catch below when one fails first.
			slice.catch(() => {});
			puts.push(slice);
			await previous;
			if (start > 0) onProgress?.(start, outcome.length);
			previous = slice;
		}
		await previous;
		onProgress?.(outcome.length, outcome.length);
		await tx.done;
		return outcome.some(isNew);
	} catch (error) {
		// A put that throws (e.g. an uncloneable value) must not let the earlier puts commit.
		abortQuietly(tx);
		await Promise.allSettled([...puts, tx.done]);
		throw signal?.aborted ? signal.reason : error;
	} finally {
		signal?.removeEventListener('abort', cancel);
	}
}
