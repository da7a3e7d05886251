import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../testing/memory-storage';
import { readSession, storageVault } from './credential-vault';
import type { AwsSession } from './session';

const key = (length: number) =>
	fc.string({ minLength: length, maxLength: length, unit: 'grapheme-ascii' });

const sessions: fc.Arbitrary<AwsSession> = fc.record(
	{
		credentials: fc.record(
			{
				accessKeyId: fc.integer({ min: 16, max: 128 }).chain(key),
				secretAccessKey: fc.integer({ min: 16, max: 128 }).chain(key),
				sessionToken: fc.string({ maxLength: 8192 })
			},
			{ requiredKeys: ['accessKeyId', 'secretAccessKey'] }
		),
		kind: fc.constantFrom('temporary' as const, 'permanent' as const),
		region: fc.string(),
		expiresAt: fc.option(fc.integer({ min: 0, max: 2 ** 45 }), { nil: null }),
		rejectedReason: fc.string()
	},
	{ requiredKeys: ['credentials', 'kind', 'region', 'expiresAt'] }
);

const SESSION: AwsSession = {
	credentials: {
		accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
		secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
		sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLEtoken'
	},
	kind: 'temporary',
	region: 'us-east-1',
	expiresAt: Date.parse('2026-11-22T13:00:00Z')
};

describe('readSession', () => {
	it('reads back every session as it was', () => {
		fc.assert(
			fc.property(sessions, (session) => {
				expect(readSession(JSON.parse(JSON.stringify(session)))).toEqual(session);
			})
		);
	});

	it('refuses anything that is not a session', () => {
		const broken: unknown[] = [
			null,
			'ASIAIOSFODNN7EXAMPLE',
			[],
			{ ...SESSION, credentials: null },
			{ ...SESSION, credentials: { ...SESSION.credentials, accessKeyId: 'ASIA' } },
			{ ...SESSION, credentials: { ...SESSION.credentials, accessKeyId: 'A'.repeat(129) } },
			{ ...SESSION, credentials: { ...SESSION.credentials, secretAccessKey: undefined } },
			{ ...SESSION, credentials: { ...SESSION.credentials, secretAccessKey: 12345 } },
			{ ...SESSION, credentials: { ...SESSION.credentials, sessionToken: 't'.repeat(8193) } },
			{ ...SESSION, credentials: { ...SESSION.credentials, sessionToken: null } },
			{ ...SESSION, kind: 'forever' },
			{ ...SESSION, region: undefined },
			{ ...SESSION, expiresAt: undefined },
			{ ...SESSION, expiresAt: '2026-11-22T13:00:00Z' },
			{ ...SESSION, expiresAt: NaN },
			{ ...SESSION, rejectedReason: 401 }
		];
		for (const value of broken) expect(readSession(value)).toBeNull();
	});

	it('keeps only the fields of a session', () => {
		const padded = {
			...SESSION,
			credentials: { ...SESSION.credentials, note: 'x' },
			html: '<img src=x onerror=alert(1)>'
		};
		expect(readSession(padded)).toEqual(SESSION);
	});
});

describe('storageVault', () => {
	it('keeps one session under one key, and forgets it', () => {
		const storage = new MemoryStorage();
		const vault = storageVault(storage);
		expect(vault.load()).toBeNull();
		vault.save(SESSION);
		expect([...storage.items.keys()]).toEqual(['invoicelab.aws-session']);
		expect(vault.load()).toEqual(SESSION);
		vault.clear();
		expect(storage.items.size).toBe(0);
	});

	it('loads nothing from a damaged entry', () => {
		const storage = new MemoryStorage();
		storage.setItem('invoicelab.aws-session', '{"credentials":');
		expect(storageVault(storage).load()).toBeNull();
		storage.setItem('invoicelab.aws-session', JSON.stringify({ ...SESSION, kind: 'forever' }));
		expect(storageVault(storage).load()).toBeNull();
	});
});
