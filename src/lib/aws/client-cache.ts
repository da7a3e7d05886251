/**
 * One AWS client per session and settings: built (and its SDK chunk loaded) on first use,
 * rebuilt when the key changes, and forgotten if building it failed so the next call retries.
 */
import type { AwsSession } from './session';

export class ClientCache<T> {
	#entry: { key: string; client: Promise<T> } | null = null;

	/** The client for this session and these settings values, opened if they changed. */
	get(session: AwsSession, settings: readonly string[], open: () => Promise<T>): Promise<T> {
		const key = [session.credentials.accessKeyId, session.expiresAt, ...settings].join('|');
		if (this.#entry?.key !== key) {
			const client = open();
			this.#entry = { key, client };
			client.catch(() => {
				if (this.#entry?.client === client) this.#entry = null;
			});
		}
		return this.#entry.client;
	}

	clear(): void {
		this.#entry = null;
	}
}
