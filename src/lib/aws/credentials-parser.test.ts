import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PASTE_CHARS, parseCredentials } from './credentials-parser';

const fixture = (name: string) =>
	readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const KEY = 'ASIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLEtokenAAAABBBBCCCCDDDDEEEEFFFF==';

function accepted(text: string, profile?: string) {
	const outcome = parseCredentials(text, profile);
	if (!outcome.ok) throw new Error(`rejected: ${outcome.error}`);
	return outcome.value;
}

function rejected(text: string): string {
	const outcome = parseCredentials(text);
	if (outcome.ok) throw new Error('accepted');
	expect(outcome.error).not.toContain(SECRET);
	expect(outcome.error).not.toContain(TOKEN);
	return outcome.error;
}

describe('parseCredentials on the shared fixtures', () => {
	it('reads the Learner Lab AWS Details block as temporary credentials', () => {
		const value = accepted(fixture('academy-aws-details.txt'));
		expect(value).toMatchObject({
			kind: 'temporary',
			profile: 'default',
			credentials: { accessKeyId: KEY, secretAccessKey: SECRET }
		});
		expect(value.credentials.sessionToken).toMatch(/^IQoJ.*==$/);
		expect(value.expiration).toBeUndefined();
	});
	it('accepts CRLF line ends and spaces around =', () => {
		expect(accepted(fixture('academy-crlf-spaces.txt')).credentials).toEqual({
			accessKeyId: KEY,
			secretAccessKey: SECRET,
			sessionToken: TOKEN
		});
	});
	it('takes the region from shell exports and .env lines', () => {
		expect(accepted(fixture('env-exports.sh.txt'))).toMatchObject({
			region: 'us-east-1',
			credentials: { sessionToken: TOKEN }
		});
		expect(accepted(fixture('dotenv.txt'))).toMatchObject({
			region: 'us-west-2',
			kind: 'temporary'
		});
	});
	it('takes the expiry from STS JSON', () => {
		expect(accepted(fixture('sts-get-session-token.json'))).toMatchObject({
			expiration: '2026-11-22T10:30:00.000Z',
			kind: 'temporary'
		});
	});
	it('accepts permanent keys with no token and no expiry', () => {
		const value = accepted(fixture('permanent-keys.txt'));
		expect(value.kind).toBe('permanent');
		expect(value.credentials.sessionToken).toBeUndefined();
	});
	it('names the missing secret', () => {
		expect(rejected(fixture('bad-missing-secret.txt'))).toMatch(/secret access key.*missing/i);
	});
	it('says temporary keys need the token', () => {
		expect(rejected(fixture('bad-temporary-without-token.txt'))).toMatch(/need the session token/);
	});
});

