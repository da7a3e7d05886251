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
import { scheduleFrom } from '../invoice/recurring';
import {
	backupFile,
	importJsonFile,
	type ImportOptions,
	type ImportProgress
} from './data-transfer';

function setup(store = new MemoryRecordStore()) {
	const clock = new ManualClock(Date.parse('2026-03-10T12:00:00Z'));
	const ids = new SequentialIds('new');
	const repository = new Repository(
		store,
		clock,
		ids,
		new MemoryTabNetwork<ChangeNotice>().join(),
		'laptop'
	);
	const importFile = (invoices: object[], options: Partial<ImportOptions> = {}) => {
		const snapshot = buildSnapshot({ profile: null, clients: [], invoices: invoices as never }, '');
		const file = new File([JSON.stringify(snapshot)], 'backup.json');
		return importJsonFile(repository, file, {
			today: '2026-03-10',
			newId: () => ids.next(),
			...options
		});
	};
	return { store, repository, importFile };
}

describe('importing invoices marked paid', () => {
	it('settles them all in one write, so the page re-reads once, not once per invoice', async () => {
		const { repository, importFile } = setup();
		const paid = Array.from({ length: 5 }, (_, i) =>
			makeInvoice({
				id: `paid-${i}`,
				number: `INV-${i}`,
				status: 'paid',
				lines: [makeLine({ unitPrice: 10_000 })],
				payments: []
			})
		);
		let notices = 0;
		repository.subscribe(() => (notices += 1));
		const outcome = await importFile(paid);
		expect(outcome).toMatchObject({ ok: true, settled: paid.map((i) => i.number) });
		expect(notices).toBe(1); // the import and the settling, in one write
		const stored = await repository.get('invoices', 'paid-3');
		expect(stored?.activity?.map((e) => e.kind)).toContain('payment-recorded');
	});

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

describe('cancelling an import', () => {
	const paid = Array.from({ length: 3 }, (_, i) =>
		makeInvoice({ id: `paid-${i}`, number: `INV-${i}`, status: 'paid', payments: [] })
	);

	it('tells where it is, and cancelled at any point of it, changes nothing', async () => {
		const steps: ImportProgress[] = [];
		await setup().importFile(paid, { onProgress: (step) => steps.push(step) });
		expect(steps[0]).toEqual({ step: 'checking' });
		// Each record once, its settling included.
		expect(steps.at(-1)).toEqual({ step: 'writing', done: paid.length, total: paid.length });
		for (const at of steps.keys()) {
			const { store, importFile } = setup();
			const controller = new AbortController();
			let seen = 0;
			const outcome = await importFile(paid, {
				signal: controller.signal,
				onProgress: () => void (seen++ === at && controller.abort())
			});
			expect(outcome).toEqual({ ok: false, cancelled: true });
			expect(await store.all('invoices')).toEqual([]);
			expect(await store.outbox()).toEqual([]);
		}
	});

	it('is never half done: the settling of paid invoices goes with the import', async () => {
		const { store, importFile } = setup();
		const controller = new AbortController();
		const outcome = await importFile(paid, {
			signal: controller.signal,
			onProgress: (step) =>
				void (step.step === 'writing' && step.done === step.total && controller.abort())
		});
		expect(outcome).toEqual({ ok: false, cancelled: true });
		expect(await store.all('invoices')).toEqual([]);
	});
});

describe('an import planned part by part while the file is checked', () => {
	const invoices = Array.from({ length: 6 }, (_, i) => makeInvoice({ id: `part-${i}` }));
	const changes = invoices.map((record) => ({ collection: 'invoices' as const, record }));

	it('writes nothing when the check fails after parts were planned', async () => {
		const { store, importFile } = setup();
		const outcome = await importFile(invoices, {
			check: async (_file, _signal, onPart) => {
				onPart(changes.slice(0, 3));
				onPart(changes.slice(3));
				return { ok: false, error: 'invoices[7]: bad' };
			}
		});
		expect(outcome).toEqual({ ok: false, error: 'invoices[7]: bad' });
		expect(await store.all('invoices')).toEqual([]);
		expect(await store.outbox()).toEqual([]);
	});

	it('plans again when a record changed here after its part was read', async () => {
		const saveNewer = async ({ store, repository }: ReturnType<typeof setup>) => {
			const newer = { ...invoices[1]!, hlc: repository.stamp(), notes: 'edited here' };
			await store.write([{ change: { collection: 'invoices', record: newer }, origin: 'edit' }]);
		};
		let partRead = () => {};
		const inParts = setup(
			new (class extends MemoryRecordStore {
				override async pendingOf(keys: readonly string[]) {
					const entries = await super.pendingOf(keys);
					partRead();
					return entries;
				}
			})()
		);
		const merging = inParts.repository.mergeInParts();
		const read = new Promise<void>((resolve) => (partRead = resolve));
		merging.add(changes.slice(0, 3));
		// Planned against nothing (the rest of the plan runs on in the same task); then this tab
		// saves a newer version of one of them.
		await read;
		await new Promise((resolve) => setTimeout(resolve));
		await saveNewer(inParts);
		merging.add(changes.slice(3));
		const outcome = await merging.done();
		// As if the whole file had been planned after that save.
		const atOnce = setup();
		await saveNewer(atOnce);
		expect(outcome).toEqual(await atOnce.repository.merge(changes));
		const notes = async ({ store }: ReturnType<typeof setup>) =>
			(await store.all('invoices')).map((invoice) => invoice.notes).sort();
		expect(await notes(inParts)).toEqual(await notes(atOnce));
		expect(await notes(inParts)).toContain('edited here');
	});
});

describe('the JSON backup', () => {
	it('holds recurring schedules too, and they come back from it', async () => {
		const { repository } = setup();
		const schedule = await repository.save(
			'schedules',
			scheduleFrom(makeInvoice(), { every: 1, unit: 'month', start: '2026-01-15', issue: false })
		);
		const backup = await backupFile(repository, new Date('2026-03-10T12:00:00Z'));
		const elsewhere = setup();
		const file = new File([backup.text], backup.name);
		await importJsonFile(elsewhere.repository, file, { today: '2026-03-10', newId: () => 'x' });
		expect(await elsewhere.repository.get('schedules', schedule.id)).toEqual(schedule);
	});
});
