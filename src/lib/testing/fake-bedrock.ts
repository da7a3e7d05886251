/**
 * A fake Bedrock Runtime on 127.0.0.1 for tests and benchmarks: Converse answers with JSON
 * (tool use or text), ConverseStream answers with real AWS event-stream frames, and either
 * can answer with a Bedrock error instead. Every call is recorded, including whether the
 * client hung up before the answer was complete. It checks no signature. Node only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

export type BedrockAnswer =
	| { tool: unknown; stopReason?: string }
	| { text: string }
	| { stream: string[]; firstByteMs?: number; gapMs?: number; failWith?: string }
	| { error: string; status: number; message?: string };

export interface BedrockCall {
	operation: 'converse' | 'converse-stream';
	modelId: string;
	/** The request body as JSON (documents and images arrive base64-encoded). */
	body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test inspection
	headers: IncomingMessage['headers'];
	/** True when the client closed the connection before the answer was complete. */
	aborted: boolean;
}

export interface FakeBedrock {
	url: string;
	calls: BedrockCall[];
	/** Decides each answer; tests replace it. The default answers every request sensibly. */
	answer: (call: BedrockCall) => BedrockAnswer;
	reset(): void;
	close(): Promise<void>;
}

export const USAGE = { inputTokens: 812, outputTokens: 96, totalTokens: 908 };

export const DEFAULT_FINDINGS = {
	summary: 'Mostly ready to send; two details are missing.',
	findings: [
		{
			severity: 'warning',
			field: 'client.taxId',
			message: 'The client has no tax ID, which many clients need to book the invoice.',
			suggestion: 'Add the client’s tax ID under Clients.'
		},
		{ severity: 'info', field: 'dueDate', message: 'Payment terms are 30 days, as usual.' }
	]
};

export const DEFAULT_CAPTURE = {
	clientName: 'Globex Corporation',
	invoiceNumber: 'GX-2026-118',
	issueDate: '2026-11-02',
	dueDate: '2026-12-02',
	currency: 'EUR',
	lines: [
		{ description: 'Site survey', quantity: 2, unitPrice: 450, taxRate: 20 },
		{ description: 'Travel expenses', quantity: 1, unitPrice: 86.4, taxRate: 0 }
	],
	notes: 'Bank transfer within 30 days.'
};

export const DEFAULT_STREAM = [
	'- Revenue this year ',
	'is driven by two clients.\n',
	'- Most of what is owed ',
	'is not yet due.\n',
	'- Next step: follow up ',
	'on the oldest overdue invoice.'
];

function defaultAnswer(call: BedrockCall): BedrockAnswer {
	if (call.operation === 'converse-stream') return { stream: DEFAULT_STREAM };
	const tool = call.body.toolConfig?.toolChoice?.tool?.name;
	if (tool === 'report_findings') return { tool: DEFAULT_FINDINGS };
	if (tool === 'fill_invoice') return { tool: DEFAULT_CAPTURE };
	return { text: 'Hello from the fake Bedrock.' };
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function frame(kind: 'event' | 'exception', type: string, payload: unknown): Uint8Array {
	const typeHeader = kind === 'event' ? ':event-type' : ':exception-type';
	return codec.encode({
		headers: {
			':message-type': { type: 'string', value: kind },
			[typeHeader]: { type: 'string', value: type },
			':content-type': { type: 'string', value: 'application/json' }
		},
		body: fromUtf8(JSON.stringify(payload))
	});
}

function cors(req: IncomingMessage): Record<string, string> {
	return {
		'Access-Control-Allow-Origin': '*',
		// A wildcard would not cover Authorization, so the requested headers are echoed.
		'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
		'Access-Control-Allow-Methods': 'POST, OPTIONS',
		'Access-Control-Expose-Headers': 'x-amzn-RequestId, x-amzn-ErrorType',
		'Access-Control-Max-Age': '600'
	};
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	return text ? JSON.parse(text) : {};
}

async function sendStream(
	res: ServerResponse,
	answer: Extract<BedrockAnswer, { stream: string[] }>,
	headers: Record<string, string>
): Promise<void> {
	const write = (bytes: Uint8Array) => !res.destroyed && res.write(bytes);
	await sleep(answer.firstByteMs ?? 0);
	if (res.destroyed) return;
	res.writeHead(200, { ...headers, 'Content-Type': 'application/vnd.amazon.eventstream' });
	write(frame('event', 'messageStart', { role: 'assistant' }));
	for (const [i, text] of answer.stream.entries()) {
		if (i > 0) await sleep(answer.gapMs ?? 0);
		if (res.destroyed) return;
		write(frame('event', 'contentBlockDelta', { contentBlockIndex: 0, delta: { text } }));
	}
	if (answer.failWith) {
		write(
			frame('exception', answer.failWith, { message: `The model failed (${answer.failWith}).` })
		);
		res.end();
		return;
	}
	write(frame('event', 'contentBlockStop', { contentBlockIndex: 0 }));
	write(frame('event', 'messageStop', { stopReason: 'end_turn' }));
	write(frame('event', 'metadata', { usage: USAGE, metrics: { latencyMs: 100 } }));
	res.end();
}

function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string>
) {
	res.writeHead(status, { ...headers, 'Content-Type': 'application/json' });
	res.end(JSON.stringify(body));
}

async function handle(fake: FakeBedrock, req: IncomingMessage, res: ServerResponse) {
	const headers = cors(req);
	if (req.method === 'OPTIONS') {
		res.writeHead(204, headers).end();
		return;
	}
	const match = /^\/model\/([^/]+)\/(converse|converse-stream)$/.exec(req.url ?? '');
	if (req.method !== 'POST' || !match) {
		sendJson(res, 404, { message: `No route ${req.method} ${req.url}` }, headers);
		return;
	}
	const call: BedrockCall = {
		operation: match[2] as BedrockCall['operation'],
		modelId: decodeURIComponent(match[1]!),
		body: await readBody(req),
		headers: req.headers,
		aborted: false
	};
	fake.calls.push(call);
	res.on('close', () => {
		if (!res.writableFinished) call.aborted = true;
	});
	const answer = fake.answer(call);
	headers['x-amzn-RequestId'] = `fake-${fake.calls.length}`;
	if ('error' in answer) {
		sendJson(
			res,
			answer.status,
			{ message: answer.message ?? `${answer.error} from the fake Bedrock` },
			{ ...headers, 'x-amzn-ErrorType': answer.error }
		);
	} else if ('stream' in answer) {
		await sendStream(res, answer, headers);
	} else {
		const content =
			'tool' in answer
				? [{ toolUse: { toolUseId: 'tooluse_fake', name: 'tool', input: answer.tool } }]
				: [{ text: answer.text }];
		const stopReason = 'tool' in answer ? (answer.stopReason ?? 'tool_use') : 'end_turn';
		sendJson(
			res,
			200,
			{
				output: { message: { role: 'assistant', content } },
				stopReason,
				usage: USAGE,
				metrics: { latencyMs: 100 }
			},
			headers
		);
	}
}

export async function startFakeBedrock(): Promise<FakeBedrock> {
	const fake: FakeBedrock = {
		url: '',
		calls: [],
		answer: defaultAnswer,
		reset() {
			fake.calls.length = 0;
			fake.answer = defaultAnswer;
		},
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
	const server = createServer((req, res) => {
		handle(fake, req, res).catch((error: unknown) => {
			if (!res.headersSent) sendJson(res, 500, { message: String(error) }, cors(req));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return fake;
}
