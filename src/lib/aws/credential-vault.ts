/**
 * Where a live session is kept between reloads of one tab: sessionStorage, which the browser
 * drops when the tab closes. Never localStorage, IndexedDB or cookies, which outlive it.
 */
import * as v from 'valibot';
import type { AwsSession } from './session';

/** The part of the Web Storage API the vault needs; `sessionStorage` is the real one. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface CredentialVault {
	load(): AwsSession | null;
	save(session: AwsSession): void;
	clear(): void;
}

const KEY = 'invoicelab.aws-session';

export const AwsSessionSchema = v.object({
	credentials: v.object({
		accessKeyId: v.pipe(v.string(), v.minLength(16), v.maxLength(128)),
		secretAccessKey: v.pipe(v.string(), v.minLength(16), v.maxLength(128)),
		sessionToken: v.optional(v.pipe(v.string(), v.maxLength(8192)))
	}),
	kind: v.picklist(['temporary', 'permanent']),
	region: v.string(),
	expiresAt: v.nullable(v.number()),
	rejectedReason: v.optional(v.string())
});

/** Reads a session from untrusted input (storage, another tab); null if it is not one. */
export function readSession(value: unknown): AwsSession | null {
	const result = v.safeParse(AwsSessionSchema, value);
	return result.success ? result.output : null;
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