describe('parseCredentials on other shapes people paste', () => {
	it('reads PowerShell $Env: lines', () => {
		const text = `$Env:AWS_ACCESS_KEY_ID="${KEY}"\n$Env:AWS_SECRET_ACCESS_KEY="${SECRET}"\n$env:AWS_SESSION_TOKEN = '${TOKEN}'\n$Env:AWS_DEFAULT_REGION="eu-west-1"`;
		expect(accepted(text)).toMatchObject({
			region: 'eu-west-1',
			credentials: { sessionToken: TOKEN }
		});
	});
	it('reads Windows set lines, quoted or not', () => {
		const text = `set AWS_ACCESS_KEY_ID=${KEY}\r\nset "AWS_SECRET_ACCESS_KEY=${SECRET}"\r\nset AWS_SESSION_TOKEN=${TOKEN}\r\n`;
		expect(accepted(text).credentials).toEqual({
			accessKeyId: KEY,
			secretAccessKey: SECRET,
			sessionToken: TOKEN
		});
	});
	it('reads assume-role and credential_process JSON', () => {
		const assumeRole = JSON.stringify({
			Credentials: {
				AccessKeyId: KEY,
				SecretAccessKey: SECRET,
				SessionToken: TOKEN,
				Expiration: '2026-11-22T12:00:00Z'
			},
			AssumedRoleUser: { Arn: 'arn:aws:sts::123456789012:assumed-role/x/y' }
		});
		expect(accepted(assumeRole).expiration).toBe('2026-11-22T12:00:00.000Z');
		const process = JSON.stringify({
			Version: 1,
			AccessKeyId: KEY,
			SecretAccessKey: SECRET,
			SessionToken: TOKEN,
			Expiration: '2026-11-22T13:00:00+01:00'
		});
		expect(accepted(process).expiration).toBe('2026-11-22T12:00:00.000Z');
	});
	it('ignores text around the block', () => {
		const text = `Cloud Access\nAWS CLI:\nCopy and paste the following into ~/.aws/credentials\n\n[default]\naws_access_key_id=${KEY}\naws_secret_access_key=${SECRET}\naws_session_token=${TOKEN}\n\nSession started at 10:00`;
		expect(accepted(text).credentials.accessKeyId).toBe(KEY);
	});
	it('prefers [default] among several profiles, and lets the user pick another', () => {
		const other = 'AKIAI44QH8DHBEXAMPLE';
		const text = `[work]\naws_access_key_id=${other}\naws_secret_access_key=${SECRET}\nregion=eu-central-1\n\n[default]\naws_access_key_id=${KEY}\naws_secret_access_key=${SECRET}\naws_session_token=${TOKEN}\n`;
		const value = accepted(text);
		expect(value).toMatchObject({ profile: 'default', profiles: ['work', 'default'] });
		expect(accepted(text, 'work')).toMatchObject({
			profile: 'work',
			kind: 'permanent',
			region: 'eu-central-1'
		});
		expect(parseCredentials(text, 'nope')).toEqual({
			ok: false,
			error: 'There is no profile [nope] in the paste.'
		});
	});
	it('rejects damaged values without echoing them', () => {
		expect(
			rejected(
				`aws_access_key_id=${KEY}\naws_secret_access_key=${SECRET.slice(0, 12)}\naws_session_token=${TOKEN}`
			)
		).toMatch(/does not look right/);
		expect(rejected(`aws_access_key_id=hello\naws_secret_access_key=${SECRET}`)).toMatch(
			/access key ID does not look right/
		);
		expect(
			rejected(
				`aws_access_key_id=${KEY}\naws_secret_access_key=${SECRET}\naws_session_token=${TOKEN}\nregion=moon`
			)
		).toMatch(/not an AWS region/);
		expect(rejected('just some words')).toMatch(/No access key ID found/);
		expect(rejected('   ')).toMatch(/Paste your AWS credentials/);
	});
	it('rejects a 1 MB paste at once', () => {
		const huge = `aws_secret_access_key=${SECRET}\n`.repeat(Math.ceil(1_048_576 / 60));
		const start = performance.now();
		expect(rejected(huge)).toMatch(/KB; credentials are a few hundred characters/);
		expect(performance.now() - start).toBeLessThan(500);
		expect(huge.length).toBeGreaterThan(MAX_PASTE_CHARS);
	});
});

describe('parseCredentials fuzzing', () => {
	const fragments = fc.constantFrom(
		'[default]',
		'[profile x]',
		`aws_access_key_id=${KEY}`,
		`aws_secret_access_key = ${SECRET}`,
		`export AWS_SESSION_TOKEN="${TOKEN}"`,
		'region=us-east-1',
		'{"Credentials":',
		'}',
		'"Expiration": "2026-13-45"',
		'$Env:',
		'set "',
		'='
	);
	const paste = fc
		.array(fc.oneof(fragments, fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 12 })
		.map((parts) => parts.join('\n'));

	it('never throws and never puts the secret or token in a message', () => {
		fc.assert(
			fc.property(paste, fc.option(fc.string(), { nil: undefined }), (text, profile) => {
				const outcome = parseCredentials(text, profile);
				if (!outcome.ok) {
					expect(outcome.error).not.toContain(SECRET);
					expect(outcome.error).not.toContain(TOKEN);
				}
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('hostile pastes', () => {
	const LIMIT = 64 * 1024;
	/** Milliseconds one parse takes: a backtracking pattern took seconds on these shapes. */
	const timed = (text: string) => {
		const started = performance.now();
		parseCredentials(text);
		return performance.now() - started;
	};

	it('reads a profile header in one pass however it is padded', () => {
		for (const text of [
			`[${' '.repeat(LIMIT - 1)}`,
			`[profile${' '.repeat(LIMIT - 9)}x`,
			`[${' \t'.repeat(LIMIT / 2 - 1)}]`,
			`${'['.repeat(LIMIT)}`,
			`a${' '.repeat(LIMIT - 3)}=`
		]) {
			expect(timed(text)).toBeLessThan(1_000);
		}
	});

	// A backtracking pattern took many seconds here; linear parsing takes milliseconds. The bound is
	// far above both so a busy machine never fails it, and far below what a regression costs.
	it('parses a 64 KB paste of any shape without running away (under a second)', () => {
		const token = fc.constantFrom(
			'[',
			']',
			' ',
			'\t',
			'\n',
			'profile',
			'=',
			':',
			'export ',
			'setx ',
			'"',
			"'",
			';',
			'a',
			'aws_access_key_id',
			'AKIA',
			'{',
			'}',
			'$env:'
		);
		fc.assert(
			fc.property(fc.array(token, { minLength: 1, maxLength: 40 }), (pieces) => {
				const unit = pieces.join('');
				const text = unit.repeat(Math.ceil(LIMIT / unit.length)).slice(0, LIMIT);
				expect(timed(text)).toBeLessThan(1_000);
			}),
			{ numRuns: 60, seed: 20261203 }
		);
	});
});
