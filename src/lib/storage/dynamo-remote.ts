import type { Dynamo } from '../aws/dynamo-client';
import type { Item, RemoteStore } from './remote-store';
import { partitionKey, SEQ_COUNTER_SK, SEQ_INDEX } from './table-design';

/** The sync table in DynamoDB (layout in table-design.ts and docs/dynamodb-table.md). */
export class DynamoRemote implements RemoteStore {
	private readonly pk: string;

	constructor(
		private readonly dynamo: Dynamo,
		private readonly table: string,
		workspace: string
	) {
		this.pk = partitionKey(workspace);
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
