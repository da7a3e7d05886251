import { describe, expect, it } from 'vitest';
import { parseCredentials } from '../aws/credentials-parser';
import { DEFAULT_PROFILE } from '../invoice/profile';
import { issue } from '../invoice/issue';
import { withoutMeta } from '../invoice/schema';
import { MemoryRemote } from '../testing/memory-remote';
import { MemoryTabNetwork } from '../platform/channel';
import { ManualClock } from '../platform/clock';
import { SequentialIds } from '../platform/ids';
import { MemoryRecordStore } from '../storage/memory-store';
import { Repository, type ChangeNotice } from '../storage/repository';
import { FakeCloud } from '../testing/fake-cloud';
import { makeInvoiceDraft } from '../testing/factories';
import { memoryAws, memorySync } from '../testing/memory-aws';
import { SYNC_INTERVAL_MS } from './sync.svelte';

const KEYS = parseCredentials(`aws_access_key_id=AKIAIOSFODNN7EXAMPLE
aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`);

/** A device of the app wired from fakes, sharing `cloud` with the other devices. */
function device(
	name: string,
	cloud: FakeCloud,
	clock = new ManualClock(Date.parse('2026-11-22T09:00:00Z'))
) {
	const store = new MemoryRecordStore();
	const repository = new Repository(
		store,
		clock,
		new SequentialIds(name),
		new MemoryTabNetwork<ChangeNotice>().join(),
		name
	);
	const notices: string[] = [];
	const { connection } = memoryAws(clock, { cloud, notices });
	const sync = memorySync(connection, store, repository, clock, notices);
	sync.start();
	const connect = async () => {
		if (!KEYS.ok) throw new Error('fixture');
		await connection.connect(KEYS.value, 3_600_000);
		await idle();
	};
	/** Waits for the sync the coordinator started by itself to finish. */
	const idle = async () => {
		await settle();
		while (sync.running) await settle();
		await settle();
	};
	return { store, repository, sync, connection, connect, idle, clock, notices };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SyncCoordinator', () => {
	it('syncs on connect, then every 30 seconds while connected', async () => {
		const cloud = new FakeCloud();
		cloud.tables.add('invoicelab');
		const a = device('a', cloud);
		await a.repository.save('invoices', makeInvoiceDraft());
		expect(a.sync.canSync).toBe(false);
		await a.connect();
		expect(await a.store.pendingCount()).toBe(0);
		expect(a.sync.lastSyncedAt).not.toBeNull();

		await a.repository.save('invoices', makeInvoiceDraft({ number: 'INV-2026-0002' }));
		a.clock.advance(SYNC_INTERVAL_MS);
		await a.idle();
		expect(await a.store.pendingCount()).toBe(0);
		a.sync.stop();
	});

	it('says why sync keeps failing while the session is live, and clears it once a retry works', async () => {
		const cloud = new FakeCloud();
		cloud.tables.add('invoicelab');
		const a = device('a', cloud);
		await a.connect();
		const remote = cloud.remotes.get('invoicelab|default')!;
		remote.fault = () => 'lost-request';
		await a.repository.save('invoices', makeInvoiceDraft());
		// Sync's own retries wait on the manual clock.
		const run = a.sync.syncNow();
		while (a.sync.running) {
			a.clock.advance(5_000);
			await settle();
		}
		await run;
		expect(a.sync.canSync).toBe(true);
		expect(a.sync.failure).toMatchObject({
			summary: 'cannot reach DynamoDB',
			message: expect.stringMatching(/cannot tell which/)
		});
		remote.fault = () => null;
		await a.sync.syncNow();
		expect(a.sync.failure).toBeNull();
		expect(await a.store.pendingCount()).toBe(0);
		a.sync.stop();
	});

	it('syncs as soon as the table it was missing has been created', async () => {
		const cloud = new FakeCloud();
		const a = device('a', cloud);
		await a.connect();
		// The clock stands still, so only the new table can start this sync.
		await a.repository.save('invoices', makeInvoiceDraft());
		expect(await a.store.pendingCount()).toBe(1);
		await a.connection.createTable();
		await a.idle();
		expect(await a.store.pendingCount()).toBe(0);
		a.sync.stop();
	});

	it('renumbers a draft that took the same number as another device, and says so', async () => {
		const cloud = new FakeCloud();
		cloud.tables.add('invoicelab');
		const a = device('a', cloud);
		const b = device('b', cloud);
		await a.repository.save(
			'invoices',
			makeInvoiceDraft({ number: 'INV-2026-0042', status: 'sent' })
		);
		await b.repository.save('invoices', makeInvoiceDraft({ number: 'INV-2026-0042' }));
		await a.connect();
		await b.connect();
		await a.sync.syncNow();
		const numbers = (await a.store.all('invoices')).map((i) => i.number).sort();
		expect(numbers).toEqual(['INV-2026-0042', 'INV-2026-0043']);
		expect(b.notices.join('\n')).toContain('Draft INV-2026-0042 was also used on another device');
		a.sync.stop();
		b.sync.stop();
	});

	it('tells the user when two sent invoices share a number, without changing either', async () => {
		const cloud = new FakeCloud();
		cloud.tables.add('invoicelab');
		const a = device('a', cloud);
		const b = device('b', cloud);
		await a.repository.save(
			'invoices',
			makeInvoiceDraft({ number: 'INV-2026-0007', status: 'sent' })
		);
		await b.repository.save(
			'invoices',
			makeInvoiceDraft({ number: 'INV-2026-0007', status: 'sent' })
		);
		await a.connect();
		await b.connect();
		expect(b.sync.clashes).toEqual([{ number: 'INV-2026-0007', ids: expect.any(Array) }]);
		a.sync.stop();
		b.sync.stop();
	});

	it('restores the losing side of a conflict as the newest version', async () => {
		const cloud = new FakeCloud();
		cloud.tables.add('invoicelab');
		const a = device('a', cloud);
		const b = device('b', cloud);
		await a.connect();
		await b.connect();
		const invoice = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'one' }));
		await a.sync.syncNow();
		await b.sync.syncNow();
		await b.repository.save('invoices', { ...invoice, notes: 'b wins later' });
		await a.repository.save('invoices', { ...invoice, notes: 'a loses' });
		b.clock.advance(5_000);
		await b.repository.save('invoices', { ...invoice, notes: 'b wins later' });
		await b.sync.syncNow();
		await a.sync.syncNow();
		expect((await a.store.get('invoices', invoice.id))?.notes).toBe('b wins later');
		const [copy] = a.sync.conflicts;
		expect(copy?.record).toMatchObject({ notes: 'a loses' });

		await a.sync.restore(copy!);
		await a.sync.syncNow();
		await b.sync.syncNow();
		expect((await b.store.get('invoices', invoice.id))?.notes).toBe('a loses');
		expect(a.sync.conflicts).toEqual([]);
		a.sync.stop();
		b.sync.stop();
	});

	it('restores a draft edit that lost to an issue as a new draft, leaving the issued one', async () => {
		const cloud = new FakeCloud();
		cloud.tables.add('invoicelab');
		const a = device('a', cloud);
		const b = device('b', cloud);
		await a.connect();
		await b.connect();
		const draft = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'one' }));
		await a.sync.syncNow();
		await b.sync.syncNow();
		await a.repository.save('invoices', { ...withoutMeta(draft), notes: 'edited on a' }, draft);
		b.clock.advance(5_000);
		const issued = issue(draft, {
			profile: DEFAULT_PROFILE,
			client: undefined,
			at: '2026-11-22T09:10:00.000Z',
			locale: 'en-GB'
		});
		await b.repository.save('invoices', withoutMeta(issued), draft);
		await b.sync.syncNow();
		await a.sync.syncNow();
		const [copy] = a.sync.conflicts;
		expect(copy?.record).toMatchObject({ notes: 'edited on a', status: 'draft' });

		await a.sync.restore(copy!);
		const invoices = (await a.store.all('invoices')).filter((i) => !i.deleted);
		expect(invoices).toHaveLength(2);
		const kept = invoices.find((i) => i.id === draft.id);
		const restored = invoices.find((i) => i.id !== draft.id);
		expect(kept).toMatchObject({ status: 'sent', notes: 'one' });
		expect(restored).toMatchObject({ status: 'draft', notes: 'edited on a' });
		expect(restored?.number).not.toBe(draft.number);
		expect(a.sync.conflicts).toEqual([]);
		a.sync.stop();
		b.sync.stop();
	});

	it('shows the copy a clashing save kept right away, without waiting for a sync', async () => {
		const a = device('a', new FakeCloud());
		const opened = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'one' }));
		await a.repository.save('invoices', { ...withoutMeta(opened), notes: 'other tab' }, opened);
		const { clashes } = await a.repository.update(
			'invoices',
			{ ...withoutMeta(opened), notes: 'this form' },
			opened
		);
		expect(clashes).toEqual(['notes']);
		await a.idle();
		expect(a.sync.conflicts.map((c) => c.record)).toEqual([
			expect.objectContaining({ notes: 'other tab' })
		]);
		a.sync.stop();
	});
});

