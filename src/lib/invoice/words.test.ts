import { describe, expect, it } from 'vitest';
import { countOf, grouped, daysToPay, plural } from './words';

describe('plural', () => {
	it('picks the singular for one and the plural for every other count, fractions too', () => {
		expect(plural(1, 'invoice')).toBe('invoice');
		expect(plural(0, 'invoice')).toBe('invoices');
		expect(plural(2, 'invoice')).toBe('invoices');
		expect(plural(1.5, 'day')).toBe('days');
	});

	it('takes an irregular plural, and whole phrases with their verb', () => {
		expect(plural(3, 'entry', 'entries')).toBe('entries');
		expect(plural(1, 'change is', 'changes are')).toBe('change is');
		expect(plural(4, 'change is', 'changes are')).toBe('changes are');
	});
});

describe('countOf', () => {
	it('writes the count before the word, grouped in thousands', () => {
		expect(countOf(1, 'invoice')).toBe('1 invoice');
		expect(countOf(0, 'invoice')).toBe('0 invoices');
		expect(countOf(12_345, 'record')).toBe('12,345 records');
		expect(countOf(1, 'record was', 'records were')).toBe('1 record was');
		expect(countOf(2, 'record was', 'records were')).toBe('2 records were');
	});

	it('groups a bare count the same way (pending changes, pages, reminders)', () => {
		expect(grouped(100_201)).toBe('100,201');
		expect(grouped(999)).toBe('999');
	});
});

describe('daysToPay', () => {
	it('says an average wait in whole days, and a payment on the day as such', () => {
		expect(daysToPay(null)).toBe('—');
		expect(daysToPay(0)).toBe('On the day issued');
		expect(daysToPay(0.4)).toBe('On the day issued');
		expect(daysToPay(0.6)).toBe('1 day');
		expect(daysToPay(12.5)).toBe('13 days');
		expect(daysToPay(-3)).toBe('3 days before issue');
	});
});
