/**
 * Sync benchmarks (issues 4 and "Sync that never loses an edit"), against a real DynamoDB API
 * (dynalite on 127.0.0.1) with the app's own DynamoDB code, counting requests by operation
 * through the loopback fault proxy. The naive baseline, in the same run: Scan the whole
 * table, then one PutItem per record.
 */
import { createDynamo, type Dynamo } from '../src/lib/aws/dynamo-client';
import { DEFAULT_AWS_SETTINGS } from '../src/lib/aws/settings';
import type { Invoice } from '../src/lib/invoice/schema';
import { MemoryTabNetwork } from '../src/lib/platform/channel';
import { SequentialIds } from '../src/lib/platform/ids';
import { formatStamp } from '../src/lib/storage/hlc';
import { DynamoRemote } from '../src/lib/storage/dynamo-remote';
import type { LocalWrite } from '../src/lib/storage/record-store';
import { createTable } from '../src/lib/storage/remote-table';
import { Repository, type ChangeNotice } from '../src/lib/storage/repository';
import { SyncEngine, type SyncReport } from '../src/lib/storage/sync-engine';
import { SETTLE_MS } from '../src/lib/storage/sync-rules';
import { partitionKey, sortKey, toItem } from '../src/lib/storage/table-design';
import { startDynalite } from '../src/lib/testing/dynalite';
import { makeDataset } from '../src/lib/testing/factories';
import { startFaultProxy, type FaultProxy } from '../src/lib/testing/fault-proxy';
import { makeReplica, type Replica } from '../src/lib/testing/replica';
import type { Row } from './foundation';

const EDITS = 100;
/** Cloud writes made to go missing for the repair figure: items deleted, items set back. */
const LOST = 10;
const WRITES = ['BatchWriteItem', 'PutItem', 'UpdateItem'];
const TABLE = 'bench';
/** A device id as the app makes them (12 characters), for the bulk-loaded records' stamps. */
const LOADER = 'a1b2c3d4e5f6';
const WORKSPACE = 'default';

const session = {
	credentials: {
		accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
		secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
	},
	kind: 'permanent' as const,
	region: 'us-east-1',
	expiresAt: null
};

function count(proxy: FaultProxy, operations?: string[]): number {
	let total = 0;
	for (const [operation, n] of proxy.requests) {
		if (!operations || operations.includes(operation)) total += n;
	}
	return total;
}

async function measure<T>(proxy: FaultProxy, work: () => Promise<T>) {
	proxy.requests.clear();
	const started = performance.now();
	const result = await work();
	return {
		result,
		ms: performance.now() - started,
		requests: count(proxy),
		writes: count(proxy, WRITES),
		detail: Object.fromEntries(proxy.requests) as Record<string, number>
	};
}

/**
 * The same device after a page reload: the same local database (IndexedDB survives), but a
 * new DynamoDB client, remote (no cached table identity), repository and engine.
 */
function reloaded(device: Replica, dynamo: Dynamo) {
	const remote = new DynamoRemote(dynamo, TABLE, WORKSPACE);
	const repository = new Repository(
		device.store,
		device.clock,
		new SequentialIds(`${device.name}-reloaded`),
		new MemoryTabNetwork<ChangeNotice>().join(),
		device.name
	);
	const engine = new SyncEngine({
		store: device.store,
		repository,
		remote,
		workspace: WORKSPACE,
		clock: device.clock,
		sleep: async () => {},
		scope: 'test'
	});
	return { remote, repository, engine };
}

/**
 * At each size, against a fresh table; the naive baseline only at the smallest (100,000
 * PutItem calls would take minutes and show nothing new). Each figure is named by its size.
 */
export async function syncBench(sizes: number[]): Promise<Row[]> {
	const rows: Row[] = [];
	for (const n of sizes) {
		const label = n.toLocaleString('en-US');
		const measured = await syncAt(n, n === Math.min(...sizes));
		rows.push(...measured.map((row) => ({ ...row, metric: `${label}: ${row.metric}` })));
	}
	return rows;
}

