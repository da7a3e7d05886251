/**
 * ISO 3166-1 alpha-2 country codes: the country of a postal address in an e-invoice (EN 16931
 * BT-40, BT-55). Names come from the browser (Intl.DisplayNames), so none are shipped here.
 */
const CODES =
	'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
	'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
	'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
	'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
	'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
	'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
	'UM US UY UZ VA VC VE VG VI VN VU WF WS XI YE YT ZA ZM ZW';

/** Every code, sorted; XI is Northern Ireland, which EU VAT rules name on its own. */
export const COUNTRY_CODES: readonly string[] = CODES.split(' ');
const KNOWN = new Set(COUNTRY_CODES);

export function isCountryCode(code: string): boolean {
	return KNOWN.has(code);
}

/** The codes with their names in English, sorted by name, for a country picker. */
export function countryChoices(): { value: string; label: string }[] {
	const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'code' });
	return COUNTRY_CODES.map((value) => ({
		value,
		label: value === 'XI' ? 'Northern Ireland' : (names.of(value) ?? value)
	})).sort((a, b) => a.label.localeCompare(b.label, 'en'));
}
