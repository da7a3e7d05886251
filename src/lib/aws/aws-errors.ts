/**
 * What went wrong with an AWS call, in words a person can act on. Every message is scrubbed
 * of the secret key and session token, in case a service ever echoes them back.
 */
import type { AwsCredentials } from './credentials-parser';

export type AwsProblem =
	| 'expired'
	| 'unrecognized'
	| 'denied'
	| 'missing-table'
	| 'unreachable'
	| 'throttled'
	| 'server'
	| 'other';

export interface ExplainedError {
	problem: AwsProblem;
	message: string;
}

const PROBLEM_BY_NAME: Record<string, AwsProblem> = {
	ExpiredTokenException: 'expired',
	ExpiredToken: 'expired',
	RequestExpired: 'expired',
	UnrecognizedClientException: 'unrecognized',
	InvalidClientTokenId: 'unrecognized',
	InvalidSignatureException: 'unrecognized',
	SignatureDoesNotMatch: 'unrecognized',
	InvalidAccessKeyId: 'unrecognized',
	AccessDeniedException: 'denied',
	AccessDenied: 'denied',
	ResourceNotFoundException: 'missing-table',
	ThrottlingException: 'throttled',
	ProvisionedThroughputExceededException: 'throttled',
	RequestLimitExceeded: 'throttled',
	TooManyRequestsException: 'throttled',
	InternalServerError: 'server',
	InternalServerException: 'server',
	ServiceUnavailable: 'server',
	ServiceUnavailableException: 'server'
};

interface ErrorLike {
	name?: unknown;
	message?: unknown;
	$metadata?: { httpStatusCode?: number };
}

export function awsProblemOf(error: unknown): AwsProblem {
	const e = (error ?? {}) as ErrorLike;
	const name = typeof e.name === 'string' ? e.name : '';
	const known = PROBLEM_BY_NAME[name];
	if (known) return known;
	// fetch() rejects with a bare TypeError when the host is down or CORS/CSP blocks it.
	if (name === 'TypeError' || name === 'NetworkError' || name === 'TimeoutError') {
		return 'unreachable';
	}
	const status = e.$metadata?.httpStatusCode ?? 0;
	if (status >= 500) return 'server';
	return 'other';
}

/** True for the answers that mean these credentials will never work again. */
export function isRejectedCredentials(error: unknown): boolean {
	const problem = awsProblemOf(error);
	return problem === 'expired' || problem === 'unrecognized';
}

export function explainAwsError(
	error: unknown,
	context: { service: string; endpoint: string; credentials?: AwsCredentials }
): ExplainedError {
	const problem = awsProblemOf(error);
	const raw = (error as ErrorLike | null)?.message;
	const said = typeof raw === 'string' && raw ? ` AWS said: ${clip(raw)}` : '';
	const messages: Record<AwsProblem, string> = {
		expired:
			'The AWS session has expired. Open AWS Details in the Learner Lab (start the lab again if it stopped) and paste the fresh block.',
		unrecognized:
			'AWS did not recognise these keys. Copy the whole block again, including the session token, and check the region.',
		denied: `These credentials are not allowed to use ${context.service}.${said}`,
		'missing-table': 'The DynamoDB table does not exist yet.',
		unreachable: `Could not reach ${context.endpoint}. Check the address and your connection; the endpoint must allow requests from this page (CORS).`,
		throttled: `${context.service} is busy (throttled). InvoiceLab will try again shortly.`,
		server: `${context.service} had a temporary problem. InvoiceLab will try again shortly.`,
		other: `${context.service} refused the request.${said || ' No reason was given.'}`
	};
	return { problem, message: scrub(messages[problem], context.credentials) };
}

function clip(text: string): string {
	return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Removes the secret parts of the credentials from a text. */
export function scrub(text: string, credentials: AwsCredentials | undefined): string {
	let result = text;
	for (const secret of [credentials?.secretAccessKey, credentials?.sessionToken]) {
		if (secret && secret.length >= 8) result = result.split(secret).join('[redacted]');
	}
	return result;
}
