/**
 * Why an AI call failed, in words that say what to do next. Expired or unrecognised keys
 * read as they do everywhere else (the badge turns `AWS Offline` by itself); the rest is
 * specific to Bedrock: model access, throttling, reaching the endpoint from this page.
 */
import { awsProblemOf, clip, explainAwsError, scrub } from '../aws/aws-errors';
import type { AwsCredentials } from '../aws/credentials-parser';
import { MAX_ATTEMPTS } from './model';

export interface AiErrorContext {
	modelId: string;
	endpoint: string;
	region: string;
	/** This page's origin, which the endpoint has to accept (CORS). */
	origin: string;
	credentials?: AwsCredentials;
}

/** True when the user stopped the call: not an error to report. */
export function isAbort(error: unknown): boolean {
	return (error as { name?: unknown } | null)?.name === 'AbortError';
}

export function explainAiError(error: unknown, context: AiErrorContext): string {
	const { modelId, endpoint, region } = context;
	const name = String((error as { name?: unknown } | null)?.name ?? '');
	const said = awsMessage(error, context.credentials);
	const settings = 'Settings → AWS → Bedrock model';
	let message: string;
	switch (name === 'ServiceQuotaExceededException' ? 'throttled' : awsProblemOf(error)) {
		case 'denied':
			message = `This account has no access to the model ${modelId}. In the AWS console open Amazon Bedrock → Model access (region ${region}) and request it, or choose another model in ${settings}. In a Learner Lab only some models are allowed; Amazon Nova Lite usually is.`;
			break;
		case 'throttled':
			message = `Bedrock is busy (throttled) and still said no after ${MAX_ATTEMPTS} tries. Wait a minute and try again, or choose a smaller model in ${settings}.`;
			break;
		case 'unreachable':
			message = `The browser could not reach Bedrock at ${endpoint} from this page (${context.origin}). Check your connection; a custom Bedrock endpoint must allow requests from this origin (CORS).`;
			break;
		case 'missing-table':
			message = `Bedrock does not offer the model ${modelId} in ${region}. Choose another model or inference profile in ${settings}.`;
			break;
		case 'server':
			message = `Bedrock had a temporary problem. Try again in a moment.${said}`;
			break;
		case 'expired':
		case 'lab-ended':
		case 'unrecognized':
			return explainAwsError(error, {
				service: 'Bedrock',
				endpoint,
				credentials: context.credentials
			}).message;
		default:
			message = explainOther(name, said, modelId, settings);
	}
	return scrub(message, context.credentials);
}

function explainOther(name: string, said: string, modelId: string, settings: string): string {
	if (name === 'ModelTimeoutException') return 'The model took too long to answer. Try again.';
	if (name === 'ModelStreamErrorException') {
		return 'The model failed partway through its answer; what arrived is shown. Try again.';
	}
	if (name === 'ModelNotReadyException') {
		return 'The model is starting up. Try again in a minute.';
	}
	if (/inference profile/i.test(said)) {
		return `${modelId} has to be called through an inference profile here: choose the "us." version of it in ${settings}.${said}`;
	}
	return `Bedrock refused the request.${said || ' No reason was given.'}`;
}

function awsMessage(error: unknown, credentials: AwsCredentials | undefined): string {
	const raw = (error as { message?: unknown } | null)?.message;
	if (typeof raw !== 'string' || !raw) return '';
	return ` AWS said: ${clip(scrub(raw, credentials))}`;
}
