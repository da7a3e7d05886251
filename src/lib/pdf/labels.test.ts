import { describe, expect, it } from 'vitest';
import { DOCUMENT_LANGUAGES } from '../invoice/document-language';
import { fill, LABELS } from './labels';

describe('document labels', () => {
	it('has every label in every language, none left empty or left in English by mistake', () => {
		const keys = Object.keys(LABELS.en).sort();
		for (const language of DOCUMENT_LANGUAGES) {
			const table = LABELS[language];
			expect(Object.keys(table).sort(), language).toEqual(keys);
			for (const [key, text] of Object.entries(table)) {
				expect(text.trim(), `${language}.${key}`).not.toBe('');
				// A placeholder in English is one in every translation.
				for (const slot of LABELS.en[key as keyof typeof LABELS.en].match(/\{\w+\}/g) ?? [])
					expect(text, `${language}.${key}`).toContain(slot);
			}
		}
		expect(LABELS.de.invoice).toBe('Rechnung');
		expect(LABELS.de.dueDate).toBe('Fälligkeitsdatum');
	});

	it('fills placeholders', () => {
		expect(fill(LABELS.en.page, { n: 2, m: 3 })).toBe('Page 2 of 3');
		expect(fill(LABELS.de.netDays, { n: 14 })).toBe('Zahlbar in 14 Tagen');
	});
});
