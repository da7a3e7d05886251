/**
 * DynamoDB clients, built only once credentials exist: the SDK is a dynamic import, so a
 * local-only user never downloads it.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsProblem } from './aws-errors';
import { watchForRejectedCredentials } from './rejection-watch';
import type { AwsSession } from './session';
import type { AwsSettings } from './settings';

export interface Dynamo {
	client: DynamoDBClient;
	/** Marshals plain objects to and from DynamoDB's attribute format. */
	documents: DynamoDBDocumentClient;
	sdk: typeof import('@aws-sdk/client-dynamodb');
	lib: typeof import('@aws-sdk/lib-dynamodb');
	/** The address requests go to, for messages. */
	endpoint: string;
}

/** A request that hangs this long is abandoned (sync relies on writes landing promptly). */
export const REQUEST_TIMEOUT_MS = 20_000;

/** `requestTimeoutMs`: longer only for the bench, whose local DynamoDB is far slower. */
export async function createDynamo(
	session: AwsSession,
	settings: AwsSettings,
	onRejected: (problem: AwsProblem) => void,
	requestTimeoutMs = REQUEST_TIMEOUT_MS
): Promise<Dynamo> {
	const [sdk, lib] = await Promise.all([
		import('@aws-sdk/client-dynamodb'),
		import('@aws-sdk/lib-dynamodb')
	]);
	const endpoint = settings.dynamodbEndpoint || undefined;
	// One attempt per call. Sync retries with back-off itself (remote-calls.ts), a retried
	// write with a fresh change number so none lands long after its number was handed out;
	// the SDK's silent retries on top would hold back the first word about a dead endpoint.
	const client = new sdk.DynamoDBClient({
		region: settings.region,
		endpoint,
		credentials: { ...session.credentials },
		maxAttempts: 1,
		requestHandler: { requestTimeout: requestTimeoutMs }
	});
	watchForRejectedCredentials(client, onRejected);
	return {
		client,
		documents: lib.DynamoDBDocumentClient.from(client, {
			marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false }
		}),
		sdk,
		lib,
		endpoint: endpoint ?? `https://dynamodb.${settings.region}.amazonaws.com`
	};
}
