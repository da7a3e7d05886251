import { MemoryMail } from '../platform/mail';
import { describe, expect, it } from 'vitest';
import { withoutMeta } from '../invoice/schema';
import { MemoryTabNetwork } from '../platform/channel';
import { ManualClock } from '../platform/clock';
import { SequentialIds } from '../platform/ids';
import { MemoryRecordStore } from '../storage/memory-store';
import type { CollectionName } from '../storage/record-store';
import { Repository, type ChangeNotice } from '../storage/repository';
import { makeInvoice, makeInvoiceDraft, makeProfile } from '../testing/factories';
import { memoryAws, memorySync } from '../testing/memory-aws';
import { PAGE_SIZE } from '../invoice/list-query';
import { AppData } from './app-data.svelte';
import { importJsonFile } from './data-transfer';
import { buildSnapshot } from '../storage/transfer';
import { makeLine } from '../testing/factories';
import type { Services } from './services';

/**
 * A store whose reads can be held back: each read takes its snapshot when it is called but
 * answers only when released, so a test can make reads answer in any order.
 */
class HeldReads extends MemoryRecordStore {
	holding = false;
	readonly waiting: (() => void)[] = [];

	override async all<K extends CollectionName>(collection: K) {
		return this.held(super.all(collection));
	}

	override async getMany<K extends CollectionName>(collection: K, ids: readonly string[]) {
		return this.held(super.getMany(collection, ids));
	}

	/** Stops holding and answers the reads held so far, newest first. */
	async releaseNewestFirst(): Promise<void> {
		this.holding = false;
		for (let next = this.waiting.pop(); next; next = this.waiting.pop()) {
			next();
			await settle();
		}
	}

	private async held<T>(read: Promise<T>): Promise<T> {
		if (!this.holding) return read;
		await new Promise<void>((resolve) => this.waiting.push(resolve));
		return read;
	}
}

