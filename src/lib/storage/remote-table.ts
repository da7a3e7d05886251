import { awsProblemOf, type AwsProblem } from '../aws/aws-errors';
import { createDynamo, type Dynamo } from '../aws/dynamo-client';
import type { AwsSession } from '../aws/session';
import type { AwsSettings } from '../aws/settings';
import { DynamoRemote } from './dynamo-remote';
import type { RemoteStore } from './remote-store';
import { createTableInput } from './table-design';

export type TableState = 'active' | 'creating' | 'missing';

/** The DynamoDB side of the app, for one session and one set of settings. */
export interface CloudGateway {
	readonly endpoint: string;
	/** Names the endpoint, table and workspace: each keeps its own sync checkpoint. */
	readonly scope: string;
	readonly workspace: string;
	readonly remote: RemoteStore;
	describeTable(): Promise<TableState>;
	createTable(): Promise<void>;
}

export type OpenGateway = (
	session: AwsSession,
	settings: AwsSettings,
	onRejected: (problem: AwsProblem) => void
) => Promise<CloudGateway>;

export const openDynamoGateway: OpenGateway = async (session, settings, onRejected) => {
	const dynamo = await createDynamo(session, settings, onRejected);
	return {
		endpoint: dynamo.endpoint,
		scope: [dynamo.endpoint, settings.table, settings.workspace].join('|'),
		workspace: settings.workspace,
		remote: new DynamoRemote(dynamo, settings.table, settings.workspace),
		describeTable: () => describeTable(dynamo, settings.table),
		createTable: () => createTable(dynamo, settings.table)
	};
};

export async function describeTable(dynamo: Dynamo, tableName: string): Promise<TableState> {
	try {
		const { Table } = await dynamo.client.send(
			new dynamo.sdk.DescribeTableCommand({ TableName: tableName })
		);
		return Table?.TableStatus === 'ACTIVE' ? 'active' : 'creating';
	} catch (error) {
		if (awsProblemOf(error) === 'missing-table') return 'missing';
		throw error;
	}
}

/** Creates the table (on-demand billing) and waits until it takes writes. */
export async function createTable(dynamo: Dynamo, tableName: string): Promise<void> {
	try {
		await dynamo.client.send(new dynamo.sdk.CreateTableCommand(createTableInput(tableName)));
	} catch (error) {
		// Another device (or tab) may have created it a moment ago: that is fine.
		if ((error as { name?: string }).name !== 'ResourceInUseException') throw error;
	}
	await dynamo.sdk.waitUntilTableExists(
		{ client: dynamo.client, maxWaitTime: 180, minDelay: 1, maxDelay: 5 },
		{ TableName: tableName }
	);
}
