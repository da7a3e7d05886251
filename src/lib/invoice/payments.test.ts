import { describe, expect, it } from 'vitest';
import { paymentOf } from './payments';

describe('paymentOf', () => {
	const typed = {
		id: 'p',
		date: '2026-02-01',
		amount: 500,
		note: ' Thanks ',
		method: 'card' as const,
		reference: ''
	};

	it('leaves an empty reference out rather than storing it empty', () => {
		expect(paymentOf({ ...typed, reference: '  ' })).toEqual({
			id: 'p',
			date: '2026-02-01',
			amount: 500,
			note: 'Thanks',
			method: 'card'
		});
	});

	it('keeps a typed reference, trimmed', () => {
		expect(paymentOf({ ...typed, reference: ' RF18 5390 ' })).toMatchObject({
			method: 'card',
			reference: 'RF18 5390'
		});
	});
});
