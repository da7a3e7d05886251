import { describe, expect, it } from 'vitest';
import { catalogueItemNamed, fillFromCatalogue, savedRateName } from './catalogue';
import { formatsFor } from './formats';
import { emptyLine } from './invoice-form';
import type { CatalogueItem } from './schema';

const DE = formatsFor('de-DE', 'en-US');
const design: CatalogueItem = {
	id: 'c1',
	name: 'Design workshop',
	unit: 'days',
	unitPrice: 120050,
	currency: 'EUR',
	taxRate: 19,
	taxName: 'VAT 19%'
};

describe('the catalogue in the line editor', () => {
	it('finds the item a description names, whatever the case or spacing', () => {
		expect(catalogueItemNamed([design], ' design WORKSHOP ')).toBe(design);
		expect(catalogueItemNamed([design], 'Design')).toBeUndefined();
	});

	it('fills unit, price and tax (with its name) as the line’s fields are typed', () => {
		const line = { ...emptyLine('l1'), description: 'Design workshop', quantity: '2' };
		expect(fillFromCatalogue(line, design, 'EUR', DE)).toEqual({
			...line,
			unit: 'days',
			unitPrice: '1200,50',
			taxRate: '19',
			taxName: 'VAT 19%'
		});
	});

	it('leaves the price alone on an invoice in another currency', () => {
		const line = { ...emptyLine('l1'), unitPrice: '99' };
		expect(fillFromCatalogue(line, { ...design, taxName: undefined }, 'USD', DE)).toMatchObject({
			unitPrice: '99',
			unit: 'days',
			taxRate: '19',
			taxName: ''
		});
	});
});

describe('saved tax rates in the line editor', () => {
	const rates = [
		{ name: 'VAT 19%', rate: 19 },
		{ name: 'VAT 7%', rate: 7 }
	];
	it('names the rate typed or chosen when a saved rate has it, and nothing else', () => {
		expect(savedRateName(rates, '19', DE)).toBe('VAT 19%');
		expect(savedRateName(rates, '7,0', DE)).toBe('VAT 7%');
		expect(savedRateName(rates, '16', DE)).toBe('');
		expect(savedRateName(rates, 'abc', DE)).toBe('');
	});
});