async function syncAt(N: number, withNaive: boolean): Promise<Row[]> {
	const local = await startDynalite();
	const proxy = await startFaultProxy(local.endpoint);
	const settings = { ...DEFAULT_AWS_SETTINGS, dynamodbEndpoint: proxy.endpoint };
	// dynalite answers a request over 100,000 items far slower than DynamoDB: allow minutes.
	const timeout = N > 10_000 ? 300_000 : undefined;
	const dynamo = await createDynamo(session, settings, () => {}, timeout);
	const clients: Dynamo[] = [dynamo];
	try {
		await createTable(dynamo, TABLE);
		await createTable(dynamo, 'naive');
		const device = makeReplica('bench', new DynamoRemote(dynamo, TABLE, WORKSPACE));
		const invoices = withOwnStamps(makeDataset(N, 200).invoices);
		for (let i = 0; i < invoices.length; i += 500) {
			await device.store.write(
				invoices.slice(i, i + 500).map((record): LocalWrite => ({
					change: { collection: 'invoices', record },
					origin: 'created'
				}))
			);
		}

		const first = await measure(proxy, () => device.engine.run());
		// Let the checkpoint settle past this device's own writes, as a day of use would.
		for (let i = 0; i < 2; i++) {
			device.clock.advance(SETTLE_MS);
			await device.engine.run();
		}
		device.clock.advance(SETTLE_MS);
		const idle = await measure(proxy, () => device.engine.run());

		// A page reload, then the app's sync on connect: identity, delta pull, reconcile, push.
		const fresh = await createDynamo(session, settings, () => {}, timeout);
		clients.push(fresh);
		const app = reloaded(device, fresh);
		const reconnect = await measure(proxy, () => app.engine.run({ reconcile: true }));
		const reconcile = await measure(proxy, () => app.engine.run({ reconcile: true }));
		const everything = await readWholePartition(dynamo);

		// Keep the original cloud items of the records whose later writes will go missing.
		const setBack = invoices.slice(0, LOST);
		const removed = invoices.slice(EDITS, EDITS + LOST);
		const originals = await getItems(dynamo, setBack);
		// A draft's notes change; an issued invoice (a record) gets a payment instead.
		for (const invoice of invoices.slice(0, EDITS)) {
			const payment = { id: `bench-${invoice.id}`, date: invoice.issueDate, amount: 1, note: '' };
			await app.repository.save(
				'invoices',
				invoice.status === 'draft'
					? { ...invoice, notes: 'edited' }
					: { ...invoice, payments: [...invoice.payments, payment] }
			);
		}
		const edits = await measure(proxy, () => app.engine.run());

		// The cloud misses writes behind the engine's back: 10 items gone, 10 set to an older
		// version (with their old change numbers, so no delta pull can see it).
		device.clock.advance(SETTLE_MS);
		await app.engine.run();
		for (const item of originals) {
			await dynamo.documents.send(new dynamo.lib.PutCommand({ TableName: TABLE, Item: item }));
		}
		for (const invoice of removed) {
			await dynamo.documents.send(
				new dynamo.lib.DeleteCommand({
					TableName: TABLE,
					Key: { pk: partitionKey(WORKSPACE), sk: sortKey('invoices', invoice.id) }
				})
			);
		}
		const before = await cloudMatches(dynamo, device, [...setBack, ...removed]);
		const repair = await measure(proxy, () => app.engine.run({ reconcile: true }));
		const after = await cloudMatches(dynamo, device, [...setBack, ...removed]);

		const naive = withNaive ? await naiveBaseline(dynamo, proxy, invoices) : null;
		const target = Math.ceil(N / 25);
		const readUnits = (report: SyncReport) => report.readUnits;
		return [
			{
				metric: `first sync of ${N} invoices: write requests`,
				value: first.writes,
				unit: 'requests',
				target: `≤ ${Math.floor(1.05 * target)} (1.05 × ceil(N/25))`
			},
			{
				metric: `first sync of ${N} invoices: all requests`,
				value: first.requests,
				unit: 'requests'
			},
			{ metric: `first sync of ${N} invoices: time`, value: first.ms, unit: 'ms' },
			{
				metric: 'idle sync (same engine), no changes: requests',
				value: idle.requests,
				unit: 'requests'
			},
			{ metric: 'idle sync (same engine), no changes: time', value: idle.ms, unit: 'ms' },
			{
				metric: 'reconnect after reload, no changes, reconcile: requests',
				value: reconnect.requests,
				unit: 'requests',
				target: N <= 10_000 ? '≤ 3 incl. the reconcile pages' : '≤ 20'
			},
			...Object.entries(reconnect.detail).map(([operation, n]) => ({
				metric: `  of which ${operation}`,
				value: n,
				unit: 'requests'
			})),
			{
				metric: 'reconnect after reload: records repaired',
				value: reconnect.result.repaired,
				unit: 'records',
				target: '0'
			},
			{ metric: 'reconnect after reload: time', value: reconnect.ms, unit: 'ms' },
			{
				metric: 'reconcile, nothing to repair: requests',
				value: reconcile.requests,
				unit: 'requests',
				target: '≤ 20'
			},
			{
				metric: 'reconcile, nothing to repair: read units',
				value: readUnits(reconcile.result),
				unit: 'RCU'
			},
			{ metric: 'reconcile, nothing to repair: time', value: reconcile.ms, unit: 'ms' },
			{
				metric: `read every item (base-table Query, ${everything.pages} pages): read units`,
				value: everything.readUnits,
				unit: 'RCU'
			},
			{
				metric: 'reconcile ÷ read every item: read units',
				value: readUnits(reconcile.result) / everything.readUnits,
				unit: 'ratio',
				target: '≤ 0.1'
			},
			{ metric: `${EDITS} edited invoices: requests`, value: edits.requests, unit: 'requests' },
			{ metric: `${EDITS} edited invoices: time`, value: edits.ms, unit: 'ms' },
			{
				metric: `cloud lost ${LOST} items + ${LOST} set back: cloud matches device before`,
				value: before,
				unit: 'records',
				target: '0'
			},
			{
				metric: 'repair run (reconcile): repaired',
				value: repair.result.repaired,
				unit: 'records',
				target: `= ${2 * LOST}`
			},
			{
				metric: 'repair run: cloud matches device after',
				value: after,
				unit: 'records',
				target: `= ${2 * LOST}`
			},
			{ metric: 'repair run: requests', value: repair.requests, unit: 'requests' },
			{ metric: 'repair run: time', value: repair.ms, unit: 'ms' },
			...(naive ? naiveRows(naive, { first, reconnect, edits }) : [])
		];
	} finally {
		for (const client of clients) client.client.destroy();
		await proxy.close();
		await local.close();
	}
}

