/**
 * An in-memory AiModel: scripted replies for Converse, scripted chunks for ConverseStream
 * (released one by one when a test says so), and every request kept for inspection.
 */
import type { AiModel, AiReply, AiRequest, AiStreamEvent } from '../ai/model';

export class FakeModel implements AiModel {
	readonly requests: AiRequest[] = [];
	/** Answers to Converse calls, in order; an Error is thrown instead. */
	readonly replies: (AiReply | Error)[] = [];
	#chunks: string[] = [];
	#waiting: (() => void)[] = [];
	#released = 0;

	constructor(
		readonly modelId = 'us.amazon.nova-lite-v1:0',
		readonly endpoint = 'https://bedrock-runtime.us-east-1.amazonaws.com'
	) {}

	async converse(request: AiRequest, signal?: AbortSignal): Promise<AiReply> {
		this.requests.push(request);
		signal?.throwIfAborted();
		const reply = this.replies.shift();
		if (!reply) throw new Error('FakeModel: no reply scripted');
		if (reply instanceof Error) throw reply;
		return reply;
	}

	/** Scripts the next stream; its chunks come out as `release()` allows. */
	streamChunks(chunks: string[]): void {
		this.#chunks = chunks;
		this.#released = 0;
	}

	/** Lets `count` more chunks of the stream through. */
	release(count = 1): void {
		this.#released += count;
		for (const wake of this.#waiting.splice(0)) wake();
	}

	async *stream(request: AiRequest, signal?: AbortSignal): AsyncIterable<AiStreamEvent> {
		this.requests.push(request);
		for (const [i, text] of this.#chunks.entries()) {
			while (this.#released <= i) {
				await new Promise<void>((resolve, reject) => {
					this.#waiting.push(resolve);
					signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
				});
			}
			signal?.throwIfAborted();
			yield { type: 'text', text };
		}
		yield { type: 'stop', reason: 'end_turn' };
		yield { type: 'usage', usage: { inputTokens: 100, outputTokens: this.#chunks.length } };
	}
}

/** A tool-use reply, as Converse gives it. */
export function toolReply(input: unknown, stopReason = 'tool_use'): AiReply {
	return { text: '', toolInput: input, stopReason, usage: { inputTokens: 900, outputTokens: 120 } };
}
