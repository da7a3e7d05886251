/**
 * The app's access to a language model: whether AI can be used right now (and why not),
 * the model client for the current session and settings, and one task object per AI
 * action that tracks running, stopping, errors and token usage.
 */
import { ClientCache } from '../aws/client-cache';
import type { AwsSession } from '../aws/session';
import type { AwsSettings } from '../aws/settings';
import { explainAiError, isAbort } from '../ai/ai-errors';
import { describeUsage } from '../ai/cost';
import type { AiModel, TokenUsage } from '../ai/model';
import type { AwsConnection } from './aws-connection.svelte';

export type OpenModel = (
	session: AwsSession,
	settings: AwsSettings,
	onRejected: (error: unknown) => void
) => Promise<AiModel>;

export class AiAssistant {
	readonly #models = new ClientCache<AiModel>();

	constructor(
		private readonly deps: { aws: AwsConnection; openModel: OpenModel; origin: string }
	) {}

	/** Null when AI can be used; otherwise why not, shown beside the disabled buttons. */
	get unavailableReason(): string | null {
		const { status } = this.deps.aws.session.state;
		if (status === 'local')
			return 'AI runs on Amazon Bedrock: connect AWS first (Connect AWS, at the top).';
		if (status === 'offline')
			return 'AWS is offline: refresh your credentials (Refresh AWS, at the top) to use AI.';
		return null;
	}

	get modelId(): string {
		return this.deps.aws.settings.bedrockModel;
	}

	/** The model client for this session and these settings, built (SDK loaded) once. */
	model(): Promise<AiModel> {
		const { aws } = this.deps;
		const session = aws.session.session;
		if (!session || !aws.session.live)
			return Promise.reject(new Error(this.unavailableReason ?? ''));
		const s = aws.settings;
		const key = [
			session.credentials.accessKeyId,
			session.expiresAt,
			s.region,
			s.bedrockEndpoint,
			s.bedrockModel
		].join('|');
		return this.#models.get(key, () =>
			this.deps.openModel(session, s, (error) => aws.rejected(error))
		);
	}

	explain(error: unknown, model: AiModel | null): string {
		const { aws, origin } = this.deps;
		return explainAiError(error, {
			modelId: model?.modelId ?? aws.settings.bedrockModel,
			endpoint:
				model?.endpoint ?? (aws.settings.bedrockEndpoint || `Bedrock in ${aws.settings.region}`),
			region: aws.settings.region,
			origin,
			credentials: aws.session.session?.credentials
		});
	}
}

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
		settle('running');
		let model: AiModel | null = null;
		try {
			model = await this.ai.model();
			const usage = await work(model, controller.signal);
			if (controller.signal.aborted) settle('stopped');
			else settle('done', { usage: describeUsage(model.modelId, usage) });
		} catch (error) {
			if (controller.signal.aborted || isAbort(error)) settle('stopped');
			else settle('failed', { error: this.ai.explain(error, model) });
		}
	}

	stop(): void {
		this.#current?.abort();
	}
}
