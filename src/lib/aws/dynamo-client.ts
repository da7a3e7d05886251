/**
 * DynamoDB clients, built only once credentials exist: the SDK is a dynamic import, so a
 * local-only user never downloads it.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { watchForRejectedCredentials } from './rejection-watch';
import type { AwsSession } from './session';
import type { AwsSettings } from './settings';

export interface Dynamo {
	client: DynamoDBClient;
	/** Marshals plain objects to and from DynamoDB's attribute format. */
	documents: DynamoDBDocumentClient;
	/**
	 * The same, for record writes, with no retries of its own: sync retries a write itself,
	 * with a fresh change number, so no write lands long after its number was handed out.
	 */
	writes: DynamoDBDocumentClient;
	sdk: typeof import('@aws-sdk/client-dynamodb');
	lib: typeof import('@aws-sdk/lib-dynamodb');
	/** The address requests go to, for messages. */
	endpoint: string;
}

/** A request that hangs this long is abandoned (sync relies on writes landing promptly). */
export const REQUEST_TIMEOUT_MS = 20_000;

export async function createDynamo(
	session: AwsSession,
	settings: AwsSettings,
	onRejected: (error: unknown) => void
): Promise<Dynamo> {
	const [sdk, lib] = await Promise.all([
		import('@aws-sdk/client-dynamodb'),
		import('@aws-sdk/lib-dynamodb')
	]);
	const endpoint = settings.dynamodbEndpoint || undefined;
	const clientWith = (maxAttempts?: number) => {
		const client = new sdk.DynamoDBClient({
			region: settings.region,
			endpoint,
			credentials: { ...session.credentials },
			maxAttempts,
			requestHandler: { requestTimeout: REQUEST_TIMEOUT_MS }
		});
		watchForRejectedCredentials(client, onRejected);
		return client;
	};
	const documentsOf = (client: DynamoDBClient) =>
		lib.DynamoDBDocumentClient.from(client, {
			marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false }
		});
	const client = clientWith();
	return {
		client,
		documents: documentsOf(client),
		writes: documentsOf(clientWith(1)),
		sdk,
		lib,
		endpoint: endpoint ?? `https://dynamodb.${settings.region}.amazonaws.com`
	};
}
