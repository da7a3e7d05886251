import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamo } from '../aws/dynamo-client';
import type { AwsSession } from '../aws/session';
import { DEFAULT_AWS_SETTINGS } from '../aws/settings';
import { startDynalite, type LocalDynamo } from '../testing/dynalite';
import { startFaultProxy, type FaultProxy } from '../testing/fault-proxy';
import { makeInvoice } from '../testing/factories';
import { makeReplica } from '../testing/replica';
import { DynamoRemote } from './dynamo-remote';
import { createTable, describeTable } from './remote-table';
import { SETTLE_MS } from './sync-rules';
import { createTableInput, SEQ_INDEX, toItem } from './table-design';

const session: AwsSession = {
	credentials: {
		accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
		secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
		sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLEtoken'
	},
	kind: 'temporary',
	region: 'us-east-1',
	expiresAt: null
};

describe('the sync table on a real DynamoDB API (dynalite)', () => {
	let local: LocalDynamo;
	let proxy: FaultProxy;
	beforeAll(async () => {
		local = await startDynalite();
		proxy = await startFaultProxy(local.endpoint);
	});
	afterAll(async () => {
		await proxy.close();
		await local.close();
	});

	const open = (onRejected: (error: unknown) => void = () => {}) =>
		createDynamo(
			session,
			{ ...DEFAULT_AWS_SETTINGS, dynamodbEndpoint: proxy.endpoint },
			onRejected
		);

	it('reports a missing table, creates it, then finds it active', async () => {
		const dynamo = await open();
		expect(await describeTable(dynamo, 'invoices-a')).toBe('missing');
		await createTable(dynamo, 'invoices-a');
		expect(await describeTable(dynamo, 'invoices-a')).toBe('active');
		await createTable(dynamo, 'invoices-a');
		const { Table } = await dynamo.client.send(
			new dynamo.sdk.DescribeTableCommand({ TableName: 'invoices-a' })
		);
		expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
		expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(['bySeq', 'byStamp']);
	});

	it('tells the session at once when AWS says the token is expired', async () => {
		const rejected: unknown[] = [];
		const dynamo = await open((error) => rejected.push(error));
		proxy.fail('expired-token');
		await expect(describeTable(dynamo, 'invoices-a')).rejects.toMatchObject({
			name: 'ExpiredTokenException'
		});
		expect(rejected).toEqual(['expired']);
		proxy.fail('throttle', 1);
		await expect(describeTable(dynamo, 'invoices-a')).rejects.toMatchObject({
			name: 'ThrottlingException'
		});
		expect(rejected).toHaveLength(1);
	});

	// Sync retries what is worth retrying itself (remote-calls.ts); SDK retries on top would
	// hold back the first message about a dead endpoint for up to a minute.
	it('makes one attempt per call, so a dropped or failing endpoint is reported at once', async () => {
		const dynamo = await open();
		for (const fault of ['drop', 'server-error', 'throttle'] as const) {
			const before = proxy.requests.get('DescribeTable') ?? 0;
			proxy.fail(fault, Infinity);
			await expect(describeTable(dynamo, 'invoices-a')).rejects.toBeTruthy();
			expect(proxy.requests.get('DescribeTable'), fault).toBe(before + 1);
		}
		proxy.heal();
	});
});

describe('a table made before the stamp index (dynalite)', () => {
	let local: LocalDynamo;
	beforeAll(async () => {
		local = await startDynalite();
	});
	afterAll(async () => {
		await local.close();
	});

	it('is reconciled from the table itself until the index exists', async () => {
		const dynamo = await createDynamo(
			session,
			{ ...DEFAULT_AWS_SETTINGS, dynamodbEndpoint: local.endpoint },
			() => {}
		);
		const { GlobalSecondaryIndexes, AttributeDefinitions, ...rest } = createTableInput('old');
		await dynamo.client.send(
			new dynamo.sdk.CreateTableCommand({
				...rest,
				AttributeDefinitions: AttributeDefinitions.filter((a) => a.AttributeName !== 'ver'),
				GlobalSecondaryIndexes: GlobalSecondaryIndexes.filter((i) => i.IndexName === SEQ_INDEX)
			})
		);
		const device = makeReplica('a', new DynamoRemote(dynamo, 'old', 'default'));
		await device.engine.run();
		for (let i = 0; i < 3; i++) {
			device.clock.advance(SETTLE_MS);
			await device.engine.run();
		}
		// A write the delta pull can never see: as the previous version wrote it (no `ver`), with
		// a change number below this device's checkpoint.
		const late = makeInvoice({ id: 'landed-late', hlc: '2026-01-01T00:00:00.000Z-0000-old' });
		const { ver, ...item } = toItem('default', { collection: 'invoices', record: late }, 0); // eslint-disable-line @typescript-eslint/no-unused-vars
		await dynamo.documents.send(new dynamo.lib.PutCommand({ TableName: 'old', Item: item }));
		expect((await device.engine.run()).pulled).toBe(0);
		const report = await device.engine.run({ reconcile: true });
		expect(report).toMatchObject({ reconciled: true, repaired: 1 });
		expect(report.readUnits).toBeGreaterThan(0);
		expect(await device.store.get('invoices', 'landed-late')).toEqual(late);
		dynamo.client.destroy();
	});
});
