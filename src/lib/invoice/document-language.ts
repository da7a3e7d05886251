/**
 * The language a client's documents are written in. Labels come from pdf/labels.ts; dates and
 * numbers follow the language, amounts keep their currency. The app's own words stay English.
 */
import { formatsFor, type Formats } from './formats';
import type { Client, Invoice } from './schema';

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

/** The language of an invoice's documents and e-mails: as issued, else its client's. */
export function languageOf(
	invoice: Pick<Invoice, 'issued'>,
	client: Pick<Client, 'language'> | undefined
): DocumentLanguage | undefined {
	return invoice.issued ? invoice.issued.language : client?.language;
}

/**
 * How an invoice's documents write numbers and dates: as issued, else in its client's language,
 * else as the app does (`app`, the business's format).
 */
export function documentFormats(
	invoice: Pick<Invoice, 'issued'>,
	client: Pick<Client, 'language'> | undefined,
	app: Formats
): Formats {
	if (invoice.issued) return formatsFor(invoice.issued.locale, app.locale);
	const language = client?.language;
	return language ? formatsFor(documentLocale(language, app.locale), app.locale) : app;
}
