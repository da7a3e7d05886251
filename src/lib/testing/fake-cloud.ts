import { awsProblemOf, isRejectedCredentials } from '../aws/aws-errors';
import type { CloudGateway, OpenGateway } from '../storage/remote-table';
import { MemoryRemote } from './memory-remote';

/** An in-memory DynamoDB account: tables by name, and errors to answer with on demand. */
export class FakeCloud {
	readonly tables = new Set<string>();
	readonly opened: string[] = [];
	/** One sync table per table name and workspace. */
	readonly remotes = new Map<string, MemoryRemote>();
	#failures: unknown[] = [];

	/** The next calls throw these errors, in order (AWS-shaped: `{ name, message }`). */
	failWith(...errors: unknown[]): void {
		this.#failures.push(...errors);
	}

	readonly open: OpenGateway = async (session, settings, onRejected) => {
		this.opened.push(session.credentials.accessKeyId);
		const call = async <T>(work: () => T): Promise<T> => {
			const failure = this.#failures.shift();
			if (failure) {
				if (isRejectedCredentials(failure)) onRejected(awsProblemOf(failure));
				throw failure;
			}
			return work();
		};
		const scope = `${settings.table}|${settings.workspace}`;
		const remote = this.remotes.get(scope) ?? new MemoryRemote();
		this.remotes.set(scope, remote);
		const gateway: CloudGateway = {
			endpoint: settings.dynamodbEndpoint || `https://dynamodb.${settings.region}.amazonaws.com`,
			scope,
			workspace: settings.workspace,
			remote,
			describeTable: () => call(() => (this.tables.has(settings.table) ? 'active' : 'missing')),
			createTable: () => call(() => void this.tables.add(settings.table))
		};
		return gateway;
	};
}

export function awsError(name: string, message = name, status = 400): Error {
	return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}
