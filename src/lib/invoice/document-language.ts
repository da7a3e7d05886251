/**
 * The language a client's documents are written in. Labels come from pdf/labels.ts; dates and
 * numbers follow the language, amounts keep their currency. The app's own words stay English.
 */

export const DOCUMENT_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** Where each language is written when the business's own format is another language's. */
const HOME: Record<DocumentLanguage, string> = {
	en: 'en-GB',
	de: 'de-DE',
	fr: 'fr-FR',
	es: 'es-ES',
	it: 'it-IT',
	nl: 'nl-NL'
};

/**
 * The format a document in `language` prints in: the business's own when it is that language
 * (a de-CH business writes to German clients as de-CH), else the language's home format. No
 * language chosen: the business's format, as before languages existed.
 */
export function documentLocale(language: DocumentLanguage | undefined, business: string): string {
	if (!language) return business;
	return business.split('-')[0]?.toLowerCase() === language ? business : HOME[language];
}

/** The choices in the client form, named in English (the app's language) and in their own. */
export function languageChoices(): { value: DocumentLanguage; label: string }[] {
	const english = new Intl.DisplayNames('en', { type: 'language' });
	return DOCUMENT_LANGUAGES.map((value) => {
		const own = new Intl.DisplayNames(value, { type: 'language' }).of(value) ?? value;
		const name = english.of(value) ?? value;
		return { value, label: own.toLowerCase() === name.toLowerCase() ? name : `${name} (${own})` };
	});
}
