/**
 * The app's access to a language model: whether AI can be used right now (and why not) and
 * the model client for the current session and settings. Part of the first load, so it
 * imports no SDK and no AI feature code; the Bedrock client is a dynamic import.
 */
import type { AwsProblem } from '../aws/aws-errors';
import { ClientCache } from '../aws/client-cache';
import type { AwsSession } from '../aws/session';
import type { AwsSettings } from '../aws/settings';
import type { AiErrorContext } from '../ai/ai-errors';
import type { AiModel } from '../ai/model';
import type { AwsConnection } from './aws-connection.svelte';

export type OpenModel = (
	session: AwsSession,
	settings: AwsSettings,
	onRejected: (problem: AwsProblem) => void
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
		return this.#models.get(session, [s.region, s.bedrockEndpoint, s.bedrockModel], () =>
			this.deps.openModel(session, s, (problem) => aws.rejected(problem))
		);
	}

	/** What an error message needs to know: the model, where it lives, this page. */
	errorContext(model: AiModel | null): AiErrorContext {
		const { aws, origin } = this.deps;
		return {
			modelId: model?.modelId ?? aws.settings.bedrockModel,
			endpoint:
				model?.endpoint ?? (aws.settings.bedrockEndpoint || `Bedrock in ${aws.settings.region}`),
			region: aws.settings.region,
			origin,
			credentials: aws.session.session?.credentials
		};
	}
}
