/**
 * Where a live session is kept between reloads of one tab: sessionStorage, which the browser
 * drops when the tab closes. Never localStorage, IndexedDB or cookies, which outlive it.
 */
import type { AwsSession } from './session';

/** The part of the Web Storage API the vault needs; `sessionStorage` is the real one. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface CredentialVault {
	load(): AwsSession | null;
	save(session: AwsSession): void;
	clear(): void;
}

const KEY = 'invoicelab.aws-session';

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const isText = (value: unknown, min: number, max: number): value is string =>
	typeof value === 'string' && value.length >= min && value.length <= max;
/** Absent, or what `check` accepts. */
const optional = (value: unknown, check: (value: unknown) => boolean) =>
	value === undefined || check(value);

/**
 * Reads a session from untrusted input (storage, another tab); null if it is not one. Keeps
 * only a session's own fields. Plain checks, no schema library: a reload reads the saved
 * session on the way to the first page.
 */
export function readSession(value: unknown): AwsSession | null {
	if (!isFields(value) || !isFields(value.credentials)) return null;
	const { accessKeyId, secretAccessKey, sessionToken } = value.credentials;
	const { kind, region, expiresAt, rejectedReason } = value;
	const valid =
		isText(accessKeyId, 16, 128) &&
		isText(secretAccessKey, 16, 128) &&
		optional(sessionToken, (token) => isText(token, 0, 8192)) &&
		(kind === 'temporary' || kind === 'permanent') &&
		typeof region === 'string' &&
		(expiresAt === null || (typeof expiresAt === 'number' && !Number.isNaN(expiresAt))) &&
		optional(rejectedReason, (reason) => typeof reason === 'string');
	if (!valid) return null;
	return {
		credentials: {
			accessKeyId,
			secretAccessKey,
			...(sessionToken === undefined ? {} : { sessionToken: sessionToken as string })
		},
		kind,
		region,
		expiresAt,
		...(rejectedReason === undefined ? {} : { rejectedReason: rejectedReason as string })
	};
}

export function storageVault(storage: KeyValueStorage): CredentialVault {
	return {
		load() {
			try {
				const text = storage.getItem(KEY);
				return text ? readSession(JSON.parse(text)) : null;
			} catch {
				return null;
			}
		},
		save(session) {
			storage.setItem(KEY, JSON.stringify(session));
		},
		clear() {
			storage.removeItem(KEY);
		}
	};
}