/** Two tabs of the app over one store, wired from the in-memory fakes. */
function twoTabs() {
	const store = new HeldReads();
	const network = new MemoryTabNetwork<ChangeNotice>();
	const clock = new ManualClock(Date.parse('2026-03-10T12:00:00Z'));
	const tab = (): Services => {
		const ids = new SequentialIds();
		const repository = new Repository(store, clock, ids, network.join(), 'dev');
		const { connection: aws, ai } = memoryAws(clock);
		const sync = memorySync(aws, store, repository, clock);
		return {
			store,
			clock,
			ids,
			repository,
			aws,
			sync,
			ai,
			locale: 'en-US',
			mail: new MemoryMail(false)
		};
	};
	return { store, clock, first: new AppData(tab()), second: new AppData(tab()) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AppData', () => {
	it('shows changes made in another tab, and drops deleted records', async () => {
		const { first, second } = twoTabs();
		await Promise.all([first.load(), second.load()]);
		const saved = await first.repository.save('invoices', makeInvoiceDraft());
		await settle();
		expect(second.invoices.map((i) => i.id)).toEqual([saved.id]);
		expect(second.pending).toBe(1);

		await first.repository.remove('invoices', saved.id);
		await settle();
		expect(second.invoices).toEqual([]);
		expect(first.invoices).toEqual([]);
	});

	it('lists an invoice once when one write both imports and settles it', async () => {
		const { first } = twoTabs();
		await first.load();
		const paid = makeInvoice({
			id: 'paid-1',
			status: 'paid',
			lines: [makeLine({ unitPrice: 10_000 })],
			payments: []
		});
		const backup = buildSnapshot({ profile: null, clients: [], invoices: [paid] }, '');
		const outcome = await importJsonFile(
			first.repository,
			new File([JSON.stringify(backup)], 'backup.json'),
			{ today: '2026-03-10', newId: () => 'payment-1' }
		);
		expect(outcome).toMatchObject({ ok: true, settled: [paid.number] });
		await settle();
		expect(first.invoices.map((i) => i.id)).toEqual(['paid-1']);
		expect(first.invoices[0]?.payments).toHaveLength(1);
	});

	it('shows the newest invoices first, before every invoice is read, then the rest', async () => {
		const { store, first } = twoTabs();
		const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
		const invoices = Array.from({ length: PAGE_SIZE + 30 }, (_, n) =>
			makeInvoice({ id: `i${n}`, number: `INV-${n}`, issueDate: day(n) })
		);
		await store.write(
			invoices.map((record) => ({ change: { collection: 'invoices', record }, origin: 'edit' }))
		);
		let readAll = () => {};
		const held = new Promise<void>((resolve) => (readAll = resolve));
		const all = store.all.bind(store);
		store.all = (async (collection: CollectionName) => {
			if (collection === 'invoices') await held;
			return all(collection);
		}) as typeof store.all;
		await first.start();
		const rest = first.load();
		expect(first.loaded).toBe(false);
		const newest = invoices.slice(-PAGE_SIZE).map((i) => i.id);
		expect(first.invoices.map((i) => i.id).sort()).toEqual(newest.sort());
		readAll();
		await rest;
		expect(first.loaded).toBe(true);
		expect(first.invoices).toHaveLength(invoices.length);
	});

	it('shows the first page without waiting for the pending changes to be counted', async () => {
		const { store, first } = twoTabs();
		await store.write([
			{ change: { collection: 'invoices', record: makeInvoice() }, origin: 'edit' }
		]);
		let count = () => {};
		const counted = new Promise<void>((resolve) => (count = resolve));
		const pendingCount = store.pendingCount.bind(store);
		store.pendingCount = async () => {
			await counted;
			return pendingCount();
		};
		await first.start();
		expect(first.invoices).toHaveLength(1);
		expect(first.pendingKnown).toBe(false);
		count();
		await first.load();
		expect(first.pendingKnown).toBe(true);
		expect(first.pending).toBe(1);
	});

	it('says so when the rest of the invoices cannot be read', async () => {
		const { store, first } = twoTabs();
		const all = store.all.bind(store);
		store.all = (async (collection: CollectionName) => {
			if (collection === 'invoices') throw new Error('The disk is full');
			return all(collection);
		}) as typeof store.all;
		await first.start();
		await expect(first.load()).rejects.toThrow('The disk is full');
		expect(first.loadFailure).toBe('The disk is full');
		expect(first.loaded).toBe(false);
	});

	it('remakes only the rows of the invoices that changed, and those a credit note touches', async () => {
		const { first } = twoTabs();
		await first.load();
		const a = await first.repository.save('invoices', makeInvoiceDraft({ number: 'A' }));
		const b = await first.repository.save('invoices', makeInvoiceDraft({ number: 'B' }));
		await settle();
		const rowOf = (id: string) => first.rows.find((r) => r.invoice.id === id);
		const before = { a: rowOf(a.id), b: rowOf(b.id) };
		await first.repository.save('invoices', { ...withoutMeta(a), notes: 'changed' });
		await settle();
		expect(rowOf(b.id)).toBe(before.b);
		expect(rowOf(a.id)).not.toBe(before.a);
		expect(rowOf(a.id)?.invoice.notes).toBe('changed');
		// An issued credit note for b changes b's balance: its row is made again.
		await first.repository.save(
			'invoices',
			makeInvoiceDraft({ number: 'CN', kind: 'credit-note', credits: b.id, status: 'sent' })
		);
		await settle();
		expect(rowOf(b.id)).not.toBe(before.b);
	});

	it('keeps a record pulled while the list was loading (the load read it before the pull)', async () => {
		const { store, first } = twoTabs();
		store.holding = true;
		const loading = first.load();
		const pulled = makeInvoice({ id: 'from-a', number: 'INV-2026-0001' });
		await first.repository.resolve([
			{
				collection: 'invoices',
				id: pulled.id,
				expected: { hlc: undefined, pendingHlc: undefined },
				record: pulled
			}
		]);
		await store.releaseNewestFirst();
		await loading;
		expect(first.invoices.map((i) => i.id)).toEqual(['from-a']);
	});

	it('never lets a slow read of an older version overwrite a newer one', async () => {
		const { store, first, second } = twoTabs();
		await Promise.all([first.load(), second.load()]);
		// The pull brings an invoice that clashes with an older local draft, and the clash
		// fix renumbers it right away: two notices for one record, read back to back.
		store.holding = true;
		const pulled = makeInvoice({ id: 'from-a', number: 'INV-2026-0001' });
		await first.repository.resolve([
			{
				collection: 'invoices',
				id: pulled.id,
				expected: { hlc: undefined, pendingHlc: undefined },
				record: pulled
			}
		]);
		await first.repository.save('invoices', { ...withoutMeta(pulled), number: 'INV-2026-0002' });
		await store.releaseNewestFirst();
		for (const tab of [first, second]) {
			expect(tab.invoices.map((i) => i.number)).toEqual(['INV-2026-0002']);
		}
	});

	it('turns an invoice overdue when the day passes', async () => {
		const { first, clock } = twoTabs();
		await first.repository.save(
			'invoices',
			makeInvoiceDraft({ status: 'sent', dueDate: '2026-03-10' })
		);
		await first.load();
		expect(first.rows[0]?.status).toBe('sent');
		clock.advance(24 * 3600_000);
		first.tick();
		expect(first.rows[0]?.status).toBe('overdue');
	});

	it('writes money and dates as the business profile says, else as the browser does', async () => {
		const { first, second } = twoTabs();
		await Promise.all([first.load(), second.load()]);
		expect(second.formats.date('2026-12-31')).toBe('12/31/2026');
		await first.repository.update('profile', { ...withoutMeta(makeProfile()), locale: 'de-DE' });
		await settle();
		expect(second.formats.date('2026-12-31')).toBe('31.12.2026');
		expect(second.formats.money(123456, 'EUR')).toBe('1.234,56\u00a0€');
	});
});
