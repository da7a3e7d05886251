import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamo } from '../aws/dynamo-client';
import type { AwsSession } from '../aws/session';
import { DEFAULT_AWS_SETTINGS } from '../aws/settings';
import { startDynalite, type LocalDynamo } from '../testing/dynalite';
import { startFaultProxy, type FaultProxy } from '../testing/fault-proxy';
import { createTable, describeTable } from './remote-table';

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
		expect(rejected).toHaveLength(1);
		proxy.fail('throttle', 1);
		expect(await describeTable(dynamo, 'invoices-a')).toBe('active');
		expect(rejected).toHaveLength(1);
	});
});
