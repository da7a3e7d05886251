import { describe, expect, it } from 'vitest';
import { makeInvoiceDraft } from '../testing/factories';
import { MemoryRemote } from '../testing/memory-remote';
import { makeReplica, type Replica } from '../testing/replica';
import { SETTLE_MS } from './sync-rules';
import { fromItem } from './table-design';

const expired = () => Object.assign(new Error('expired'), { name: 'ExpiredTokenException' });

async function snapshot(replica: Replica) {
	const invoices = await replica.store.all('invoices');
	return invoices.sort((a, b) => a.id.localeCompare(b.id));
}

describe('SyncEngine', () => {
	it('carries a new invoice from one device to another', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const saved = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'hello' }));
		await a.engine.run();
		expect(await a.store.pendingCount()).toBe(0);
		await b.engine.run();
		expect(await b.store.get('invoices', saved.id)).toEqual(saved);
		expect(await b.store.pendingCount()).toBe(0);
	});

	it('sends new records 25 to a batch with one counter update, and asks little when idle', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		for (let i = 0; i < 60; i++) await a.repository.save('invoices', makeInvoiceDraft());
		const report = await a.engine.run();
		expect(report.pushed).toBe(60);
		expect(remote.requests.get('BatchWriteItem')).toBe(3);
		expect(remote.requests.get('UpdateItem')).toBe(1);

		remote.requests.clear();
		a.clock.advance(SETTLE_MS);
		await a.engine.run();
		await a.engine.run();
		remote.requests.clear();
		await a.engine.run();
		// DescribeTable is answered from memory by DynamoRemote for ten minutes.
		remote.requests.delete('DescribeTable');
		expect([...remote.requests.entries()]).toEqual([['Query', 1]]);
	});

	it('keeps the loser of a concurrent edit as a restorable copy, on both devices alike', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote, { skewMs: -120_000 });
		const original = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
		await a.engine.run();
		await b.engine.run();

		await b.repository.save('invoices', { ...original, notes: 'edited on b' });
		a.clock.advance(1_000);
		await a.repository.save('invoices', { ...original, notes: 'edited on a' });
		await a.engine.run();
		const report = await b.engine.run();
		await a.engine.run();

		expect(await snapshot(a)).toEqual(await snapshot(b));
		const [kept] = await snapshot(a);
		// a's clock is two minutes ahead: its edit is the later one.
		expect(kept?.notes).toBe('edited on a');
		expect(report.conflicts).toBe(1);
		const [copy] = await b.store.conflicts();
		expect(copy?.record).toMatchObject({ notes: 'edited on b' });
	});

	it('a delete stays deleted when a device with a stale copy syncs later', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const invoice = await a.repository.save('invoices', makeInvoiceDraft());
		await a.engine.run();
		await b.engine.run();
		await a.repository.remove('invoices', invoice.id);
		await a.engine.run();

		await b.engine.run();
		expect((await b.store.get('invoices', invoice.id))?.deleted).toBe(true);
		await b.engine.run();
		await a.engine.run();
		expect((await a.store.get('invoices', invoice.id))?.deleted).toBe(true);
		expect(remote.invoices()[0]?.deleted).toBe(true);
	});

	it('an expired session mid-sync loses nothing; the next run finishes the job', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		for (let i = 0; i < 80; i++) await a.repository.save('invoices', makeInvoiceDraft());
		let calls = 0;
		// Table identity, pull, the first run's full check, the counter, one batch; then expired.
		remote.beforeRequest = () => {
			if (++calls === 6) throw expired();
		};
		await expect(a.engine.run()).rejects.toMatchObject({ name: 'ExpiredTokenException' });
		const left = await a.store.pendingCount();
		expect(left).toBeGreaterThan(0);
		expect(left).toBeLessThan(80);
		expect(await a.store.all('invoices')).toHaveLength(80);

		remote.beforeRequest = () => {};
		await a.engine.run();
		expect(await a.store.pendingCount()).toBe(0);
		expect(remote.invoices()).toHaveLength(80);
	});

	it('writes again an item the stamp index cannot list (made before it), without calling it a repair', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const saved = await a.repository.save('invoices', makeInvoiceDraft());
		await a.engine.run();
		const key = `invoices#${saved.id}`;
		const { ver, ...unlisted } = remote.items.get(key)!; // eslint-disable-line @typescript-eslint/no-unused-vars
		remote.items.set(key, unlisted);
		const report = await a.engine.run({ reconcile: true });
		expect(report).toMatchObject({ repaired: 0, pushed: 1 });
		expect(remote.items.get(key)?.ver).toEqual(expect.any(String));
		expect(fromItem(remote.items.get(key)!)).toMatchObject({ ok: true, change: { record: saved } });
	});

	it('skips and reports a malformed cloud item without storing it', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const bad = {
			pk: 'ws#default',
			sk: 'invoices#x',
			seq: 5,
			type: 'invoices',
			schemaVersion: 1,
			id: 'x'
		};
		remote.items.set(String(bad.sk), bad);
		const report = await a.engine.run();
		expect(report.skipped).toEqual([expect.stringContaining('invoices#x')]);
		expect(await a.store.all('invoices')).toEqual([]);
	});

	it('a change the cloud refuses stays pending with the reason; the rest go through', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const big = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'too big' }));
		await a.repository.save('invoices', makeInvoiceDraft());
		remote.beforeRequest = (operation) => {
			if (operation === 'BatchWriteItem') {
				throw Object.assign(new Error('Item size has exceeded the maximum allowed size'), {
					name: 'ValidationException'
				});
			}
		};
		const original = remote.putIf.bind(remote);
		remote.putIf = async (item, expected) => {
			if (item.id === big.id) {
				throw Object.assign(new Error('Item size has exceeded the maximum allowed size'), {
					name: 'ValidationException'
				});
			}
			return original(item, expected);
		};
		const report = await a.engine.run();
		expect(report).toMatchObject({ pushed: 1, failed: 1 });
		expect(await a.store.outbox()).toEqual([
			expect.objectContaining({ id: big.id, attempts: 1, lastError: expect.stringMatching(/size/) })
		]);
	});
});