describe('reasons stored for a refused change', () => {
	it('never hold a piece of the credentials', async () => {
		const cloud = new FakeCloud();
		cloud.tables.add('invoicelab');
		const a = device('a', cloud);
		await a.repository.save('profile', {
			...withoutMeta(DEFAULT_PROFILE),
			name: 'Echo Ltd'
		});
		const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
		const remote = new MemoryRemote();
		cloud.remotes.set('invoicelab|default', remote);
		remote.putIf = async () => {
			const echoed = `Signature for key ${secret.slice(3, 30)} did not match`;
			throw Object.assign(new Error(echoed), { name: 'ValidationException' });
		};
		await a.connect();
		const [entry] = await a.store.outbox();
		expect(entry?.lastError).toMatch(/\[redacted\]/);
		expect(entry?.lastError).not.toContain(secret.slice(5, 21));
		expect(a.sync.attention[0]?.lastError).not.toContain(secret.slice(5, 21));
		a.sync.stop();
	});
});

describe('clock drift', () => {
	it('flags a device whose clock runs far ahead', async () => {
		const cloud = new FakeCloud();
		cloud.tables.add('invoicelab');
		const start = Date.parse('2026-11-22T09:00:00Z');
		const fast = device('fast', cloud, new ManualClock(start + 20 * 60_000));
		const slow = device('slow', cloud, new ManualClock(start));
		await fast.repository.save('invoices', makeInvoiceDraft());
		await fast.connect();
		await slow.connect();
		expect(slow.sync.clockDrift).toMatchObject({ deviceId: 'fast' });
		expect(slow.notices.join('\n')).toMatch(/clock is 20 minutes ahead/);
		fast.sync.stop();
		slow.sync.stop();
	});
});

