/**
 * Units of measure as UN/ECE Recommendation 20 codes (BT-130), which every e-invoice line needs.
 * The app's units are free text: the common ones are recognised, anything else is "one" (C62).
 */
const CODES: Record<string, string> = {
	hour: 'HUR',
	hours: 'HUR',
	h: 'HUR',
	hrs: 'HUR',
	day: 'DAY',
	days: 'DAY',
	week: 'WEE',
	weeks: 'WEE',
	month: 'MON',
	months: 'MON',
	year: 'ANN',
	years: 'ANN',
	pc: 'H87',
	pcs: 'H87',
	piece: 'H87',
	pieces: 'H87',
	km: 'KMT',
	kg: 'KGM',
	m: 'MTR',
	l: 'LTR',
	'flat rate': 'LS',
	'lump sum': 'LS'
};

export function unitCodeOf(unit: string | undefined): string {
	return CODES[unit?.trim().toLowerCase() ?? ''] ?? 'C62';
}
