/** The activity log goes with every save and merges across devices without a conflict. */
import { describe, expect, it } from 'vitest';
import { appendActivity } from '../invoice/activity';
import { issue } from '../invoice/issue';
import { withoutMeta } from '../invoice/schema';
import { makeClient, makeInvoiceDraft, makeProfile } from '../testing/factories';
import { MemoryRemote } from '../testing/memory-remote';
import { makeReplica } from '../testing/replica';

const context = {
	profile: makeProfile(),
	client: makeClient(),
	at: '2026-11-22T09:00:00.000Z',
	locale: 'en-GB'
};

describe('activity log', () => {
	it('is written by every save, in words of what changed, with the device', async () => {
		const a = makeReplica('a', new MemoryRemote());
		const draft = await a.repository.save('invoices', makeInvoiceDraft());
		const edited = await a.repository.save(
			'invoices',
			{ ...withoutMeta(draft), notes: 'x' },
			draft
		);
		const issued = await a.repository.save('invoices', withoutMeta(issue(edited, context)), edited);
		expect(issued.activity?.map((e) => [e.kind, e.device])).toEqual([
			['created', 'a'],
			['edited', 'a'],
			['issued', 'a']
		]);
	});

	it('from two devices at once keeps both sides’ entries, and raises no conflict', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const draft = await a.repository.save('invoices', makeInvoiceDraft());
		const shared = await a.repository.save('invoices', withoutMeta(issue(draft, context)), draft);
		await a.engine.run();
		await b.engine.run();
		// A downloads the PDF while B records a payment, both offline.
		const onA = (await a.repository.get('invoices', shared.id))!;
		await a.repository.save(
			'invoices',
			{
				...withoutMeta(onA),
				activity: appendActivity(onA.activity, [
					{ at: '2026-11-22T09:00:30.000Z', kind: 'pdf-downloaded', device: 'a' }
				])
			},
			onA
		);
		const onB = (await b.repository.get('invoices', shared.id))!;
		b.clock.advance(60_000);
		await b.repository.save(
			'invoices',
			{
				...withoutMeta(onB),
				payments: [{ id: 'p1', date: '2026-11-22', amount: 100, note: '' }]
			},
			onB
		);
		await a.engine.run();
		await b.engine.run();
		await a.engine.run();
		for (const device of [a, b]) {
			const kept = await device.repository.get('invoices', shared.id);
			expect(
				kept?.activity?.map((e) => e.kind),
				device.name
			).toEqual(['created', 'issued', 'pdf-downloaded', 'payment-recorded']);
			expect(await device.store.conflicts(), device.name).toEqual([]);
		}
	});
});
