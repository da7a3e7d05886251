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

/** The word an incoming e-invoice's code is filled as: one that unitCodeOf turns back into it. */
const WORDS: Record<string, string> = {
	HUR: 'hours',
	DAY: 'days',
	WEE: 'weeks',
	MON: 'months',
	ANN: 'years',
	H87: 'pcs',
	KMT: 'km',
	KGM: 'kg',
	MTR: 'm',
	LTR: 'l',
	LS: 'flat rate'
};

/** The unit for a code, or undefined for "one" (C62) and codes without a common word. */
export function unitWordOf(code: string | undefined): string | undefined {
	return code !== undefined && Object.hasOwn(WORDS, code) ? WORDS[code] : undefined;
}
