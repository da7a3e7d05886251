import { describe, expect, it } from 'vitest';
import { catalogueRows, readCatalogue, readTaxRates, taxRateRows } from './catalogue-form';
import { formatsFor } from './formats';

const DE = formatsFor('de-DE', 'en-US');

describe('the tax rates and catalogue forms', () => {
	it('read named rates, and say which row is wrong', () => {
		expect(readTaxRates([{ name: ' MwSt. 7% ', rate: '7' }], DE)).toEqual({
			rates: [{ name: 'MwSt. 7%', rate: 7 }],
			errors: {}
		});
		const { errors } = readTaxRates([{ name: '', rate: '120' }], DE);
		expect(errors).toEqual({ '0.name': 'Name the rate', '0.rate': 'Enter a tax % from 0 to 100' });
		expect(taxRateRows([{ name: 'VAT', rate: 7.5 }], DE)).toEqual([{ name: 'VAT', rate: '7,5' }]);
	});

	it('read catalogue items in their currency, naming the saved rate their tax came from', () => {
		const rows = [
			{
				id: 'a',
				name: 'Workshop',
				unit: ' days ',
				price: '1.200,50',
				taxRate: '19',
				currency: 'EUR'
			}
		];
		const { items, errors } = readCatalogue(rows, [{ name: 'MwSt. 19%', rate: 19 }], DE);
		expect(errors).toEqual({});
		expect(items).toEqual([
			{
				id: 'a',
				name: 'Workshop',
				unit: 'days',
				unitPrice: 120050,
				currency: 'EUR',
				taxRate: 19,
				taxName: 'MwSt. 19%'
			}
		]);
		expect(catalogueRows(items, DE)[0]).toEqual({ ...rows[0], unit: 'days', price: '1200,50' });
		const bad = readCatalogue([{ ...rows[0]!, name: ' ', price: 'x' }], [], DE).errors;
		expect(Object.keys(bad)).toEqual(['0.name', '0.price']);
	});
});
