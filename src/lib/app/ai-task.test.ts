import { describe, expect, it } from 'vitest';
import { ManualClock } from '../platform/clock';
import { awsError } from '../testing/fake-cloud';
import { toolReply } from '../testing/memory-ai';
import { memoryAws } from '../testing/memory-aws';
import { streamText } from '../ai/model';
import { AiTask } from './ai-task.svelte';

const HOUR = 3_600_000;

function setup() {
	const clock = new ManualClock(Date.parse('2026-11-22T09:00:00Z'));
	const aws = memoryAws(clock);
	const connect = () =>
		aws.session.connect({
			credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret-key-1234567890' },
			kind: 'temporary',
			region: 'us-east-1',
			expiresAt: clock.now() + 4 * HOUR
		});
	return { ...aws, clock, connect, task: new AiTask(aws.ai) };
}

const ask = { system: 's', content: [{ text: 'q' }], maxTokens: 10 };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AI availability', () => {
	it('is off with the reason until AWS is connected, and again once the session is over', () => {
		const { ai, connect, clock, session } = setup();
		expect(ai.unavailableReason).toMatch(/connect AWS first/);
		connect();
		expect(ai.unavailableReason).toBeNull();
		clock.advance(4 * HOUR);
		expect(ai.unavailableReason).toMatch(/AWS is offline/);
		session.forget();
		expect(ai.unavailableReason).toMatch(/connect AWS first/);
	});

	it('refuses to call the model without a live session', async () => {
		const { task, model } = setup();
		await task.run((m) => m.converse(ask).then((r) => r.usage));
		expect(task.phase).toBe('failed');
		expect(task.error).toMatch(/connect AWS first/);
		expect(model.requests).toHaveLength(0);
	});
});

describe('AiTask', () => {
	it('reports the token usage of a finished call', async () => {
		const { task, model, connect } = setup();
		connect();
		model.replies.push(toolReply({ findings: [] }));
		await task.run((m) => m.converse(ask).then((r) => r.usage));
		expect(task.phase).toBe('done');
		expect(task.usage).toBe(
			'900 tokens in, 120 out · about $0.000083 at list price (us.amazon.nova-lite-v1:0)'
		);
	});

	it('explains a failure in plain words', async () => {
		const { task, model, connect } = setup();
		connect();
		model.replies.push(awsError('AccessDeniedException', 'denied', 403));
		await task.run((m) => m.converse(ask).then((r) => r.usage));
		expect(task.phase).toBe('failed');
		expect(task.error).toMatch(/no access to the model us\.amazon\.nova-lite-v1:0/);
	});

	it('stops a stream and keeps what arrived', async () => {
		const { task, model, connect } = setup();
		connect();
		model.streamChunks(['a', 'b', 'c']);
		let text = '';
		const run = task.run(async (m, signal) => {
			const { usage } = await streamText(m, ask, signal, (t) => (text += t));
			return usage;
		});
		model.release(2);
		await tick();
		await tick();
		expect(task.running).toBe(true);
		expect(text).toBe('ab');
		task.stop();
		await run;
		expect(task.phase).toBe('stopped');
		expect(text).toBe('ab');
		expect(task.error).toBe('');
	});

	it('lets a new run replace one still going, and drops the old outcome', async () => {
		const { task, model, connect } = setup();
		connect();
		model.streamChunks(['slow']);
		const first = task.run(async (m, signal) => (await streamText(m, ask, signal, () => {})).usage);
		await tick();
		model.replies.push(toolReply({}));
		await task.run((m) => m.converse(ask).then((r) => r.usage));
		await first;
		expect(task.phase).toBe('done');
	});
});
