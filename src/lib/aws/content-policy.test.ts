import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectAllowed } from './connect-policy';
import { connectSources, OFFERED_REGIONS, parseExtraConnectSources } from './content-policy.js';

const ORIGIN = 'https://invoices.example.com';
const policyOf = (sources: readonly string[]) =>
	`default-src 'self'; connect-src ${sources.map((s) => (s === 'self' ? "'self'" : s)).join(' ')}`;

describe('connectSources', () => {
	it('lists the DynamoDB and Bedrock Runtime hosts of every offered region, and no other AWS host', () => {
		const policy = policyOf(connectSources({ local: false, extra: '' }));
		for (const region of OFFERED_REGIONS) {
			for (const service of ['dynamodb', 'bedrock-runtime']) {
				const address = `https://${service}.${region}.amazonaws.com/`;
				expect(connectAllowed(address, policy, ORIGIN), address).toBe(true);
			}
		}
		for (const address of [
			'https://attacker-bucket.s3.amazonaws.com/',
			'https://abc123.execute-api.us-east-1.amazonaws.com/',
			'https://evil.lambda-url.us-east-1.on.aws/',
			'https://dynamodb.us-east-1.amazonaws.com.evil.net/'
		]) {
			expect(connectAllowed(address, policy, ORIGIN), address).toBe(false);
		}
	});

	it('allows loopback endpoints only in a build made for local work', () => {
		const deployed = policyOf(connectSources({ local: false, extra: '' }));
		const local = policyOf(connectSources({ local: true, extra: '' }));
		for (const address of ['http://127.0.0.1:8000/', 'http://localhost:4567/']) {
			expect(connectAllowed(address, deployed, ORIGIN), address).toBe(false);
			expect(connectAllowed(address, local, ORIGIN), address).toBe(true);
		}
	});

	it('adds the origins named in INVOICELAB_CONNECT_SRC', () => {
		const policy = policyOf(
			connectSources({
				local: false,
				extra: ' https://ddb.example.org  https://*.corp.example.com:8443 '
			})
		);
		expect(connectAllowed('https://ddb.example.org/', policy, ORIGIN)).toBe(true);
		expect(connectAllowed('https://a.corp.example.com:8443/', policy, ORIGIN)).toBe(true);
	});
});

describe('parseExtraConnectSources', () => {
	it('accepts origins, with a port or one leading subdomain wildcard', () => {
		expect(
			parseExtraConnectSources('https://ddb.example.org http://10.0.0.5:8000 https://*.example.com')
		).toEqual(['https://ddb.example.org', 'http://10.0.0.5:8000', 'https://*.example.com']);
		expect(parseExtraConnectSources('https://ddb.example.org/')).toEqual([
			'https://ddb.example.org'
		]);
		expect(parseExtraConnectSources('')).toEqual([]);
	});

	it.each([
		["https://a.example.org; script-src 'unsafe-inline'", /;/],
		["'unsafe-eval'", /quote/],
		['"https://a.example.org"', /quote/],
		['*', /wildcard/],
		['https://*', /wildcard/],
		['https://*.com', /wildcard/],
		['https://a.*.example.com', /wildcard/],
		['https://*.amazonaws.com', /wildcard/],
		['https:', /origin/],
		['data:', /origin/],
		['example.org', /origin/],
		['ftp://example.org', /origin/],
		['https://example.org/path', /origin/],
		['https://user@example.org', /origin/],
		['https://example.org,https://b.org', /origin/]
	])('refuses %s', (text, reason) => {
		expect(() => parseExtraConnectSources(text)).toThrow(reason);
	});
});

describe('the build configuration', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.resetModules();
	});

	const connectSrcOf = async () => {
		vi.resetModules();
		const { default: config } = await import('../../../svelte.config.js');
		return config.kit?.csp?.directives?.['connect-src'] as string[];
	};

	it('has no loopback in the deploy build and has it in the local one', async () => {
		vi.stubEnv('INVOICELAB_LOCAL_BUILD', '');
		expect((await connectSrcOf()).filter((s) => /127\.0\.0\.1|localhost/.test(s))).toEqual([]);
		vi.stubEnv('INVOICELAB_LOCAL_BUILD', '1');
		expect(await connectSrcOf()).toContain('http://127.0.0.1:*');
	});
});
