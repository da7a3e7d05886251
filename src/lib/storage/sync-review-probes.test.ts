/**
 * Regressions from an adversarial review of sync (each failed before its fix): long chains of edits, merges too big for one item, hostile stamps at a record's key.
 */
import { describe, expect, it } from 'vitest';
import { withoutMeta, type Invoice } from '../invoice/schema';
import { makeInvoiceDraft, makeLine } from '../testing/factories';
import { MemoryRemote } from '../testing/memory-remote';
import { makeReplica, type Replica } from '../testing/replica';

async function edit(r: Replica, id: string, patch: Partial<Invoice>): Promise<Invoice> {
	const current = (await r.store.get('invoices', id)) as Invoice;
	return r.repository.save('invoices', { ...withoutMeta(current), ...patch }, current);
}

async function settle(replicas: Replica[]): Promise<void> {
	for (let round = 0; round < 4; round++) {
		for (const r of replicas) {
			r.clock.advance(61_000);
			await r.engine.run({ reconcile: round === 0 });
		}
	}
}

function writes(remote: MemoryRemote): number {
	return (remote.requests.get('PutItem') ?? 0) + (remote.requests.get('BatchWriteItem') ?? 0);
}

describe('review probes: history overflow (builtOn heuristic)', () => {
	it('an offline edit is not dropped when the other device made 11 edits meanwhile', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const v0 = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v0' }));
		await a.engine.run();
		await b.engine.run();
		// B (offline) edits the notes first.
		b.clock.advance(1_000);
		await edit(b, v0.id, { notes: 'notes from b' });
		// A edits another field 11 times, then syncs.
		for (let i = 1; i <= 11; i++) {
			a.clock.advance(2_000);
			await edit(a, v0.id, { dueDate: `2026-03-${String(i).padStart(2, '0')}` });
		}
		await a.engine.run();
		// B comes back online.
		await settle([b, a]);
		const copies = [...(await a.store.conflicts()), ...(await b.store.conflicts())];
		const kept =
			remote.invoice(v0.id)?.notes === 'notes from b' ||
			copies.some((c) => (c.record as Invoice).notes === 'notes from b');
		expect(remote.invoice(v0.id)?.dueDate).toBe('2026-03-11');
		expect(kept, 'B’s notes edit is neither in the table nor kept as a copy').toBe(true);
	});

	it('an offline delete does not come back when the other device made 11 edits meanwhile', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const v0 = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v0' }));
		await a.engine.run();
		await b.engine.run();
		b.clock.advance(1_000);
		await b.repository.remove('invoices', v0.id);
		for (let i = 1; i <= 11; i++) {
			a.clock.advance(2_000);
			await edit(a, v0.id, { dueDate: `2026-03-${String(i).padStart(2, '0')}` });
		}
		await a.engine.run();
		await settle([b, a]);
		expect(remote.invoice(v0.id)?.deleted, 'the deleted invoice came back').toBe(true);
	});
});

describe('review probes: oversize merge', () => {
	it('a field merge of two versions that each fit does not freeze the record', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const v0 = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v0' }));
		await a.engine.run();
		await b.engine.run();
		// A adds lines (about 370 KB), B adds payments (about 55 KB): each fits, both do not.
		const lines = Array.from({ length: 180 }, (_, i) =>
			makeLine({ id: `l${i}`, description: 'x'.repeat(2000) })
		);
		await edit(a, v0.id, { lines });
		const payments = Array.from({ length: 100 }, (_, i) => ({
			id: `p${i}`,
			date: '2026-02-01',
			amount: 100,
			note: 'y'.repeat(500)
		}));
		await edit(b, v0.id, { payments });
		await b.engine.run();
		await a.engine.run();
		await settle([a, b]);
		const before = writes(remote);
		for (const r of [a, b]) await r.engine.run();
		expect(writes(remote), 'a further round still writes').toBe(before);
		expect(await a.store.pendingCount(), 'A keeps a change it can never push').toBe(0);
		const onA = (await a.store.get('invoices', v0.id)) as Invoice;
		const onB = (await b.store.get('invoices', v0.id)) as Invoice;
		expect(onA.hlc, 'devices differ').toBe(onB.hlc);
	});
});

describe('review probes: hostile cloud item', () => {
	it('an item with a malformed stamp at a record’s key does not freeze the record', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const v0 = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
		await a.engine.run();
		await b.engine.run();
		const sk = `invoices#${v0.id}`;
		const item = structuredClone(remote.items.get(sk)!);
		remote.items.set(sk, { ...item, hlc: '~', notes: 'by hand', seq: await remote.reserveSeq(1) });
		await b.engine.run();
		await edit(b, v0.id, { notes: 'v2 on b' });
		await settle([b, a]);
		const before = writes(remote);
		await b.engine.run();
		expect(writes(remote), 'every run writes again').toBe(before);
		expect(await b.store.pendingCount(), 'the edit can never be pushed').toBe(0);
	});
});
