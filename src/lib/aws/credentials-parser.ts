/**
 * Reads AWS credentials from whatever a person pastes: the Learner Lab "AWS Details" block,
 * a credentials file with profiles, shell/.env/PowerShell/cmd lines, or STS and
 * credential_process JSON. Pure and total: it never throws, and no message it returns ever
 * contains the secret key or the session token.
 */

export interface AwsCredentials {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
}

export interface ParsedCredentials {
	credentials: AwsCredentials;
	kind: 'temporary' | 'permanent';
	region?: string;
	/** ISO timestamp when the paste said when the keys expire. */
	expiration?: string;
	/** The `[profile]` the keys came from, when the paste had profiles. */
	profile?: string;
	/** Every profile in the paste that holds an access key, for the user to pick from. */
	profiles: string[];
}

export type ParseOutcome = { ok: true; value: ParsedCredentials } | { ok: false; error: string };

/** Credentials are a few hundred bytes; anything this big is not a credentials paste. */
export const MAX_PASTE_CHARS = 64 * 1024;

type Field = 'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'region' | 'expiration';
type Fields = Partial<Record<Field, string>>;

const KEY_NAMES: Record<string, Field> = {
	aws_access_key_id: 'accessKeyId',
	access_key_id: 'accessKeyId',
	accesskeyid: 'accessKeyId',
	aws_secret_access_key: 'secretAccessKey',
	secret_access_key: 'secretAccessKey',
	secretaccesskey: 'secretAccessKey',
	aws_session_token: 'sessionToken',
	aws_security_token: 'sessionToken',
	session_token: 'sessionToken',
	sessiontoken: 'sessionToken',
	aws_region: 'region',
	aws_default_region: 'region',
	region: 'region',
	expiration: 'expiration',
	aws_credential_expiration: 'expiration',
	aws_session_expiration: 'expiration'
};

const ACCESS_KEY = /^(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,124}$/;
const SECRET_KEY = /^[A-Za-z0-9/+=]{30,128}$/;
const SESSION_TOKEN = /^[A-Za-z0-9/+=_-]{16,}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export function parseCredentials(text: string, chosenProfile?: string): ParseOutcome {
	try {
		if (text.length > MAX_PASTE_CHARS) {
			return fail(
				`The paste is ${Math.round(text.length / 1024)} KB; credentials are a few hundred characters. Paste only the block from AWS Details.`
			);
		}
		if (!text.trim()) return fail('Paste your AWS credentials first.');
		const json = readJson(text);
		if (json) return validate(json, undefined, []);
		return fromLines(text, chosenProfile);
	} catch {
		return fail('Those credentials could not be read. Paste the block from AWS Details → AWS CLI.');
	}
}

function fail(error: string): ParseOutcome {
	return { ok: false, error };
}

function readJson(text: string): Fields | null {
	const start = text.indexOf('{');
	const end = text.lastIndexOf('}');
	if (start < 0 || end <= start) return null;
	let data: unknown;
	try {
		data = JSON.parse(text.slice(start, end + 1));
	} catch {
		return null;
	}
	if (!data || typeof data !== 'object') return null;
	// `aws sts get-session-token` / `assume-role` wrap the keys in "Credentials";
	// credential_process output (Version 1) has them at the top level.
	const record = data as Record<string, unknown>;
	const source = (
		record.Credentials && typeof record.Credentials === 'object' ? record.Credentials : record
	) as Record<string, unknown>;
	const fields: Fields = {};
	for (const [key, value] of Object.entries(source)) {
		const field = KEY_NAMES[key.toLowerCase()];
		if (field && (typeof value === 'string' || typeof value === 'number'))
			fields[field] = String(value).trim();
	}
	if (typeof record.Region === 'string') fields.region ??= record.Region;
	return fields.accessKeyId || fields.secretAccessKey ? fields : null;
}

