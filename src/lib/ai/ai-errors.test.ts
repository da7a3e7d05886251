import { describe, expect, it } from 'vitest';
import { awsError } from '../testing/fake-cloud';
import { explainAiError, isAbort } from './ai-errors';
import { describeUsage, estimateCost } from './cost';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const context = {
	modelId: 'us.amazon.nova-pro-v1:0',
	endpoint: 'https://bedrock-runtime.us-east-1.amazonaws.com',
	region: 'us-east-1',
	origin: 'https://invoices.example.org',
	credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: SECRET, sessionToken: 'TOKEN123456' }
};
const explain = (error: unknown) => explainAiError(error, context);

describe('explainAiError', () => {
	it('says what to do for each kind of failure', () => {
		expect(explain(awsError('AccessDeniedException', 'no access', 403))).toMatch(
			/no access to the model us\.amazon\.nova-pro-v1:0.*Model access \(region us-east-1\).*choose another model/
		);
		expect(explain(awsError('ThrottlingException', 'slow down', 429))).toMatch(
			/busy \(throttled\) and still said no after 4 tries/
		);
		expect(explain(awsError('ServiceQuotaExceededException'))).toMatch(/throttled/);
		expect(explain(new TypeError('Failed to fetch'))).toBe(
			'The browser could not reach Bedrock at https://bedrock-runtime.us-east-1.amazonaws.com from this page (https://invoices.example.org). Check your connection; a custom Bedrock endpoint must allow requests from this origin (CORS).'
		);
		expect(explain(awsError('ResourceNotFoundException'))).toMatch(/does not offer the model/);
		expect(explain(awsError('ExpiredTokenException'))).toMatch(/session has expired/);
		expect(explain(awsError('UnrecognizedClientException'))).toMatch(/did not recognise/);
		expect(explain(awsError('ModelTimeoutException'))).toMatch(/took too long/);
		expect(explain(awsError('ModelStreamErrorException'))).toMatch(/failed partway/);
		expect(explain(awsError('InternalServerException', 'boom', 500))).toMatch(/temporary problem/);
		expect(
			explain(
				awsError(
					'ValidationException',
					'Invocation of model ID amazon.nova-pro-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile'
				)
			)
		).toMatch(/choose the "us\." version/);
		expect(explain(awsError('ValidationException', 'maxTokens too big'))).toBe(
			'Bedrock refused the request. AWS said: maxTokens too big'
		);
	});

	it('never repeats the secret key or token, even if AWS echoes them', () => {
		const message = explain(awsError('ValidationException', `bad header ${SECRET} TOKEN123456`));
		expect(message).not.toContain(SECRET);
		expect(message).not.toContain('TOKEN123456');
	});

	it('tells a stop from a failure', () => {
		expect(isAbort(Object.assign(new Error('x'), { name: 'AbortError' }))).toBe(true);
		expect(isAbort(new TypeError('Failed to fetch'))).toBe(false);
	});
});

describe('cost estimate', () => {
	it('prices known models, inference profiles included', () => {
		const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
		expect(estimateCost('amazon.nova-lite-v1:0', usage)).toBeCloseTo(0.3);
		expect(estimateCost('us.amazon.nova-lite-v1:0', usage)).toBeCloseTo(0.3);
		expect(estimateCost('someone.unknown-v9', usage)).toBeNull();
	});

	it('describes usage in words, tiny costs included', () => {
		expect(describeUsage('us.amazon.nova-lite-v1:0', { inputTokens: 812, outputTokens: 96 })).toBe(
			'812 tokens in, 96 out · about $0.000072 at list price (us.amazon.nova-lite-v1:0)'
		);
		expect(
			describeUsage('us.amazon.nova-pro-v1:0', { inputTokens: 20_000, outputTokens: 2_000 })
		).toBe('20,000 tokens in, 2,000 out · about $0.022 at list price (us.amazon.nova-pro-v1:0)');
		expect(describeUsage('x.unknown', { inputTokens: 5, outputTokens: 1 })).toBe(
			'5 tokens in, 1 out · no price known for x.unknown'
		);
		expect(describeUsage('x.unknown', null)).toBe('x.unknown did not report token usage.');
	});
});
