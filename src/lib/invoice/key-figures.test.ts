import { describe, expect, it } from 'vitest';
import { makeInvoice } from '../testing/factories';
import { keyFigures } from './key-figures';
import { toRow } from './list-query';

describe('keyFigures', () => {
	it('outstanding, overdue and this month per currency; drafts and void left out', () => {
		const today = '2026-11-22';
		const rows = [
			makeInvoice({ id: 'a', status: 'sent', issueDate: '2026-11-02', dueDate: '2026-12-02' }),
			makeInvoice({ id: 'b', status: 'sent', issueDate: '2026-10-01', dueDate: '2026-10-31' }),
			makeInvoice({ id: 'c', status: 'draft', issueDate: '2026-11-05' }),
			makeInvoice({ id: 'd', status: 'void', issueDate: '2026-11-05' }),
			makeInvoice({
				id: 'e',
				status: 'sent',
				currency: 'JPY',
				issueDate: '2026-11-05',
				dueDate: '2026-12-05'
			})
		].map((invoice) => toRow(invoice, today));
		expect(keyFigures(rows, today)).toEqual([
			{ currency: 'JPY', outstanding: 10000, overdue: 0, thisMonth: 10000 },
			{ currency: 'USD', outstanding: 20000, overdue: 10000, thisMonth: 10000 }
		]);
	});

	it('leaves out a currency with nothing outstanding and nothing issued this month', () => {
		const today = '2026-11-22';
		const rows = [
			makeInvoice({ id: 'a', status: 'paid', currency: 'EUR', issueDate: '2026-03-02' }),
			makeInvoice({ id: 'b', status: 'draft', currency: 'GBP', issueDate: '2026-11-05' }),
			makeInvoice({ id: 'c', status: 'sent', issueDate: '2026-11-02', dueDate: '2026-12-02' })
		].map((invoice) => toRow(invoice, today));
		expect(keyFigures(rows, today).map((f) => f.currency)).toEqual(['USD']);
	});
});