/** One `name = value` from any of the line styles people paste. */
function readLine(raw: string): [Field, string] | null {
	let line = raw.trim();
	// `setx NAME value` is the one style whose separator is a space.
	const spaceSeparated = /^setx\s/i.test(line);
	line = line.replace(/^(export\s+|setx?\s+|\$env:)/i, '');
	if (/^".*"$/.test(line)) line = line.slice(1, -1);
	const separator = spaceSeparated ? '\\s+' : '\\s*[=:]\\s*';
	const match = new RegExp(`^([A-Za-z_][A-Za-z0-9_]*)${separator}(.*)$`).exec(line);
	if (!match) return null;
	const field = KEY_NAMES[(match[1] as string).toLowerCase()];
	if (!field) return null;
	let value = (match[2] as string).trim().replace(/;$/, '').trim();
	if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1).trim();
	return [field, value];
}

/**
 * The profile named by an ini header line (`[name]` or `[profile name]`), or null. Read in one
 * pass: it runs on every keystroke, and a backtracking pattern took seconds on "[" followed by
 * a few thousand spaces.
 */
function profileHeader(raw: string): string | null {
	const line = raw.trim();
	if (!line.startsWith('[') || !line.endsWith(']') || line.length < 3) return null;
	let name = line.slice(1, -1).trim();
	if (name.includes(']')) return null;
	const afterProfile = /^profile\s/.test(name) ? name.slice('profile'.length).trim() : '';
	if (afterProfile) name = afterProfile;
	return name === '' ? null : name;
}

function fromLines(text: string, chosenProfile: string | undefined): ParseOutcome {
	const sections = new Map<string, Fields>([['', {}]]);
	let current = sections.get('') as Fields;
	for (const raw of text.split(/\r\n|\r|\n/)) {
		const name = profileHeader(raw);
		if (name !== null) {
			current = sections.get(name) ?? {};
			sections.set(name, current);
			continue;
		}
		const entry = readLine(raw);
		if (entry) current[entry[0]] ??= entry[1];
	}
	const named = [...sections.entries()].filter(([name, f]) => name !== '' && f.accessKeyId);
	const profiles = named.map(([name]) => name);
	let profile: string | undefined;
	if (chosenProfile !== undefined) {
		if (!sections.has(chosenProfile))
			return fail(`There is no profile [${chosenProfile}] in the paste.`);
		profile = chosenProfile;
	} else if ((sections.get('') as Fields).accessKeyId) {
		profile = undefined;
	} else if (sections.has('default')) {
		profile = 'default';
	} else {
		profile = profiles[0];
	}
	const fields = sections.get(profile ?? '') as Fields;
	return validate(fields, profile, profiles);
}

function validate(fields: Fields, profile: string | undefined, profiles: string[]): ParseOutcome {
	const { accessKeyId, secretAccessKey, sessionToken, region, expiration } = fields;
	if (!accessKeyId) {
		return fail(
			'No access key ID found. Paste the lines with aws_access_key_id, aws_secret_access_key and aws_session_token.'
		);
	}
	if (!ACCESS_KEY.test(accessKeyId)) {
		return fail(
			'The access key ID does not look right: it should start with ASIA (temporary) or AKIA (permanent) followed by capital letters and digits.'
		);
	}
	if (!secretAccessKey) return fail('The secret access key (aws_secret_access_key) is missing.');
	if (!SECRET_KEY.test(secretAccessKey)) {
		return fail(
			'The secret access key does not look right: it should be about 40 letters, digits, "/" or "+". Copy it again, whole.'
		);
	}
	if (accessKeyId.startsWith('ASIA') && !sessionToken) {
		return fail(
			'Temporary keys (starting with ASIA) need the session token too (aws_session_token). Copy the whole block from AWS Details.'
		);
	}
	if (sessionToken !== undefined && !SESSION_TOKEN.test(sessionToken)) {
		return fail(
			'The session token (aws_session_token) does not look right. Copy the whole block again; the token is long.'
		);
	}
	if (region !== undefined && !REGION.test(region)) {
		return fail('The region in the paste is not an AWS region name (like us-east-1).');
	}
	let expiresAt: string | undefined;
	if (expiration !== undefined) {
		const ms = Date.parse(expiration);
		if (Number.isNaN(ms)) return fail('The Expiration in the paste is not a date and time.');
		expiresAt = new Date(ms).toISOString();
	}
	return {
		ok: true,
		value: {
			credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
			kind: sessionToken ? 'temporary' : 'permanent',
			...(region ? { region } : {}),
			...(expiresAt ? { expiration: expiresAt } : {}),
			...(profile ? { profile } : {}),
			profiles
		}
	};
}
