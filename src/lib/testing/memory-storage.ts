import type { KeyValueStorage } from '../aws/credential-vault';

/** An in-memory stand-in for sessionStorage. */
export class MemoryStorage implements KeyValueStorage {
	readonly items = new Map<string, string>();

	getItem(key: string): string | null {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		this.items.set(key, value);
	}
	removeItem(key: string): void {
		this.items.delete(key);
	}
}
