import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AwsSession } from '../aws/session';
import { DEFAULT_AWS_SETTINGS } from '../aws/settings';
import {
	DEFAULT_FINDINGS,
	startFakeBedrock,
	USAGE,
	type FakeBedrock
} from '../testing/fake-bedrock';
import { explainAiError } from './ai-errors';
import { openBedrockModel } from './bedrock-model';
import { prepareDocument } from './capture';
import { MAX_ATTEMPTS, streamText, type AiModel } from './model';
import { FINDINGS_TOOL } from './review';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const session: AwsSession = {
	credentials: {
		accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
		secretAccessKey: SECRET,
		sessionToken: 'IQoJb3JpZ2luTOKEN'
	},
	kind: 'temporary',
	region: 'us-east-1',
	expiresAt: Date.now() + 3_600_000
};

let fake: FakeBedrock;
let model: AiModel;
const rejected: unknown[] = [];

beforeAll(async () => {
	fake = await startFakeBedrock();
	model = await openBedrockModel(
		session,
		{ ...DEFAULT_AWS_SETTINGS, bedrockEndpoint: fake.url },
		(error) => rejected.push(error)
	);
});
afterAll(() => fake.close());
beforeEach(() => {
	fake.reset();
	rejected.length = 0;
});

const ask = { system: 'Be brief.', content: [{ text: 'Review this.' }], maxTokens: 300 };

describe('openBedrockModel against a Bedrock-shaped server', () => {
	it('forces the tool and returns its input with the token usage', async () => {
		const reply = await model.converse({ ...ask, tool: FINDINGS_TOOL });
		expect(reply.toolInput).toEqual(DEFAULT_FINDINGS);
		expect(reply.usage).toEqual({
			inputTokens: USAGE.inputTokens,
			outputTokens: USAGE.outputTokens
		});
		const [call] = fake.calls;
		expect(call?.modelId).toBe('us.amazon.nova-lite-v1:0');
		expect(call?.body.toolConfig.toolChoice).toEqual({ tool: { name: 'report_findings' } });
		expect(call?.body.inferenceConfig.maxTokens).toBe(300);
		expect(call?.body.system).toEqual([{ text: 'Be brief.' }]);
		expect(call?.headers.authorization).toMatch(
			/^AWS4-HMAC-SHA256 Credential=ASIAIOSFODNN7EXAMPLE\//
		);
		expect(JSON.stringify(call?.body)).not.toContain(SECRET);
	});

	it('sends a PDF as a named document block, its bytes base64-encoded', async () => {
		const bytes = new TextEncoder().encode('%PDF-1.4 fake bill');
		const prepared = prepareDocument({ kind: 'file', name: 'Rechnung Müller #12.pdf', bytes });
		if (!prepared.ok) throw new Error(prepared.message);
		await model.converse({ ...ask, content: prepared.content });
		const block = fake.calls[0]?.body.messages[0].content[1].document;
		expect(block.name).toBe('Rechnung Muller 12');
		expect(block.format).toBe('pdf');
		expect(Buffer.from(block.source.bytes, 'base64').toString()).toBe('%PDF-1.4 fake bill');
	});

	it('streams text as it arrives, then the stop reason and usage', async () => {
		fake.answer = () => ({ stream: ['One ', 'two ', 'three.'], gapMs: 30 });
		const seen: string[] = [];
		const outcome = await streamText(model, ask, new AbortController().signal, (text) =>
			seen.push(text)
		);
		expect(seen).toEqual(['One ', 'two ', 'three.']);
		expect(outcome).toEqual({
			stopReason: 'end_turn',
			usage: { inputTokens: USAGE.inputTokens, outputTokens: USAGE.outputTokens }
		});
	});

	it('stops a stream when aborted, and the server sees the client hang up', async () => {
		fake.answer = () => ({ stream: Array.from({ length: 50 }, (_, i) => `${i} `), gapMs: 40 });
		const controller = new AbortController();
		const seen: string[] = [];
		const run = streamText(model, ask, controller.signal, (text) => {
			seen.push(text);
			if (seen.length === 3) controller.abort();
		});
		await expect(run).rejects.toMatchObject({ name: 'AbortError' });
		expect(seen).toHaveLength(3);
		await expect.poll(() => fake.calls[0]?.aborted).toBe(true);
	});

	it('raises an error frame in the stream as the named exception', async () => {
		fake.answer = () => ({ stream: ['Partial '], failWith: 'modelStreamErrorException' });
		const seen: string[] = [];
		const run = streamText(model, ask, new AbortController().signal, (text) => seen.push(text));
		await expect(run).rejects.toMatchObject({ name: 'ModelStreamErrorException' });
		expect(seen).toEqual(['Partial ']);
	});

	it('reports AccessDenied as a missing model access, without retrying', async () => {
		fake.answer = () => ({ error: 'AccessDeniedException', status: 403 });
		const error = await model.converse(ask).catch((e: unknown) => e);
		expect(error).toMatchObject({ name: 'AccessDeniedException' });
		expect(fake.calls).toHaveLength(1);
		const message = explainAiError(error, {
			modelId: model.modelId,
			endpoint: model.endpoint,
			region: 'us-east-1',
			origin: 'http://127.0.0.1:4173'
		});
		expect(message).toMatch(/no access to the model us\.amazon\.nova-lite-v1:0/);
		expect(message).toMatch(/Model access/);
	});

	it(`retries throttling ${MAX_ATTEMPTS} times in all, then gives up`, async () => {
		fake.answer = () => ({
			error: 'ThrottlingException',
			status: 429,
			message: 'Too many requests'
		});
		await expect(model.converse(ask)).rejects.toMatchObject({ name: 'ThrottlingException' });
		expect(fake.calls).toHaveLength(MAX_ATTEMPTS);
	}, 20_000);

	it('recovers when throttling clears during the retries', async () => {
		fake.answer = () =>
			fake.calls.length < 3 ? { error: 'ThrottlingException', status: 429 } : { text: 'Fine.' };
		await expect(model.converse(ask)).resolves.toMatchObject({ text: 'Fine.' });
		expect(fake.calls).toHaveLength(3);
	}, 20_000);

	it('tells the session when the token has expired', async () => {
		fake.answer = () => ({ error: 'ExpiredTokenException', status: 400 });
		await expect(model.converse(ask)).rejects.toMatchObject({ name: 'ExpiredTokenException' });
		expect(rejected).toEqual(['expired']);
	});
});