describe('one workspace per browser', () => {
	async function twoWorkspaces() {
		const cloud = new FakeCloud();
		cloud.tables.add('invoicelab');
		const other = device('other', cloud);
		await other.connection.updateSettings({ workspace: 'books-2' });
		await other.repository.save('invoices', makeInvoiceDraft({ notes: 'in books-2' }));
		await other.connect();
		const a = device('a', cloud);
		await a.repository.save('invoices', makeInvoiceDraft({ notes: 'in default' }));
		await a.connect();
		await a.connection.updateSettings({ workspace: 'books-2' });
		await a.sync.syncNow();
		await a.idle();
		const notes = async () => (await a.store.all('invoices')).map((i) => i.notes).sort();
		const cloudNotes = (workspace: string) =>
			[...cloud.remotes.get(`invoicelab|${workspace}`)!.items.values()]
				.filter((item) => item.type === 'invoices')
				.map((item) => item.notes)
				.sort();
		return { a, other, notes, cloudNotes };
	}

	it('does not sync another workspace into this browser without asking', async () => {
		const { a, notes, cloudNotes } = await twoWorkspaces();
		expect(a.sync.placeChoice?.current.settings.workspace).toBe('default');
		expect(a.sync.error).toMatch(/another place than this browser's data/);
		expect(await notes()).toEqual(['in default']);
		expect(cloudNotes('books-2')).toEqual(['in books-2']);

		await a.sync.choosePlace('back');
		await a.idle();
		expect(a.connection.settings.workspace).toBe('default');
		expect(a.sync.placeChoice).toBeNull();
		expect(a.sync.error).toBeNull();
	});

	it('switches to the other workspace’s data, leaving this one’s in its table', async () => {
		const { a, notes, cloudNotes } = await twoWorkspaces();
		await a.sync.choosePlace('replace');
		await a.idle();
		expect(await notes()).toEqual(['in books-2']);
		expect(cloudNotes('default')).toEqual(['in default']);
		expect(cloudNotes('books-2')).toEqual(['in books-2']);
	});

	it('refuses to switch while changes are not synced', async () => {
		const { a, notes } = await twoWorkspaces();
		await a.repository.save('invoices', makeInvoiceDraft({ notes: 'not synced' }));
		await expect(a.sync.choosePlace('replace')).rejects.toThrow(/not synced/);
		expect(await notes()).toEqual(['in default', 'not synced']);
	});

	it('copies this browser’s data into the other workspace when asked', async () => {
		const { a, notes, cloudNotes } = await twoWorkspaces();
		await a.sync.choosePlace('merge');
		await a.idle();
		expect(await notes()).toEqual(['in books-2', 'in default']);
		expect(cloudNotes('books-2')).toEqual(['in books-2', 'in default']);
	});
});
