import { describe, expect, it } from 'vitest';
import { withoutMeta } from '../invoice/schema';
import { displayStatus } from '../invoice/status';
import { invoiceTotals } from '../invoice/totals';
import { MemoryTabNetwork } from '../platform/channel';
import { ManualClock } from '../platform/clock';
import { SequentialIds } from '../platform/ids';
import { MemoryRecordStore } from '../storage/memory-store';
import { Repository, type ChangeNotice } from '../storage/repository';
import { buildSnapshot } from '../storage/transfer';
import { makeInvoice, makeLine } from '../testing/factories';
import { importJsonFile } from './data-transfer';

function setup() {
	const store = new MemoryRecordStore();
	const clock = new ManualClock(Date.parse('2026-03-10T12:00:00Z'));
	const ids = new SequentialIds('new');
	const repository = new Repository(
		store,
		clock,
		ids,
		new MemoryTabNetwork<ChangeNotice>().join(),
		'laptop'
	);
	const importFile = (invoices: object[]) => {
		const snapshot = buildSnapshot({ profile: null, clients: [], invoices: invoices as never }, '');
		const file = new File([JSON.stringify(snapshot)], 'backup.json');
		return importJsonFile(repository, file, { today: '2026-03-10', newId: () => ids.next() });
	};
	return { store, repository, importFile };
}

describe('importing invoices marked paid', () => {
	it('gives one whose payments do not cover its total a payment of the balance', async () => {
		const { store, importFile } = setup();
		const unpaid = makeInvoice({
			id: 'unpaid',
			number: 'INV-1',
			status: 'paid',
			updatedAt: '2026-02-03T09:00:00.000Z',
			lines: [makeLine({ unitPrice: 10_000 })],
			payments: [{ id: 'p1', date: '2026-01-20', amount: 4_000, note: '' }]
		});
		const covered = makeInvoice({
			id: 'covered',
			number: 'INV-2',
			status: 'paid',
			payments: [{ id: 'p2', date: '2026-01-20', amount: 10_000, note: '' }]
		});
		const outcome = await importFile([unpaid, covered]);

		expect(outcome).toMatchObject({ ok: true, counts: { added: 2 }, settled: ['INV-1'] });
		const stored = (await store.get('invoices', 'unpaid'))!;
		expect(stored.payments).toEqual([
			unpaid.payments[0],
			{ id: 'new-1', date: '2026-02-03', amount: 6_000, note: 'Marked as paid' }
		]);
		// The list says Paid and Analytics collects the whole total: they agree.
		const totals = invoiceTotals(stored);
		expect(displayStatus(stored, totals, '2026-03-10')).toBe('paid');
		expect(totals).toMatchObject({ paid: totals.total, balance: 0 });
		// Made on top of the file's version, as a later edit here.
		expect(stored.history?.[0]).toBe(unpaid.hlc);
		expect((await store.get('invoices', 'covered'))?.payments).toEqual(covered.payments);
	});

	it('dates the payment today at the latest, and leaves a newer version here as it is', async () => {
		const { store, repository, importFile } = setup();
		const future = makeInvoice({ status: 'paid', updatedAt: '2026-03-10T23:30:00.000Z' });
		expect(await importFile([future])).toMatchObject({ ok: true, settled: [future.number] });
		const settled = (await store.get('invoices', future.id))!;
		expect(settled.payments.map((p) => p.date)).toEqual(['2026-03-10']);

		await repository.save('invoices', { ...withoutMeta(settled), payments: [] }, settled);
		expect(await importFile([future])).toMatchObject({ ok: true, settled: [] });
		expect((await store.get('invoices', future.id))?.payments).toEqual([]);
	});
});
