/**
 * Settings' tax rates and catalogue as typed (strings), read into what the profile stores or
 * per-row messages ("2.price"). Pure.
 */
import { savedRateName } from './catalogue';
import type { Formats } from './formats';
import { minorToDecimalString } from './money';
import type { CatalogueItem, TaxRate } from './schema';

export interface TaxRateRow {
	name: string;
	rate: string;
}

export interface CatalogueRow {
	id: string;
	name: string;
	unit: string;
	price: string;
	taxRate: string;
	currency: string;
}

type Errors = Record<string, string>;

export function taxRateRows(rates: readonly TaxRate[], formats: Formats): TaxRateRow[] {
	return rates.map(({ name, rate }) => ({ name, rate: formats.fieldText(String(rate)) }));
}

export function catalogueRows(items: readonly CatalogueItem[], formats: Formats): CatalogueRow[] {
	return items.map((item) => ({
		id: item.id,
		name: item.name,
		unit: item.unit ?? '',
		price: formats.fieldText(minorToDecimalString(item.unitPrice, item.currency)),
		taxRate: formats.fieldText(String(item.taxRate)),
		currency: item.currency
	}));
}

/** A percentage from 0 to 100 with at most 3 decimals, or null. */
function percent(text: string, formats: Formats): number | null {
	const reading = formats.readNumber(text || '0');
	if (!reading.ok || !/^\d+(\.\d{1,3})?$/.test(reading.value)) return null;
	const value = Number(reading.value);
	return value <= 100 ? value : null;
}

export function readTaxRates(rows: readonly TaxRateRow[], formats: Formats) {
	const errors: Errors = {};
	const rates = rows.map((row, i) => {
		const rate = percent(row.rate, formats);
		if (!row.name.trim()) errors[`${i}.name`] = 'Name the rate';
		if (rate === null) errors[`${i}.rate`] = 'Enter a tax % from 0 to 100';
		return { name: row.name.trim(), rate: rate ?? 0 };
	});
	return { rates, errors };
}

export function readCatalogue(
	rows: readonly CatalogueRow[],
	rates: readonly TaxRate[],
	formats: Formats
) {
	const errors: Errors = {};
	const items = rows.map((row, i): CatalogueItem => {
		const name = row.name.trim();
		const unit = row.unit.trim();
		const unitPrice = formats.readMoney(row.price, row.currency);
		const taxRate = percent(row.taxRate, formats);
		const taxName = savedRateName(rates, row.taxRate, formats);
		if (!name) errors[`${i}.name`] = 'Name the item';
		if (unit.length > 20) errors[`${i}.unit`] = 'At most 20 characters';
		if (unitPrice === null) errors[`${i}.price`] = formats.moneyHint(row.currency);
		if (taxRate === null) errors[`${i}.taxRate`] = 'Enter a tax % from 0 to 100';
		return {
			id: row.id,
			name,
			...(unit ? { unit } : {}),
			unitPrice: unitPrice ?? 0,
			currency: row.currency,
			taxRate: taxRate ?? 0,
			...(taxName ? { taxName } : {})
		};
	});
	return { items, errors };
}
