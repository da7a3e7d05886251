import { describe, expect, it } from 'vitest';
import { generatedInvoiceId } from '../invoice/recurring';
import { withoutMeta, type Schedule } from '../invoice/schema';
import { makeClient, makeInvoice, makeProfile } from '../testing/factories';
import { MemoryRemote } from '../testing/memory-remote';
import { makeReplica, type Replica } from '../testing/replica';
import { scheduleFrom } from '../invoice/recurring';
import { runSchedules } from './recurring-runner';

const profile = makeProfile({ name: 'Studio North' });
const client = makeClient({ id: 'client-1' });

async function monthly(device: Replica, issue = false): Promise<Schedule> {
	return device.repository.save(
		'schedules',
		scheduleFrom(makeInvoice({ clientId: client.id }), {
			every: 1,
			unit: 'month',
			start: '2026-01-15',
			issue
		})
	);
}

const run = async (device: Replica, today: string) =>
	runSchedules({
		repository: device.repository,
		schedules: await device.repository.all('schedules'),
		profile,
		clientsById: new Map([[client.id, client]]),
		today,
		locale: 'en-GB'
	});

describe('running schedules', () => {
	it('makes one invoice for every date that has come, once', async () => {
		const device = makeReplica('a', new MemoryRemote());
		const schedule = await monthly(device);
		const made = await run(device, '2026-03-20');
		expect(made.map((i) => [i.issueDate, i.number, i.status])).toEqual([
			['2026-01-15', 'INV-2026-0001', 'draft'],
			['2026-02-15', 'INV-2026-0002', 'draft'],
			['2026-03-15', 'INV-2026-0003', 'draft']
		]);
		expect(made[0]?.id).toBe(generatedInvoiceId(schedule.id, '2026-01-15'));
		expect(await run(device, '2026-03-20')).toEqual([]);
		expect((await run(device, '2026-04-15')).map((i) => i.issueDate)).toEqual(['2026-04-15']);
	});

	it('never makes again an invoice deleted by hand, and nothing while paused', async () => {
		const device = makeReplica('a', new MemoryRemote());
		const schedule = await monthly(device);
		const [first] = await run(device, '2026-01-20');
		await device.repository.remove('invoices', first!.id);
		expect(await run(device, '2026-01-20')).toEqual([]);
		await device.repository.save('schedules', { ...withoutMeta(schedule), paused: true }, schedule);
		expect(await run(device, '2026-05-20')).toEqual([]);
	});

	it('issues each invoice at once when asked, dated its own day', async () => {
		const device = makeReplica('a', new MemoryRemote());
		await monthly(device, true);
		const [made] = await run(device, '2026-01-20');
		expect(made).toMatchObject({ status: 'sent', issued: { at: '2026-01-15T00:00:00.000Z' } });
		expect(made?.activity?.map((e) => e.kind)).toEqual(['created', 'issued']);
	});

	it('run on two devices offline, makes one invoice per month after sync', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		await monthly(a, true);
		await a.engine.run();
		await b.engine.run();
		// Both run the schedule offline for January to March.
		await run(a, '2026-03-20');
		b.clock.advance(60_000);
		await run(b, '2026-03-20');
		for (let round = 0; round < 2; round++) {
			await a.engine.run();
			await b.engine.run();
		}
		for (const device of [a, b]) {
			const invoices = (await device.repository.all('invoices')).filter((i) => !i.deleted);
			expect(invoices.map((i) => i.issueDate).sort(), device.name).toEqual([
				'2026-01-15',
				'2026-02-15',
				'2026-03-15'
			]);
			expect(await device.store.conflicts(), device.name).toEqual([]);
		}
		const onA = await a.repository.all('invoices');
		const onB = await b.repository.all('invoices');
		const content = (list: typeof onA) =>
			list
				.map((i) => [i.id, i.number, i.status])
				.sort((x, y) => String(x[0]).localeCompare(String(y[0])));
		expect(content(onA)).toEqual(content(onB));
	});
});
