import { describe, expect, it } from 'vitest';
import { makeInvoice } from '../testing/factories';
import { invoicesCsv } from './invoice-csv';
import { toRow } from './list-query';

describe('invoicesCsv', () => {
	it('gives an overpaid invoice a credit and no negative balance', () => {
		const invoice = makeInvoice({
			number: 'INV-7',
			status: 'sent',
			payments: [{ id: 'p', date: '2026-01-20', amount: 12000, note: '', method: 'card' }]
		});
		const [header, row] = invoicesCsv([toRow(invoice, '2026-02-01')])
			.trim()
			.split('\r\n');
		const cells = Object.fromEntries(
			header!.split(',').map((name, i) => [name, row!.split(',')[i]])
		);
		expect(cells).toMatchObject({
			Total: '100.00',
			Paid: '120.00',
			Balance: '0.00',
			Credit: '20.00'
		});
	});
});

describe('invoicesCsv document kinds', () => {
	it('says what each row is; a credit note is positive, as printed', () => {
		const rows = [
			makeInvoice(),
			makeInvoice({ kind: 'quote' }),
			makeInvoice({ kind: 'credit-note', status: 'sent' })
		].map((invoice) => toRow(invoice, '2026-02-01'));
		const lines = invoicesCsv(rows).trim().split('\r\n');
		expect(lines[0]).toMatch(/,Document$/);
		expect(lines.slice(1).map((line) => line.split(',').at(-1))).toEqual([
			'Invoice',
			'Quote',
			'Credit note'
		]);
		expect(lines[3]).toContain(',100.00,');
	});
});
