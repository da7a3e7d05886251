/**
 * A loopback proxy in front of a local AWS endpoint that answers the way AWS does when
 * things go wrong, on demand: expired tokens, a Learner Lab's end-of-session deny, throttling, server errors, dropped
 * connections. Tests steer it; it also counts requests by operation. Node only.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
	'expired-token' | 'lab-ended' | 'unrecognized-client' | 'throttle' | 'server-error' | 'drop';

const AWS_ERRORS: Record<
	Exclude<Fault, 'drop'>,
	{ status: number; type: string; message: string }
> = {
	'expired-token': {
		status: 400,
		type: 'ExpiredTokenException',
		message: 'The security token included in the request is expired'
	},
	// AWS Academy's answer once a Learner Lab's timer has run out.
	'lab-ended': {
		status: 400,
		type: 'AccessDeniedException',
		message:
			'User: arn:aws:sts::123456789012:assumed-role/voclabs/user1234567=Student is not authorized to perform: dynamodb:BatchWriteItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/invoicelab with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/voc-cancel-cred'
	},
	'unrecognized-client': {
		status: 400,
		type: 'UnrecognizedClientException',
		message: 'The security token included in the request is invalid.'
	},
	throttle: {
		status: 400,
		type: 'ThrottlingException',
		message: 'Rate of requests exceeds the allowed throughput.'
	},
	'server-error': { status: 500, type: 'InternalServerError', message: 'Internal server error' }
};

const CORS = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Allow-Headers': '*',
	'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
	'Access-Control-Expose-Headers': 'x-amzn-RequestId, x-amzn-ErrorType, x-amz-crc32',
	'Access-Control-Max-Age': '600'
};

export interface FaultProxy {
	endpoint: string;
	/** Answers the next `count` requests (all, with Infinity) with the fault. */
	fail(fault: Fault, count?: number, onlyOperation?: string): void;
	/** Lets `count` requests through, then answers every later one with the fault until healed. */
	failAfter(count: number, fault: Fault): void;
	/** Answers each request with a random fault at this probability (0 turns it off). */
	chaos(probability: number, faults: Fault[], random?: () => number): void;
	heal(): void;
	/** Requests seen, by DynamoDB operation (the X-Amz-Target suffix). */
	readonly requests: Map<string, number>;
	close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
	const upstream = new URL(target);
	let planned: { fault: Fault; left: number; operation?: string; skip?: number } | null = null;
	let chaos: { probability: number; faults: Fault[]; random: () => number } | null = null;
	const requests = new Map<string, number>();

	function pickFault(operation: string): Fault | null {
		if (planned?.skip) {
			planned.skip -= 1;
			return null;
		}
		if (planned && planned.left > 0 && (!planned.operation || planned.operation === operation)) {
			planned.left -= 1;
			return planned.fault;
		}
		if (chaos && chaos.random() < chaos.probability) {
			return chaos.faults[Math.floor(chaos.random() * chaos.faults.length)] ?? null;
		}
		return null;
	}

	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		if (req.method === 'OPTIONS') {
			res.writeHead(204, CORS).end();
			return;
		}
		const target = String(req.headers['x-amz-target'] ?? '');
		const operation = target.split('.').pop() || `${req.method} ${req.url}`;
		requests.set(operation, (requests.get(operation) ?? 0) + 1);
		const fault = pickFault(operation);
		if (fault === 'drop') {
			req.socket.destroy();
			return;
		}
		if (fault) {
			const { status, type, message } = AWS_ERRORS[fault];
			req.resume();
			res
				.writeHead(status, { ...CORS, 'Content-Type': 'application/x-amz-json-1.0' })
				.end(JSON.stringify({ __type: `com.amazon.coral.service#${type}`, message }));
			return;
		}
		const forward = request(
			{
				host: upstream.hostname,
				port: upstream.port,
				method: req.method,
				path: req.url,
				headers: { ...req.headers, host: upstream.host }
			},
			(answer) => {
				const headers = Object.fromEntries(
					Object.entries(answer.headers).filter(([name]) => !name.startsWith('access-control-'))
				);
				res.writeHead(answer.statusCode ?? 502, { ...headers, ...CORS });
				answer.pipe(res);
			}
		);
		forward.on('error', () => res.destroy());
		req.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		requests,
		fail(fault, count = 1, operation) {
			planned = { fault, left: count, operation };
		},
		failAfter(count, fault) {
			planned = { fault, left: Infinity, skip: count };
		},
		chaos(probability, faults, random = Math.random) {
			chaos = probability > 0 ? { probability, faults, random } : null;
		},
		heal() {
			planned = null;
			chaos = null;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
