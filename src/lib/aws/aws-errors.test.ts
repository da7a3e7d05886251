import { describe, expect, it } from 'vitest';
import { awsProblemOf, explainAwsError, isRejectedCredentials } from './aws-errors';

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
