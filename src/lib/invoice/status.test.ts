import { describe, expect, it } from 'vitest';
import { displayStatus } from './status';

const due = { dueDate: '2026-02-01' };
const open = { total: 1000, paid: 0, balance: 1000 };

describe('displayStatus', () => {
	it('keeps draft and void as stored', () => {
		expect(displayStatus({ ...due, status: 'draft' }, open, '2026-03-01')).toBe('draft');
		expect(displayStatus({ ...due, status: 'void' }, open, '2026-03-01')).toBe('void');
	});
	it('derives overdue, partial and paid for sent invoices', () => {
		expect(displayStatus({ ...due, status: 'sent' }, open, '2026-01-15')).toBe('sent');
		expect(displayStatus({ ...due, status: 'sent' }, open, '2026-02-02')).toBe('overdue');
		expect(displayStatus({ ...due, status: 'sent' }, open, '2026-02-01')).toBe('sent');
		const partly = { total: 1000, paid: 400, balance: 600 };
		expect(displayStatus({ ...due, status: 'sent' }, partly, '2026-01-15')).toBe('partial');
		const settled = { total: 1000, paid: 1000, balance: 0 };
		expect(displayStatus({ ...due, status: 'sent' }, settled, '2026-05-01')).toBe('paid');
	});
});
