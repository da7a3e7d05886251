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
