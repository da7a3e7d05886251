import { describe, expect, it } from 'vitest';
import { connectAllowed } from './connect-policy';

const POLICY =
	"default-src 'self'; connect-src 'self' https://*.amazonaws.com http://127.0.0.1:* http://localhost:* https://ddb.example.org";
const ORIGIN = 'https://app.example.com';

describe('connectAllowed', () => {
	it('allows AWS, loopback on any port, this site and listed hosts', () => {
		for (const address of [
			'https://dynamodb.us-east-1.amazonaws.com',
			'https://bedrock-runtime.us-west-2.amazonaws.com/model/x',
			'http://127.0.0.1:8000',
			'http://localhost:4567/',
			'https://app.example.com/x',
			'https://ddb.example.org'
		]) {
			expect(connectAllowed(address, POLICY, ORIGIN), address).toBe(true);
		}
	});

	it('blocks everything else', () => {
		for (const address of [
			'http://dynamodb.us-east-1.amazonaws.com',
			'https://amazonaws.com.evil.net',
			'https://192.168.1.5:8000',
			'https://ddb.example.org:8443',
			'not a url'
		]) {
			expect(connectAllowed(address, POLICY, ORIGIN), address).toBe(false);
		}
	});

	it('falls back to default-src, and allows all without a policy', () => {
		expect(connectAllowed('https://x.org', "default-src 'self'", ORIGIN)).toBe(false);
		expect(connectAllowed('https://x.org', null, ORIGIN)).toBe(true);
	});
});
