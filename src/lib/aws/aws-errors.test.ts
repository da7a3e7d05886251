import { describe, expect, it } from 'vitest';
import { awsProblemOf, explainAwsError, isRejectedCredentials, scrub } from './aws-errors';

const named = (name: string, message = 'x', status?: number) =>
	Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

const credentials = {
	accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
	secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
	sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLEtoken'
};
const context = { service: 'DynamoDB', endpoint: 'http://127.0.0.1:8000', credentials };

describe('AWS errors', () => {
	it('knows the answers that mean the keys are dead', () => {
		for (const name of [
			'ExpiredTokenException',
			'UnrecognizedClientException',
			'InvalidSignatureException'
		]) {
			expect(isRejectedCredentials(named(name))).toBe(true);
		}
		expect(isRejectedCredentials(named('ThrottlingException'))).toBe(false);
		expect(isRejectedCredentials(null)).toBe(false);
	});

	it("reads the Learner Lab's deny at the end of a session as the session ending", () => {
		// What AWS Academy answers once the lab timer runs out: an explicit deny, not an expiry.
		const labEnded = (name: string) =>
			named(
				name,
				'User: arn:aws:sts::123456789012:assumed-role/voclabs/user123=x is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/invoicelab with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/voc-cancel-cred',
				400
			);
		for (const name of ['AccessDeniedException', 'AccessDenied']) {
			expect(awsProblemOf(labEnded(name))).toBe('lab-ended');
			expect(isRejectedCredentials(labEnded(name))).toBe(true);
		}
		expect(explainAwsError(labEnded('AccessDeniedException'), context).message).toMatch(
			/Learner Lab session has ended.*AWS Details.*kept/
		);
		// Any other deny stays a permission problem, even an explicit one.
		const otherDeny = named(
			'AccessDeniedException',
			'is not authorized to perform: dynamodb:PutItem with an explicit deny in a service control policy'
		);
		expect(awsProblemOf(otherDeny)).toBe('denied');
		expect(isRejectedCredentials(otherDeny)).toBe(false);
	});

	it('sorts errors into problems a person can act on', () => {
		expect(awsProblemOf(named('ResourceNotFoundException'))).toBe('missing-table');
		expect(awsProblemOf(named('AccessDeniedException'))).toBe('denied');
		expect(awsProblemOf(new TypeError('Failed to fetch'))).toBe('unreachable');
		expect(awsProblemOf(named('Whatever', 'x', 503))).toBe('server');
		expect(awsProblemOf(named('ValidationException', 'x', 400))).toBe('other');
		expect(awsProblemOf(undefined)).toBe('other');
	});

	it('explains in plain words and names the endpoint it could not reach', () => {
		expect(explainAwsError(named('ExpiredTokenException'), context).message).toMatch(
			/session has expired.*AWS Details/
		);
		expect(explainAwsError(new TypeError('Failed to fetch'), context).message).toContain(
			'http://127.0.0.1:8000'
		);
		expect(
			explainAwsError(named('AccessDeniedException', 'not authorized to DescribeTable'), context)
				.message
		).toMatch(/not allowed to use DynamoDB\. AWS said: not authorized/);
	});

	it('never repeats the secret key or the session token', () => {
		const echo = named(
			'ValidationException',
			`bad ${credentials.secretAccessKey} and ${credentials.sessionToken}`
		);
		const { message } = explainAwsError(echo, context);
		expect(message).not.toContain(credentials.secretAccessKey);
		expect(message).not.toContain(credentials.sessionToken);
		expect(message).toContain('[redacted]');
	});
});

describe('scrub', () => {
	const credentials = {
		accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
		secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
		sessionToken: `IQoJb3JpZ2luX2Vj${'EXAMPLEtoken0123456789'.repeat(20)}`
	};

	it('takes out any 16-character piece of a secret, not only the whole value', () => {
		const piece = credentials.sessionToken.slice(100, 140);
		const text = `bad token ${piece} in header; key ${credentials.secretAccessKey.slice(5, 25)}.`;
		const scrubbed = scrub(text, credentials);
		expect(scrubbed).toBe('bad token [redacted] in header; key [redacted].');
	});

	it('scrubs before it cuts, so no part of a token survives the cut', () => {
		const message = `${'x'.repeat(280)} ${credentials.sessionToken}`;
		const explained = explainAwsError(
			{ name: 'ValidationException', message },
			{ service: 'DynamoDB', endpoint: 'DynamoDB', credentials }
		).message;
		for (let i = 0; i + 16 <= credentials.sessionToken.length; i += 8) {
			expect(explained).not.toContain(credentials.sessionToken.slice(i, i + 16));
		}
		expect(explained).toContain('[redacted]');
	});
});
