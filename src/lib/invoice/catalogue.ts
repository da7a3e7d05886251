/**
 * What the line editor offers from the business profile: catalogue items by name (filling
 * unit, price and tax) and saved tax rates by name. Pure.
 */
import type { Formats } from './formats';
import type { LineForm } from './invoice-form';
import { minorToDecimalString } from './money';
import type { CatalogueItem, TaxRate } from './schema';

const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The item a line's description names exactly (as picked from the suggestions). */
export function catalogueItemNamed(
	items: readonly CatalogueItem[],
	description: string
): CatalogueItem | undefined {
	const wanted = key(description);
	return wanted ? items.find((item) => key(item.name) === wanted) : undefined;
}

/**
 * The line with the item's unit, price and tax, written as `formats` reads them back. A price
 * in another currency than the invoice's is no price for it: the line keeps its own.
 */
export function fillFromCatalogue(
	line: LineForm,
	item: CatalogueItem,
	currency: string,
	formats: Formats
): LineForm {
	return {
		...line,
		unit: item.unit ?? '',
		unitPrice:
			item.currency === currency
				? formats.fieldText(minorToDecimalString(item.unitPrice, currency))
				: line.unitPrice,
		taxRate: formats.fieldText(String(item.taxRate)),
		taxName: item.taxName ?? ''
	};
}

/** The name of the saved rate equal to the tax % typed, or '' when none is. */
export function savedRateName(rates: readonly TaxRate[], typed: string, formats: Formats): string {
	const reading = formats.readNumber(typed);
	if (!reading.ok) return '';
	const value = Number(reading.value);
	return rates.find((rate) => rate.rate === value)?.name ?? '';
}
