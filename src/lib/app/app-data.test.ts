import { describe, expect, it } from 'vitest';
import { MemoryTabNetwork } from '../platform/channel';
import { ManualClock } from '../platform/clock';
import { SequentialIds } from '../platform/ids';
import { MemoryRecordStore } from '../storage/memory-store';
import { Repository, type ChangeNotice } from '../storage/repository';
import { makeInvoiceDraft } from '../testing/factories';
import { memoryAws, memorySync } from '../testing/memory-aws';
import { AppData } from './app-data.svelte';
import type { Services } from './services';

/** Two tabs of the app over one store, wired from the in-memory fakes. */
function twoTabs() {
	const store = new MemoryRecordStore();
	const network = new MemoryTabNetwork<ChangeNotice>();
	const clock = new ManualClock(Date.parse('2026-03-10T12:00:00Z'));
	const tab = (): Services => {
		const ids = new SequentialIds();
		const repository = new Repository(store, clock, ids, network.join(), 'dev');
		const { connection: aws, ai } = memoryAws(clock);
		const sync = memorySync(aws, store, repository, clock);
		return { store, clock, ids, repository, aws, sync, ai };
	};
	return { clock, first: new AppData(tab()), second: new AppData(tab()) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AppData', () => {
	it('shows changes made in another tab, and drops deleted records', async () => {
		const { first, second } = twoTabs();
		await Promise.all([first.load(), second.load()]);
		const saved = await first.repository.save('invoices', makeInvoiceDraft({ status: 'sent' }));
		await settle();
		expect(second.invoices.map((i) => i.id)).toEqual([saved.id]);
		expect(second.pending).toBe(1);

		await first.repository.remove('invoices', saved.id);
		await settle();
		expect(second.invoices).toEqual([]);
		expect(first.invoices).toEqual([]);
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
});
