import { describe, expect, it } from 'vitest';
import {
	checkAwsSettings,
	DEFAULT_AWS_SETTINGS,
	readAwsSettings,
	type AwsSettings
} from './settings';

const LOCAL: AwsSettings = {
	region: 'eu-central-1',
	table: 'books.2026',
	workspace: 'acme_ltd',
	dynamodbEndpoint: 'http://127.0.0.1:8000',
	bedrockEndpoint: 'https://bedrock.example.com',
	bedrockModel: 'amazon.nova-lite-v1:0'
};

describe('readAwsSettings', () => {
	it('gives the defaults for nothing stored, or for something that is no settings', () => {
		for (const stored of [undefined, null, 'eu-west-1', 42, []]) {
			expect(readAwsSettings(stored)).toEqual(DEFAULT_AWS_SETTINGS);
		}
	});

	it('keeps valid stored settings as they are', () => {
		expect(readAwsSettings(LOCAL)).toEqual(LOCAL);
	});

	it('falls back to the default field by field, and keeps nothing else', () => {
		const stored = {
			...LOCAL,
			region: 'Mars-1',
			table: 'x',
			workspace: 7,
			dynamodbEndpoint: 'ftp://files.example.com',
			bedrockEndpoint: 'https://user:secret@bedrock.example.com',
			bedrockModel: '   ',
			extra: 'not a setting'
		};
		expect(readAwsSettings(stored)).toEqual(DEFAULT_AWS_SETTINGS);
	});

	it('trims the endpoints and the model, not the names', () => {
		const stored = {
			...LOCAL,
			dynamodbEndpoint: '  http://localhost:8000 ',
			bedrockModel: ' amazon.nova-micro-v1:0 ',
			table: ' books '
		};
		expect(readAwsSettings(stored)).toEqual({
			...LOCAL,
			dynamodbEndpoint: 'http://localhost:8000',
			bedrockModel: 'amazon.nova-micro-v1:0',
			table: DEFAULT_AWS_SETTINGS.table
		});
	});
});

describe('checkAwsSettings', () => {
	it('gives the settings as kept when every field is valid', () => {
		expect(checkAwsSettings({ ...LOCAL, bedrockEndpoint: ' ' })).toEqual({
			ok: true,
			settings: { ...LOCAL, bedrockEndpoint: '' }
		});
	});

	it('names the problem of each invalid field', () => {
		const outcome = checkAwsSettings({
			region: 'us_east_1',
			table: 'ab',
			workspace: 'a b',
			dynamodbEndpoint: 'localhost:8000',
			bedrockEndpoint: 'https://key:secret@example.com',
			bedrockModel: 'm'.repeat(201)
		});
		expect(outcome).toEqual({
			ok: false,
			problems: {
				region: 'must be an AWS region such as us-east-1',
				table: 'must be 3–255 letters, digits, "_", "-" or "."',
				workspace: 'must be 1–64 letters, digits, "_", "-" or "."',
				dynamodbEndpoint: 'must be an http(s) address such as http://127.0.0.1:8000',
				bedrockEndpoint: 'must be an http(s) address such as http://127.0.0.1:8000',
				bedrockModel: 'must be at most 200 characters'
			}
		});
		expect(checkAwsSettings({ ...LOCAL, bedrockModel: '' })).toEqual({
			ok: false,
			problems: { bedrockModel: 'name a model' }
		});
	});
});