type Measured = Awaited<ReturnType<typeof measure>>;

function naiveRows(
	naive: Awaited<ReturnType<typeof naiveBaseline>>,
	ours: { first: Measured; reconnect: Measured; edits: Measured }
): Row[] {
	const { first, reconnect, edits } = ours;
	return [
		{
			metric: `naive first sync (Scan + PutItem each): requests`,
			value: naive.first.requests,
			unit: 'requests'
		},
		{ metric: `naive first sync: time`, value: naive.first.ms, unit: 'ms' },
		{
			metric: 'naive reconnect, no changes: requests',
			value: naive.idle.requests,
			unit: 'requests'
		},
		{ metric: `naive ${EDITS} edits: requests`, value: naive.edits.requests, unit: 'requests' },
		{
			metric: 'first sync: naive ÷ InvoiceLab requests',
			value: naive.first.requests / first.requests,
			unit: '×'
		},
		{
			metric: 'reconnect: naive ÷ InvoiceLab requests',
			value: naive.idle.requests / Math.max(1, reconnect.requests),
			unit: '×'
		},
		{
			metric: `${EDITS} edits: naive ÷ InvoiceLab requests`,
			value: naive.edits.requests / edits.requests,
			unit: '×'
		}
	];
}

/**
 * The factory stamps every record alike; real records each have their own stamp (written one
 * by one, a minute apart here). It matters: dynalite tells index entries with equal index keys
 * apart by only 24 bits of a hash of the table key, so 10,000 equal stamps lose a few entries
 * from the stamp index (DynamoDB itself keeps them all).
 */
