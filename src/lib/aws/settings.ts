/**
 * Where this device talks to AWS. Not secret (credentials live elsewhere), kept per device
 * and never synced: the table named here is where syncing goes.
 */
import * as v from 'valibot';

export { OFFERED_REGIONS as AWS_REGIONS } from './content-policy.js';

/** Models offered in the picker; any Bedrock model or inference-profile id may be typed. */
export const BEDROCK_MODELS = [
	{ id: 'us.amazon.nova-lite-v1:0', label: 'Amazon Nova Lite (US profile): default, low cost' },
	{ id: 'amazon.nova-lite-v1:0', label: 'Amazon Nova Lite (this region only)' },
	{ id: 'us.amazon.nova-micro-v1:0', label: 'Amazon Nova Micro: text only, lowest cost' },
	{ id: 'us.amazon.nova-pro-v1:0', label: 'Amazon Nova Pro: more capable, about 13× the cost' },
	{ id: 'us.anthropic.claude-3-5-haiku-20241022-v1:0', label: 'Claude 3.5 Haiku (US profile)' },
	{ id: 'anthropic.claude-3-haiku-20240307-v1:0', label: 'Claude 3 Haiku' }
] as const;

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
/** DynamoDB's own rule for table names. */
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;
const WORKSPACE = /^[A-Za-z0-9_.-]{1,64}$/;

const endpoint = v.pipe(
	v.string(),
	v.trim(),
	v.check(
		(value) => value === '' || endpointProblem(value) === null,
		'must be an http(s) address such as http://127.0.0.1:8000'
	)
);

export const AwsSettingsSchema = v.object({
	region: v.pipe(v.string(), v.regex(REGION, 'must be an AWS region such as us-east-1')),
	table: v.pipe(v.string(), v.regex(TABLE_NAME, 'must be 3–255 letters, digits, "_", "-" or "."')),
	workspace: v.pipe(
		v.string(),
		v.regex(WORKSPACE, 'must be 1–64 letters, digits, "_", "-" or "."')
	),
	dynamodbEndpoint: endpoint,
	bedrockEndpoint: endpoint,
	bedrockModel: v.pipe(v.string(), v.trim(), v.minLength(1, 'name a model'), v.maxLength(200))
});

export type AwsSettings = v.InferOutput<typeof AwsSettingsSchema>;

export const DEFAULT_AWS_SETTINGS: AwsSettings = {
	region: 'us-east-1',
	table: 'invoicelab',
	workspace: 'default',
	dynamodbEndpoint: '',
	bedrockEndpoint: '',
	bedrockModel: BEDROCK_MODELS[0].id
};

/** Why an endpoint address cannot be used, or null when it can. */
export function endpointProblem(value: string): string | null {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return 'is not a web address';
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with http(s)://';
	if (url.username || url.password) return 'must not contain a user name or password';
	return null;
}

/** Stored settings merged over the defaults; anything invalid falls back to its default. */
export function readAwsSettings(stored: unknown): AwsSettings {
	const settings = { ...DEFAULT_AWS_SETTINGS };
	if (!stored || typeof stored !== 'object') return settings;
	for (const key of Object.keys(settings) as (keyof AwsSettings)[]) {
		const field = AwsSettingsSchema.entries[key];
		const result = v.safeParse(field, (stored as Record<string, unknown>)[key]);
		if (result.success) settings[key] = result.output;
	}
	return settings;
}

/** Loopback endpoints are plain http on this machine: fine, and worth saying so. */
export function isLoopback(endpointUrl: string): boolean {
	try {
		const host = new URL(endpointUrl).hostname;
		return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
	} catch {
		return false;
	}
}
