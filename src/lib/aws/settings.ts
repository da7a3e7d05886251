/**
 * Where this device talks to AWS. Not secret (credentials live elsewhere), kept per device
 * and never synced: the table named here is where syncing goes.
 */
export interface AwsSettings {
	region: string;
	table: string;
	workspace: string;
	/** An http(s) address, or '' for AWS's own. */
	dynamodbEndpoint: string;
	bedrockEndpoint: string;
	bedrockModel: string;
}

/** Why a setting's value cannot be used, or null when it can. */
type Rule = (value: string) => string | null;

const matching =
	(pattern: RegExp, problem: string): Rule =>
	(value) =>
		pattern.test(value) ? null : problem;
const endpoint: Rule = (value) =>
	value === '' || endpointProblem(value) === null
		? null
		: 'must be an http(s) address such as http://127.0.0.1:8000';

/**
 * Each setting's rule, and whether spaces around it mean nothing. Plain checks, no schema
 * library: reading the saved settings is on the way to the first page.
 */
const RULES: Record<keyof AwsSettings, { rule: Rule; trimmed?: true }> = {
	region: {
		rule: matching(
			/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/,
			'must be an AWS region such as us-east-1'
		)
	},
	// DynamoDB's own rule for table names.
	table: {
		rule: matching(/^[A-Za-z0-9_.-]{3,255}$/, 'must be 3–255 letters, digits, "_", "-" or "."')
	},
	workspace: {
		rule: matching(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 letters, digits, "_", "-" or "."')
	},
	dynamodbEndpoint: { rule: endpoint, trimmed: true },
	bedrockEndpoint: { rule: endpoint, trimmed: true },
	bedrockModel: {
		rule: (value) =>
			value === '' ? 'name a model' : value.length > 200 ? 'must be at most 200 characters' : null,
		trimmed: true
	}
};
const KEYS = Object.keys(RULES) as (keyof AwsSettings)[];

/** A setting as kept, or why it cannot be. */
function checkSetting(
	key: keyof AwsSettings,
	value: unknown
): { ok: true; value: string } | { ok: false; problem: string } {
	if (typeof value !== 'string') return { ok: false, problem: 'must be text' };
	const kept = RULES[key].trimmed ? value.trim() : value;
	const problem = RULES[key].rule(kept);
	return problem === null ? { ok: true, value: kept } : { ok: false, problem };
}

export const DEFAULT_AWS_SETTINGS: AwsSettings = {
	region: 'us-east-1',
	table: 'invoicelab',
	workspace: 'default',
	dynamodbEndpoint: '',
	bedrockEndpoint: '',
	// Amazon Nova Lite through the US inference profile: low cost (settings-choices.ts).
	bedrockModel: 'us.amazon.nova-lite-v1:0'
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
	for (const key of KEYS) {
		const checked = checkSetting(key, (stored as Record<string, unknown>)[key]);
		if (checked.ok) settings[key] = checked.value;
	}
	return settings;
}

/** Settings as they are kept, or the problems by field. */
export function checkAwsSettings(
	settings: AwsSettings
):
	| { ok: true; settings: AwsSettings }
	| { ok: false; problems: Partial<Record<keyof AwsSettings, string>> } {
	const kept = { ...DEFAULT_AWS_SETTINGS };
	const problems: Partial<Record<keyof AwsSettings, string>> = {};
	for (const key of KEYS) {
		const checked = checkSetting(key, settings[key]);
		if (checked.ok) kept[key] = checked.value;
		else problems[key] = checked.problem;
	}
	return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, settings: kept };
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
