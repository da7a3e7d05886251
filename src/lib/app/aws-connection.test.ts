import { describe, expect, it } from 'vitest';
import { parseCredentials, type ParsedCredentials } from '../aws/credentials-parser';
import { DEFAULT_AWS_SETTINGS, type AwsSettings } from '../aws/settings';
import { ManualClock } from '../platform/clock';
import { awsError, FakeCloud } from '../testing/fake-cloud';
import { memoryAws } from '../testing/memory-aws';
import { AwsConnection } from './aws-connection.svelte';

const HOUR = 3_600_000;

function setup() {
	const clock = new ManualClock(Date.parse('2026-11-22T09:00:00Z'));
	const cloud = new FakeCloud();
	const saved: AwsSettings[] = [];
	const { session } = memoryAws(clock, { cloud });
	const connection = new AwsConnection(
		{ session, clock, openGateway: cloud.open, saveSettings: async (s) => void saved.push(s) },
		DEFAULT_AWS_SETTINGS
	);
	return { clock, cloud, saved, session, connection };
}

function paste(text: string): ParsedCredentials {
	const outcome = parseCredentials(text);
	if (!outcome.ok) throw new Error(outcome.error);
	return outcome.value;
}

const ACADEMY = `[default]
aws_access_key_id=ASIAIOSFODNN7EXAMPLE
aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
aws_session_token=IQoJb3JpZ2luX2VjEXAMPLEtokenAAAABBBBCCCC`;

describe('AwsConnection', () => {
	it('connects, finds the table missing, creates it', async () => {
		const { connection, session, cloud } = setup();
		const check = await connection.connect(paste(ACADEMY), 4 * HOUR);
		expect(check.state).toBe('missing-table');
		expect(session.label).toBe('AWS Connected');
		expect(session.timeLeft).toBe('4h 0m left');
		expect((await connection.createTable()).state).toBe('connected');
		expect(cloud.tables.has('invoicelab')).toBe(true);
		expect(cloud.opened).toHaveLength(1);
	});

	it('takes the region from the paste and keeps the session time left the user gave', async () => {
		const { connection, session, saved } = setup();
		await connection.connect(paste(`${ACADEMY}\nregion = us-west-2`), 1.5 * HOUR);
		expect(connection.settings.region).toBe('us-west-2');
		expect(saved.at(-1)?.region).toBe('us-west-2');
		expect(session.timeLeft).toBe('1h 30m left');
	});

	it('turns offline when AWS says the token expired, and explains it', async () => {
		const { connection, session, cloud } = setup();
		cloud.failWith(awsError('ExpiredTokenException'));
		const check = await connection.connect(paste(ACADEMY), 4 * HOUR);
		expect(check).toMatchObject({ state: 'failed', problem: 'expired' });
		expect(session.label).toBe('AWS Offline');
	});

	it('reports access denied and unreachable endpoints in plain words', async () => {
		const { connection, cloud } = setup();
		await connection.updateSettings({ dynamodbEndpoint: 'http://127.0.0.1:9' });
		cloud.failWith(awsError('AccessDeniedException', 'no dynamodb:DescribeTable'));
		expect(await connection.connect(paste(ACADEMY), HOUR)).toMatchObject({
			problem: 'denied',
			message: expect.stringContaining('not allowed to use DynamoDB')
		});
		cloud.failWith(new TypeError('Failed to fetch'));
		expect(await connection.verify()).toMatchObject({
			problem: 'unreachable',
			message: expect.stringContaining('http://127.0.0.1:9')
		});
	});

	it('rejects invalid settings by field and keeps the old ones', async () => {
		const { connection } = setup();
		const problems = await connection.updateSettings({ table: 'x', dynamodbEndpoint: 'ftp://a' });
		expect(Object.keys(problems).sort()).toEqual(['dynamodbEndpoint', 'table']);
		expect(connection.settings).toEqual(DEFAULT_AWS_SETTINGS);
	});

	it('forgets the credentials and the gateway', async () => {
		const { connection, session } = setup();
		await connection.connect(paste(ACADEMY), HOUR);
		connection.forget();
		expect(session.label).toBe('Local only');
		await expect(connection.gateway()).rejects.toThrow(/Connect AWS/);
	});
});
