import { describe, expect, it } from 'vitest';
import { formatsFor, isLocaleTag, localeChoices } from './formats';

describe('formatsFor', () => {
	it('writes money, dates and numbers the way the chosen locale does', () => {
		const de = formatsFor('de-DE', 'en-US');
		expect(de.money(123456, 'EUR')).toBe('1.234,56\u00a0€');
		expect(de.date('2026-12-31')).toBe('31.12.2026');
		expect(de.number(1.5)).toBe('1,5');
		const us = formatsFor('en-US', 'de-DE');
		expect(us.money(123456, 'EUR')).toBe('€1,234.56');
		expect(us.date('2026-12-02')).toBe('12/02/2026');
	});

	it('follows the browser when no locale is chosen, and falls back to en-US', () => {
		expect(formatsFor(undefined, 'fr-FR').locale).toBe('fr-FR-u-nu-latn');
		expect(formatsFor('', 'sv-SE').date('2026-12-31')).toBe('2026-12-31');
		expect(formatsFor(undefined, 'not a locale!').locale).toBe('en-US-u-nu-latn');
	});

	it('always writes Latin digits', () => {
		expect(formatsFor('ar-EG', 'en-US').money(100, 'USD')).toMatch(/1\.00/);
	});

	it('reads amounts in its own separators only, and says the format when it cannot', () => {
		const de = formatsFor('de-DE', 'en-US');
		expect(de.readNumber('1.234,56')).toEqual({ ok: true, value: '1234.56' });
		expect(de.readNumber('1234,5')).toEqual({ ok: true, value: '1234.5' });
		expect(de.readNumber('-3')).toEqual({ ok: true, value: '-3' });
		// "1.5" is no German 1.5 and no 15: the dot only groups thousands.
		expect(de.readNumber('1.5').ok).toBe(false);
		expect(de.amountLike(2)).toBe('1.234,56');
		expect(formatsFor('fr-FR', 'en-US').readNumber('1\u202f234,56')).toEqual({
			ok: true,
			value: '1234.56'
		});
		expect(formatsFor('de-CH', 'en-US').readNumber("1'234.50")).toEqual({
			ok: true,
			value: '1234.50'
		});
		expect(formatsFor('en-US', 'en-US').amountLike(0)).toBe('1,234');
		expect(formatsFor('en-US', 'en-US').amountLike(3)).toBe('1,234.567');
	});

	it('refuses a currency sign or letters in a number field', () => {
		expect(formatsFor('en-US', 'en-US').readNumber('$12').ok).toBe(false);
		expect(formatsFor('en-US', 'en-US').readNumber('12 kg').ok).toBe(false);
	});

	it('writes a stored decimal back for editing, ungrouped, with its decimal sign', () => {
		expect(formatsFor('de-DE', 'en-US').fieldText('1234.50')).toBe('1234,50');
		expect(formatsFor('de-DE', 'en-US').fieldText('-2')).toBe('-2');
		expect(formatsFor('en-GB', 'en-US').fieldText('1234.50')).toBe('1234.50');
	});
});

describe('localeChoices', () => {
	it('names each choice with its example, the browser default first', () => {
		const choices = localeChoices('de-DE');
		expect(choices[0]).toEqual({ value: '', label: '1.234,56 · 31.12.2026 — as this browser' });
		expect(choices).toContainEqual({
			value: 'en-US',
			label: '1,234.56 · 12/31/2026 — English (United States)'
		});
		expect(choices).toContainEqual({
			value: 'fr-FR',
			label: '1\u202f234,56 · 31/12/2026 — French (France)'
		});
	});
});

describe('isLocaleTag', () => {
	it('takes a language tag and nothing else', () => {
		expect(isLocaleTag('de-DE')).toBe(true);
		expect(isLocaleTag('en')).toBe(true);
		expect(isLocaleTag('')).toBe(false);
		expect(isLocaleTag('not a locale!')).toBe(false);
		expect(isLocaleTag('x'.repeat(100))).toBe(false);
	});
});

describe('readMoney', () => {
	it('reads an amount into minor units of the currency, or null', () => {
		const de = formatsFor('de-DE', 'en-US');
		expect(de.readMoney('1.234,56', 'EUR')).toBe(123456);
		expect(de.readMoney('1.234,567', 'EUR')).toBeNull();
		expect(de.readMoney('1.234,567', 'BHD')).toBe(1234567);
		expect(de.moneyHint('EUR')).toBe('Enter an amount in EUR like 1.234,56');
	});
});
