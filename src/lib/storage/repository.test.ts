import { describe, expect, it } from 'vitest';
import { ManualClock } from '../platform/clock';
import { SequentialIds } from '../platform/ids';
import { MemoryTabNetwork } from '../platform/channel';
import { makeInvoice, makeInvoiceDraft } from '../testing/factories';
import { DEFAULT_PROFILE } from '../invoice/profile';
import { withoutMeta } from '../invoice/schema';
import { MemoryRecordStore } from './memory-store';
import { Repository, ValidationError, type ChangeNotice } from './repository';

function setup() {
	const network = new MemoryTabNetwork<ChangeNotice>();
	const store = new MemoryRecordStore();
	const clock = new ManualClock(Date.parse('2026-03-01T10:00:00Z'));
	const repo = new Repository(store, clock, new SequentialIds(), network.join(), 'dev-a');
	const otherTab = new Repository(store, clock, new SequentialIds(), network.join(), 'dev-a');
	return { store, clock, repo, otherTab };
}

const draft = makeInvoiceDraft;

describe('Repository', () => {
	it('stamps, stores and announces a new record in this tab and the others', async () => {
		const { repo, otherTab, store } = setup();
		const here: ChangeNotice[] = [];
		const there: ChangeNotice[] = [];
		repo.subscribe((n) => here.push(n));
		otherTab.subscribe((n) => there.push(n));
		const saved = await repo.save('invoices', draft());
		expect(saved).toMatchObject({
			id: 'id-1',
			createdAt: '2026-03-01T10:00:00.000Z',
			deleted: false
		});
		expect(saved.hlc).toMatch(/^2026-03-01T10:00:00.000Z-0000-dev-a$/);
		expect(here).toEqual([{ collection: 'invoices', ids: ['id-1'] }]);
		expect(there).toEqual(here);
		expect(await store.outbox()).toHaveLength(1);
	});

	it('keeps createdAt and moves the stamp forward on edit', async () => {
		const { repo, clock } = setup();
		const first = await repo.save('invoices', draft());
		clock.advance(60_000);
		const second = await repo.save('invoices', { ...draft({ notes: 'later' }), id: first.id });
		expect(second.createdAt).toBe(first.createdAt);
		expect(second.hlc > first.hlc).toBe(true);
	});

	it('refuses invalid records with a message naming the field', async () => {
		const { repo, store } = setup();
		await expect(repo.save('invoices', draft({ currency: 'XYZ1' }))).rejects.toThrow(
			ValidationError
		);
		await expect(repo.save('invoices', draft({ currency: 'XYZ1' }))).rejects.toThrow(/currency/);
		expect(await store.all('invoices')).toEqual([]);
	});

	it('deletes as a tombstone', async () => {
		const { repo, store } = setup();
		const saved = await repo.save('invoices', draft());
		await repo.remove('invoices', saved.id);
		const stored = await store.get('invoices', saved.id);
		expect(stored?.deleted).toBe(true);
		expect(stored!.hlc > saved.hlc).toBe(true);
	});

	it('imports by id: later versions win, earlier ones change nothing, nothing is doubled', async () => {
		const { repo, store } = setup();
		const first = await repo.save('invoices', draft({ notes: 'first' }));
		const saved = await repo.save(
			'invoices',
			{ ...draft({ notes: 'local' }), id: first.id },
			first
		);
		// An hour ahead of this device's clock, made on top of the local version: taken, and
		// later edits stamp after it.
		const newer = {
			...saved,
			notes: 'newer',
			hlc: '2026-03-01T11:00:00.000Z-0000-x',
			history: [saved.hlc, first.hlc]
		};
		const fresh = makeInvoice({ id: 'other' });
		expect(await repo.merge([{ collection: 'invoices', record: first }])).toEqual({
			added: 0,
			updated: 0,
			unchanged: 1,
			refused: [],
			edited: []
		});
		expect(
			await repo.merge([
				{ collection: 'invoices', record: newer },
				{ collection: 'invoices', record: fresh }
			])
		).toEqual({ added: 1, updated: 1, unchanged: 0, refused: [], edited: [] });
		const all = await store.all('invoices');
		expect(all).toHaveLength(2);
		expect(all.find((i) => i.id === saved.id)?.notes).toBe('newer');
		const edited = await repo.save('invoices', { ...draft(), id: saved.id });
		expect(edited.hlc > newer.hlc).toBe(true);
	});

	it('refuses a version from a file naming a stamp more than a day ahead, even in its history', async () => {
		const { repo, store } = setup();
		const saved = await repo.save('invoices', draft({ notes: 'here' }));
		const ahead = '2026-03-03T10:00:00.000Z-0000-x';
		// Within a day in itself, but "built on" a future version: with a full history, every
		// version stamped before that one would count as its ancestor (lineage.builtOn).
		const poisoned = {
			...saved,
			id: 'evil\u0000\u202e',
			notes: 'from the file',
			hlc: '2026-03-01T11:00:00.000Z-0000-x',
			history: [saved.hlc, ahead]
		};
		const counts = await repo.merge([
			{ collection: 'invoices', record: poisoned },
			{ collection: 'invoices', record: { ...poisoned, id: saved.id } }
		]);
		expect(counts.refused).toEqual([
			'invoice "evil\ufffd\ufffd": its history names a clock stamp (2026-03-03T10:00:00.000Z) more than a day ahead',
			`invoice "${saved.id}": its history names a clock stamp (2026-03-03T10:00:00.000Z) more than a day ahead`
		]);
		expect(counts).toMatchObject({ added: 0, updated: 0 });
		expect((await store.get('invoices', saved.id))?.notes).toBe('here');
		expect((await repo.save('invoices', draft())).hlc).toMatch(/^2026-03-01T10:00:00\.000Z-/);
	});

	it('keeps a version from a file that was made alongside the local one as a copy', async () => {
		const { repo, store } = setup();
		const saved = await repo.save('invoices', draft({ notes: 'here' }));
		const elsewhere = { ...saved, notes: 'in the file', hlc: '2026-03-01T10:30:00.000Z-0000-x' };
		const counts = await repo.merge([{ collection: 'invoices', record: elsewhere }]);
		expect(counts).toMatchObject({ updated: 0, unchanged: 1 });
		expect((await store.get('invoices', saved.id))?.notes).toBe('here');
		expect(await store.conflicts()).toEqual([
			expect.objectContaining({ source: 'import', fields: ['notes'], record: elsewhere })
		]);
	});

	it('a delete in a file, made alongside an edit here, stays a delete; the edit is a copy', async () => {
		// As in sync (sync-rules.ts: a delete wins over an edit). A version here that took the
		// delete into its history yet stayed live would hide the delete from every device.
		const { repo, store, clock } = setup();
		const saved = await repo.save('invoices', draft({ notes: 'first' }));
		const deletedElsewhere = {
			...saved,
			deleted: true,
			hlc: '2026-03-01T10:00:30.000Z-0000-other',
			history: [saved.hlc]
		};
		clock.advance(60_000);
		await repo.save('invoices', { ...draft({ notes: 'edited here' }), id: saved.id });
		await repo.merge([{ collection: 'invoices', record: deletedElsewhere }]);
		const stored = await store.get('invoices', saved.id);
		expect(stored?.deleted).toBe(true);
		expect(stored?.history).toContain(deletedElsewhere.hlc);
		expect(await store.conflicts()).toEqual([
			expect.objectContaining({ record: expect.objectContaining({ notes: 'edited here' }) })
		]);
	});

	it('a settings form filled from the defaults keeps a profile that synced in meanwhile', async () => {
		const { repo, store } = setup();
		const synced = { ...withoutMeta(DEFAULT_PROFILE), name: 'Synced Ltd', taxId: 'DE123' };
		await repo.save('profile', synced);
		const outcome = await repo.update(
			'profile',
			{ ...withoutMeta(DEFAULT_PROFILE), email: 'me@example.com' },
			DEFAULT_PROFILE
		);
		expect(outcome.merged.sort()).toEqual(['name', 'taxId']);
		expect(await store.get('profile', 'business')).toMatchObject({
			name: 'Synced Ltd',
			taxId: 'DE123',
			email: 'me@example.com'
		});
	});
});
