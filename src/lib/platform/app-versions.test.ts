import { describe, expect, it } from 'vitest';
import {
	cacheName,
	isAppCache,
	olderCaches,
	runningVersions,
	staleCaches,
	versionLock
} from './app-versions';

describe('staleCaches', () => {
	const keys = ['invoicelab-1', 'other-app', 'invoicelab-2', 'invoicelab-3'];

	it('keeps the current version and every version an open tab runs', () => {
		expect(staleCaches(keys, '3', new Set(['1', '3']))).toEqual(['invoicelab-2']);
		expect(staleCaches(keys, '3', new Set())).toEqual(['invoicelab-1', 'invoicelab-2']);
	});

	it('never touches caches that are not the app’s', () => {
		expect(staleCaches(keys, '3', new Set())).not.toContain('other-app');
	});

	it('leaves the caches of a newer worker still installing or waiting', () => {
		expect(staleCaches(keys, '2', new Set())).toEqual(['invoicelab-1']);
		expect(staleCaches(keys, '2', undefined)).toEqual([]);
	});

	it('deletes nothing when the current version has no cache to tell old from new', () => {
		expect(staleCaches(keys, '9', new Set())).toEqual([]);
	});

	it('without a way to know what tabs run, keeps the version made just before the current', () => {
		expect(staleCaches(keys, '3', undefined)).toEqual(['invoicelab-1']);
		expect(staleCaches(['invoicelab-3'], '3', undefined)).toEqual([]);
	});
});

describe('olderCaches', () => {
	it('lists the app’s caches made before the current one: none on a first visit', () => {
		expect(olderCaches(['other-app', 'invoicelab-1', 'invoicelab-2'], '2')).toEqual([
			'invoicelab-1'
		]);
		expect(olderCaches(['other-app', 'invoicelab-1'], '1')).toEqual([]);
	});
});

describe('runningVersions', () => {
	it('reads the versions from the tabs’ version locks and ignores other locks', () => {
		const names = [versionLock('1'), 'invoicelab-sync', versionLock('2'), undefined];
		expect(runningVersions(names)).toEqual(new Set(['1', '2']));
	});

	it('names a version’s cache after it', () => {
		expect(cacheName('42')).toBe('invoicelab-42');
		expect(isAppCache(cacheName('42'))).toBe(true);
		expect(isAppCache('other-app')).toBe(false);
	});
});
