import { describe, expect, it } from 'vitest';
import { makeInvoice, makeProfile } from '../testing/factories';
import { fromItem, partitionKey, toItem } from './table-design';

describe('table items', () => {
	it('round-trips a record through an item with readable top-level attributes', () => {
		const record = makeInvoice();
		const item = toItem('team', { collection: 'invoices', record }, 7);
		expect(item).toMatchObject({
			pk: partitionKey('team'),
			sk: `invoices#${record.id}`,
			seq: 7,
			type: 'invoices',
			schemaVersion: 1,
			number: record.number,
			issueDate: record.issueDate
		});
		expect(fromItem(item)).toEqual({
			ok: true,
			change: { collection: 'invoices', record },
			seq: 7
		});
	});

	it('skips foreign, future and malformed items with a reason', () => {
		const good = toItem('team', { collection: 'invoices', record: makeInvoice() }, 1);
		const cases: [Record<string, unknown>, RegExp][] = [
			[{ pk: 'x', sk: 'y' }, /not an InvoiceLab item/],
			[{ ...good, schemaVersion: 2 }, /schema version 2/],
			[{ ...good, type: 'orders' }, /unknown type/],
			[{ ...good, currency: 'XXX1' }, /currency/],
			[{ ...good, sk: 'invoices#someone-else' }, /does not match/]
		];
		for (const [item, reason] of cases) {
			const reading = fromItem(item);
			expect(reading.ok).toBe(false);
			if (!reading.ok) expect(reading.reason).toMatch(reason);
		}
	});
});

describe('profile items', () => {
	it('carry the number and date format, and read without it when written before it existed', () => {
		const record = makeProfile({ locale: 'de-DE' });
		const item = toItem('team', { collection: 'profile', record }, 3);
		expect(fromItem(item)).toEqual({ ok: true, change: { collection: 'profile', record }, seq: 3 });
		// eslint-disable-next-line @typescript-eslint/no-unused-vars -- an item from before
		const { locale, ...old } = item;
		const reading = fromItem(old);
		expect(reading.ok && reading.change.record).not.toHaveProperty('locale');
	});
});
