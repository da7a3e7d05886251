import { explainAiError, isAbort } from '../ai/ai-errors';
import { describeUsage } from '../ai/cost';
import type { AiModel, TokenUsage } from '../ai/model';
import type { AiAssistant } from './ai-assistant.svelte';

export type AiPhase = 'idle' | 'running' | 'done' | 'stopped' | 'failed';

/** One AI action on a page: at most one call at a time, stoppable, with its outcome. */
export class AiTask {
	#phase = $state<AiPhase>('idle');
	#error = $state('');
	#usage = $state('');
	#current: AbortController | null = null;

	constructor(private readonly ai: AiAssistant) {}

	get phase(): AiPhase {
		return this.#phase;
	}
	get running(): boolean {
		return this.#phase === 'running';
	}
	get error(): string {
		return this.#error;
	}
	/** Tokens used by the last call and what they roughly cost. */
	get usage(): string {
		return this.#usage;
	}

	/**
	 * Runs `work` with the model; it returns the call's token usage. A new run stops the one
	 * before it, whose outcome is then dropped.
	 */
	async run(
		work: (model: AiModel, signal: AbortSignal) => Promise<TokenUsage | null>
	): Promise<void> {
		this.#current?.abort();
		const controller = new AbortController();
		this.#current = controller;
		const settle = (phase: AiPhase, details: { error?: string; usage?: string } = {}) => {
			if (this.#current !== controller) return;
			this.#phase = phase;
			this.#error = details.error ?? '';
			this.#usage = details.usage ?? '';
		};
		const unavailable = this.ai.unavailableReason;
		if (unavailable) return settle('failed', { error: unavailable });
		settle('running');
		let model: AiModel | null = null;
		try {
			model = await this.ai.model();
			const usage = await work(model, controller.signal);
			if (controller.signal.aborted) settle('stopped');
			else settle('done', { usage: describeUsage(model.modelId, usage) });
		} catch (error) {
			if (controller.signal.aborted || isAbort(error)) settle('stopped');
			else settle('failed', { error: explainAiError(error, this.ai.errorContext(model)) });
		}
	}

	stop(): void {
		this.#current?.abort();
	}
}
