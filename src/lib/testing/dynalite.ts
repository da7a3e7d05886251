/**
 * A real DynamoDB-API server on 127.0.0.1 for tests and benchmarks (dynalite keeps its data
 * in memory). Node only.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import dynalite from 'dynalite';

export interface LocalDynamo {
	endpoint: string;
	port: number;
	close(): Promise<void>;
}

export async function startDynalite(port = 0): Promise<LocalDynamo> {
	const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	const actual = (server.address() as AddressInfo).port;
	return {
		endpoint: `http://127.0.0.1:${actual}`,
		port: actual,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			})
	};
}
