/**
 * Sync benchmarks (issue 4), against a real DynamoDB API (dynalite on 127.0.0.1) with the
 * app's own DynamoDB code, counting requests by operation through the loopback proxy.
 * The naive baseline, in the same run: Scan the whole table, then one PutItem per record.
 */
import { createDynamo } from '../src/lib/aws/dynamo-client';
import { DEFAULT_AWS_SETTINGS } from '../src/lib/aws/settings';
import { DynamoRemote } from '../src/lib/storage/dynamo-remote';
import { createTable } from '../src/lib/storage/remote-table';
import { SETTLE_MS } from '../src/lib/storage/sync-rules';
import { toItem } from '../src/lib/storage/table-design';
import { startDynalite } from '../src/lib/testing/dynalite';
import { makeDataset } from '../src/lib/testing/factories';
import { startFaultProxy, type FaultProxy } from '../src/lib/testing/fault-proxy';
import { makeReplica } from '../src/lib/testing/replica';
import type { Row } from './foundation';

const N = 10_000;
const EDITS = 100;
const WRITES = ['BatchWriteItem', 'PutItem', 'UpdateItem'];

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

async function measure(proxy: FaultProxy, work: () => Promise<unknown>) {
	proxy.requests.clear();
	const started = performance.now();
	await work();
	return {
		ms: performance.now() - started,
		requests: count(proxy),
		writes: count(proxy, WRITES),
		detail: Object.fromEntries(proxy.requests)
	};
}

export async function syncBench(): Promise<Row[]> {
	const local = await startDynalite();
	const proxy = await startFaultProxy(local.endpoint);
	const settings = { ...DEFAULT_AWS_SETTINGS, dynamodbEndpoint: proxy.endpoint };
	const dynamo = await createDynamo(session, settings, () => {});
	try {
		await createTable(dynamo, 'bench');
		await createTable(dynamo, 'naive');
		const remote = new DynamoRemote(dynamo, 'bench', 'default');
		const device = makeReplica('bench', remote);
		const { invoices } = makeDataset(N, 200);
		for (let i = 0; i < invoices.length; i += 500) {
			await device.store.write(
				invoices.slice(i, i + 500).map((record) => ({ collection: 'invoices', record }))
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

		for (const invoice of invoices.slice(0, EDITS)) {
			await device.repository.save('invoices', { ...invoice, notes: 'edited' });
		}
		const edits = await measure(proxy, () => device.engine.run());

		const naive = await naiveBaseline(dynamo, proxy, invoices);
		const target = Math.ceil(N / 25);
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
				metric: 'reconnect, no changes: requests',
				value: idle.requests,
				unit: 'requests',
				target: '≤ 2'
			},
			{ metric: 'reconnect, no changes: time', value: idle.ms, unit: 'ms' },
			{ metric: `${EDITS} edited invoices: requests`, value: edits.requests, unit: 'requests' },
			{ metric: `${EDITS} edited invoices: time`, value: edits.ms, unit: 'ms' },
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
				value: naive.idle.requests / Math.max(1, idle.requests),
				unit: '×'
			},
			{
				metric: `${EDITS} edits: naive ÷ InvoiceLab requests`,
				value: naive.edits.requests / edits.requests,
				unit: '×'
			}
		];
	} finally {
		dynamo.client.destroy();
		await proxy.close();
		await local.close();
	}
}

/** What a simple sync would do: read the whole table, write every record that differs. */
async function naiveBaseline(
	dynamo: Awaited<ReturnType<typeof createDynamo>>,
	proxy: FaultProxy,
	invoices: ReturnType<typeof makeDataset>['invoices']
) {
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
			const item = toItem('default', { collection: 'invoices', record }, 0);
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