function withOwnStamps(invoices: Invoice[]): Invoice[] {
	const start = Date.parse('2026-01-01T00:00:00.000Z');
	return invoices.map((invoice, i) => {
		const wall = start + i * 60_000;
		return {
			...invoice,
			updatedAt: new Date(wall).toISOString(),
			hlc: formatStamp(wall, 0, LOADER)
		};
	});
}

/**
 * What reading every item of the workspace costs: a Query of the base table's partition,
 * all pages, eventually consistent, with the read units DynamoDB (here dynalite) reports.
 */
async function readWholePartition({ lib, documents }: Dynamo) {
	let readUnits = 0;
	let pages = 0;
	let items = 0;
	let start: Record<string, unknown> | undefined;
	do {
		const page = await documents.send(
			new lib.QueryCommand({
				TableName: TABLE,
				KeyConditionExpression: 'pk = :pk',
				ExpressionAttributeValues: { ':pk': partitionKey(WORKSPACE) },
				ExclusiveStartKey: start,
				ReturnConsumedCapacity: 'TOTAL'
			})
		);
		if (page.ConsumedCapacity?.CapacityUnits === undefined) {
			throw new Error('No ConsumedCapacity in the Query answer');
		}
		readUnits += page.ConsumedCapacity.CapacityUnits;
		items += page.Count ?? 0;
		pages += 1;
		start = page.LastEvaluatedKey;
	} while (start);
	return { readUnits, pages, items };
}

async function getItems({ lib, documents }: Dynamo, records: readonly Invoice[]) {
	const { Responses } = await documents.send(
		new lib.BatchGetCommand({
			RequestItems: {
				[TABLE]: {
					Keys: records.map((r) => ({
						pk: partitionKey(WORKSPACE),
						sk: sortKey('invoices', r.id)
					})),
					ConsistentRead: true
				}
			}
		})
	);
	return Responses?.[TABLE] ?? [];
}

/** How many of these records the table holds exactly as the device does (by stamp). */
async function cloudMatches(dynamo: Dynamo, device: Replica, records: readonly Invoice[]) {
	const cloud = new Map((await getItems(dynamo, records)).map((item) => [item.id, item.hlc]));
	let matching = 0;
	for (const { id } of records) {
		const mine = await device.store.get('invoices', id);
		if (mine && cloud.get(id) === mine.hlc) matching += 1;
	}
	return matching;
}

/** What a simple sync would do: read the whole table, write every record that differs. */
async function naiveBaseline(dynamo: Dynamo, proxy: FaultProxy, invoices: Invoice[]) {
	const { lib, documents } = dynamo;
	const scanAll = async () => {
		const items = new Map<string, unknown>();
		let start: Record<string, unknown> | undefined;
		do {
			const page = await documents.send(
				new lib.ScanCommand({ TableName: 'naive', ExclusiveStartKey: start })
			);
			for (const item of page.Items ?? []) items.set(String(item.sk), item.hlc);
			start = page.LastEvaluatedKey;
		} while (start);
		return items;
	};
	const sync = async (records: typeof invoices) => {
		const cloud = await scanAll();
		for (const record of records) {
			const item = toItem(WORKSPACE, { collection: 'invoices', record }, 0);
			if (cloud.get(String(item.sk)) === record.hlc) continue;
			await documents.send(new lib.PutCommand({ TableName: 'naive', Item: item }));
		}
	};
	const first = await measure(proxy, () => sync(invoices));
	const idle = await measure(proxy, () => sync(invoices));
	const edited = invoices.map((invoice, i) =>
		i < EDITS ? { ...invoice, notes: 'edited', hlc: `${invoice.hlc}-edited` } : invoice
	);
	const edits = await measure(proxy, () => sync(edited));
	return { first, idle, edits };
}
