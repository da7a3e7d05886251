/**
 * What went wrong with an AWS call, in words a person can act on. Every message is scrubbed
 * of the secret key and session token, in case a service ever echoes them back.
 */
import type { AwsCredentials } from './credentials-parser';

export type AwsProblem =
	| 'expired'
	| 'lab-ended'
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

/**
 * When a Learner Lab's timer runs out, AWS Academy attaches this policy to the lab's role:
 * every call is then denied explicitly, though the keys themselves have not expired.
 */
const LAB_ENDED_POLICY = 'voc-cancel-cred';

export function awsProblemOf(error: unknown): AwsProblem {
	const e = (error ?? {}) as ErrorLike;
	const name = typeof e.name === 'string' ? e.name : '';
	const known = PROBLEM_BY_NAME[name];
	if (known === 'denied' && typeof e.message === 'string' && e.message.includes(LAB_ENDED_POLICY)) {
		return 'lab-ended';
	}
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
	return problem === 'expired' || problem === 'lab-ended' || problem === 'unrecognized';
}

export function explainAwsError(
	error: unknown,
	context: { service: string; endpoint: string; credentials?: AwsCredentials }
): ExplainedError {
	const problem = awsProblemOf(error);
	const raw = (error as ErrorLike | null)?.message;
	const said =
		typeof raw === 'string' && raw ? ` AWS said: ${clip(scrub(raw, context.credentials))}` : '';
	const messages: Record<AwsProblem, string> = {
		expired:
			'The AWS session has expired. Open AWS Details in the Learner Lab (start the lab again if it stopped) and paste the fresh block.',
		'lab-ended':
			'The Learner Lab session has ended (AWS now denies every call). Start the lab again, open AWS Details and paste the fresh block. Your work is kept on this device and syncs once you reconnect.',
		unrecognized:
			'AWS did not recognise these keys. Copy the whole block again, including the session token, and check the region.',
		denied: `These credentials are not allowed to use ${context.service}.${said}`,
		'missing-table': 'The DynamoDB table does not exist yet.',
		// A failed fetch() carries no reason, on purpose (it would leak cross-origin facts).
		unreachable: `Could not reach ${context.endpoint}. The browser does not say why, so InvoiceLab cannot tell which of these it is: no network connection, a wrong endpoint address, or an endpoint that does not allow requests from this page (CORS).`,
		throttled: `${context.service} is busy (throttled). InvoiceLab will try again shortly.`,
		server: `${context.service} had a temporary problem. InvoiceLab will try again shortly.`,
		other: `${context.service} refused the request.${said || ' No reason was given.'}`
	};
	return { problem, message: scrub(messages[problem], context.credentials) };
}

/** A problem in a few words, for places with room for no more (the header). */
export function summarizeAwsProblem(problem: AwsProblem, service: string): string {
	const summaries: Record<AwsProblem, string> = {
		expired: 'session expired',
		'lab-ended': 'lab session ended',
		unrecognized: 'keys not recognised',
		denied: `not allowed to use ${service}`,
		'missing-table': 'table missing',
		unreachable: `cannot reach ${service}`,
		throttled: `${service} is busy`,
		server: `${service} had a problem`,
		other: `${service} refused a request`
	};
	return summaries[problem];
}

/** Shortens a text already scrubbed (cutting first could leave part of a secret behind). */
export function clip(text: string): string {
	return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** A piece of a secret this long, anywhere in a text, is taken out with the rest. */
const SECRET_PIECE = 16;

/**
 * Removes the secret key and the session token from a text: the whole values and any
 * 16-character piece of them (a message cut short, or a token split across lines).
 */
export function scrub(text: string, credentials: AwsCredentials | undefined): string {
	const pieces = new Set<string>();
	for (const secret of [credentials?.secretAccessKey, credentials?.sessionToken]) {
		if (!secret || secret.length < 8) continue;
		if (secret.length < SECRET_PIECE) pieces.add(secret);
		for (let i = 0; i + SECRET_PIECE <= secret.length; i++) {
			pieces.add(secret.slice(i, i + SECRET_PIECE));
		}
	}
	if (pieces.size === 0) return text;
	const hidden = new Array<boolean>(text.length).fill(false);
	for (const size of new Set([...pieces].map((p) => p.length))) {
		for (let i = 0; i + size <= text.length; i++) {
			if (pieces.has(text.slice(i, i + size))) hidden.fill(true, i, i + size);
		}
	}
	let result = '';
	for (let i = 0; i < text.length; i++) {
		if (!hidden[i]) result += text[i];
		else if (!hidden[i - 1]) result += '[redacted]';
	}
	return result;
}
