import type { Dynamo } from '../aws/dynamo-client';
import type { Item, ItemStamp, RemoteStore } from './remote-store';
import {
	partitionKey,
	SEQ_COUNTER_SK,
	SEQ_INDEX,
	STAMP_INDEX,
	stampDigest,
	stampIndex
} from './table-design';

/** How long a table's identity is trusted before it is described again. */
const IDENTITY_TTL_MS = 10 * 60_000;

/** The sync table in DynamoDB (layout in table-design.ts and docs/dynamodb-table.md). */
export class DynamoRemote implements RemoteStore {
	private readonly pk: string;
	private described: { identity: string; stampIndex: boolean; at: number } | null = null;

	constructor(
		private readonly dynamo: Dynamo,
		private readonly table: string,
		workspace: string
	) {
		this.pk = partitionKey(workspace);
	}

	/**
	 * The table's ARN and creation time: a table deleted and created again under the same name
	 * is a new table. Also adds the stamp index to a table made before it existed.
	 */
	async identity(): Promise<string> {
		if (this.described && Date.now() - this.described.at < IDENTITY_TTL_MS) {
			return this.described.identity;
		}
		const { sdk, client } = this.dynamo;
		const { Table } = await client.send(new sdk.DescribeTableCommand({ TableName: this.table }));
		const indexes = Table?.GlobalSecondaryIndexes ?? [];
		const index = indexes.find((i) => i.IndexName === STAMP_INDEX);
		if (!index) await this.addStampIndex();
		this.described = {
			identity: `${Table?.TableArn ?? this.table}@${Table?.CreationDateTime?.toISOString() ?? ''}`,
			stampIndex: index?.IndexStatus === 'ACTIVE',
			at: Date.now()
		};
		return this.described.identity;
	}

	async reserveSeq(count: number): Promise<number> {
		const { lib, documents } = this.dynamo;
		const { Attributes } = await documents.send(
			new lib.UpdateCommand({
				TableName: this.table,
				Key: { pk: this.pk, sk: SEQ_COUNTER_SK },
				UpdateExpression: 'ADD #n :count',
				ExpressionAttributeNames: { '#n': 'next' },
				ExpressionAttributeValues: { ':count': count },
				ReturnValues: 'UPDATED_NEW'
			})
		);
		return Number(Attributes?.next) - count + 1;
	}

	async batchPut(items: readonly Item[]): Promise<Item[]> {
		const { lib, documents } = this.dynamo;
		const { UnprocessedItems } = await documents.send(
			new lib.BatchWriteCommand({
				RequestItems: { [this.table]: items.map((Item) => ({ PutRequest: { Item } })) }
			})
		);
		return (UnprocessedItems?.[this.table] ?? []).flatMap((r) =>
			r.PutRequest?.Item ? [r.PutRequest.Item] : []
		);
	}

	async putIf(item: Item, expectedHlc: string | undefined): Promise<boolean> {
		const { lib, documents } = this.dynamo;
		try {
			await documents.send(
				new lib.PutCommand({
					TableName: this.table,
					Item: item,
					...(expectedHlc === undefined
						? { ConditionExpression: 'attribute_not_exists(pk)' }
						: {
								ConditionExpression: 'hlc = :expected',
								ExpressionAttributeValues: { ':expected': expectedHlc }
							})
				})
			);
			return true;
		} catch (error) {
			if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
			throw error;
		}
	}

	async get(sortKey: string): Promise<Item | undefined> {
		const { lib, documents } = this.dynamo;
		const { Item } = await documents.send(
			new lib.GetCommand({
				TableName: this.table,
				Key: { pk: this.pk, sk: sortKey },
				ConsistentRead: true
			})
		);
		return Item;
	}

	async getMany(sortKeys: readonly string[]) {
		const { lib, documents } = this.dynamo;
		const { Responses, UnprocessedKeys } = await documents.send(
			new lib.BatchGetCommand({
				RequestItems: {
					[this.table]: {
						Keys: sortKeys.map((sk) => ({ pk: this.pk, sk })),
						ConsistentRead: true
					}
				}
			})
		);
		return {
			items: Responses?.[this.table] ?? [],
			unprocessed: (UnprocessedKeys?.[this.table]?.Keys ?? []).map((key) => String(key.sk))
		};
	}

	/**
	 * Every record's key and stamp. From the small stamp index when it is ready; a table whose
	 * index is still being added is listed from the table itself (correct, but it reads the
	 * whole items).
	 */
	async stamps(cursor?: unknown) {
		const { lib, documents } = this.dynamo;
		const useIndex = this.described?.stampIndex ?? false;
		const { Items, LastEvaluatedKey, ConsumedCapacity } = await documents.send(
			new lib.QueryCommand({
				TableName: this.table,
				...(useIndex ? { IndexName: STAMP_INDEX } : { ProjectionExpression: 'sk, hlc' }),
				KeyConditionExpression: 'pk = :pk',
				ExpressionAttributeValues: { ':pk': this.pk },
				ExclusiveStartKey: cursor as Record<string, unknown> | undefined,
				ReturnConsumedCapacity: 'TOTAL'
			})
		);
		const items = (Items ?? []).flatMap((item): ItemStamp[] => {
			if (typeof item.ver === 'string') return [{ sk: String(item.sk), ver: item.ver }];
			return typeof item.hlc === 'string'
				? [{ sk: String(item.sk), ver: stampDigest(item.hlc) }]
				: [];
		});
		return { items, cursor: LastEvaluatedKey, readUnits: ConsumedCapacity?.CapacityUnits ?? 0 };
	}

	private async addStampIndex(): Promise<void> {
		const { sdk, client } = this.dynamo;
		try {
			await client.send(
				new sdk.UpdateTableCommand({
					TableName: this.table,
					AttributeDefinitions: [
						{ AttributeName: 'pk', AttributeType: 'S' },
						{ AttributeName: 'ver', AttributeType: 'S' }
					],
					GlobalSecondaryIndexUpdates: [{ Create: stampIndex() }]
				})
			);
		} catch {
			// Another device is adding it, or this role may not: the table listing still works.
		}
	}

	async changesSince(afterSeq: number, cursor?: unknown) {
		const { lib, documents } = this.dynamo;
		const { Items, LastEvaluatedKey } = await documents.send(
			new lib.QueryCommand({
				TableName: this.table,
				IndexName: SEQ_INDEX,
				KeyConditionExpression: 'pk = :pk AND seq > :after',
				ExpressionAttributeValues: { ':pk': this.pk, ':after': afterSeq },
				ExclusiveStartKey: cursor as Record<string, unknown> | undefined
			})
		);
		return { items: Items ?? [], cursor: LastEvaluatedKey };
	}
}
