/**
 * The DynamoDB table every device of a workspace syncs through. A public contract (see
 * docs/dynamodb-table.md): other tools may read these items, so change it only with a new
 * schema version.
 *
 * - One partition per workspace: `pk = "ws#<workspace>"`, `sk = "<collection>#<id>"`.
 * - Every write stamps `seq`, a number taken from the workspace's counter item, so the
 *   `bySeq` index returns "everything changed since checkpoint N" with a Query, not a Scan.
 */
export const TABLE_SCHEMA_VERSION = 1;
export const SEQ_INDEX = 'bySeq';

export function partitionKey(workspace: string): string {
	return `ws#${workspace}`;
}

/** Shape of a CreateTable request, kept free of the SDK so this module stays pure. */
export function createTableInput(tableName: string) {
	return {
		TableName: tableName,
		BillingMode: 'PAY_PER_REQUEST' as const,
		AttributeDefinitions: [
			{ AttributeName: 'pk', AttributeType: 'S' as const },
			{ AttributeName: 'sk', AttributeType: 'S' as const },
			{ AttributeName: 'seq', AttributeType: 'N' as const }
		],
		KeySchema: [
			{ AttributeName: 'pk', KeyType: 'HASH' as const },
			{ AttributeName: 'sk', KeyType: 'RANGE' as const }
		],
		GlobalSecondaryIndexes: [
			{
				IndexName: SEQ_INDEX,
				KeySchema: [
					{ AttributeName: 'pk', KeyType: 'HASH' as const },
					{ AttributeName: 'seq', KeyType: 'RANGE' as const }
				],
				Projection: { ProjectionType: 'ALL' as const }
			}
		]
	};
}
