/**
 * The e-mails that go with invoices: templates with placeholders, filled per invoice. Which
 * invoices are due for a reminder is invoice/reminders.ts; sending itself (share sheet or mail
 * program) is the browser's part (app/send-invoice.ts).
 */
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from './document-language';
import { DEFAULT_TEMPLATES } from './message-templates';
import type { BusinessProfile, Invoice } from './schema';

export const MESSAGE_KINDS = ['invoice', 'reminder', 'quote', 'credit-note'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface MessageTemplate {
	subject: string;
	body: string;
}

export type TemplateSet = Partial<Record<MessageKind, MessageTemplate>>;

/** The placeholders stay these words in every language (they are replaced, never sent). */
export const PLACEHOLDERS = [
	'{number}',
	'{client}',
	'{total}',
	'{balance}',
	'{due date}',
	'{business}'
] as const;

/** The message for a document sent as itself (a reminder is chosen by the sender). */
export function messageKindOf(invoice: Pick<Invoice, 'kind'>): MessageKind {
	return invoice.kind ?? 'invoice';
}

/**
 * The template of a kind in a language: the business's own, else the default. The business's
 * English templates are `templates.<kind>` (as before languages existed), the others'
 * `templates.languages.<language>.<kind>`.
 */
export function templateFor(
	profile: Pick<BusinessProfile, 'templates'>,
	kind: MessageKind,
	language: DocumentLanguage = 'en'
): MessageTemplate {
	const own = language === 'en' ? profile.templates : profile.templates?.languages?.[language];
	return own?.[kind] ?? DEFAULT_TEMPLATES[language][kind];
}

/**
 * What Settings → E-mails stores from its forms (every kind in every language): only the
 * templates that differ from the defaults, so a default improved later reaches everyone else.
 */
export function templatesToStore(
	forms: Record<DocumentLanguage, Record<MessageKind, MessageTemplate>>
): NonNullable<BusinessProfile['templates']> {
	const changed = (language: DocumentLanguage): TemplateSet => {
		const set: TemplateSet = {};
		for (const kind of MESSAGE_KINDS) {
			const { subject, body } = forms[language][kind];
			const fallback = DEFAULT_TEMPLATES[language][kind];
			if (subject !== fallback.subject || body !== fallback.body) set[kind] = { subject, body };
		}
		return set;
	};
	const languages: NonNullable<NonNullable<BusinessProfile['templates']>['languages']> = {};
	for (const language of DOCUMENT_LANGUAGES) {
		if (language === 'en') continue;
		const set = changed(language);
		if (Object.keys(set).length > 0) languages[language] = set;
	}
	return { ...changed('en'), ...(Object.keys(languages).length > 0 ? { languages } : {}) };
}

export type PlaceholderValues = Record<(typeof PLACEHOLDERS)[number], string>;

/** Each placeholder replaced by its value; unknown braces are left as typed. */
export function fillTemplate(template: MessageTemplate, values: PlaceholderValues) {
	const fill = (text: string) =>
		text.replace(/\{[a-z ]+\}/g, (token) =>
			token in values ? values[token as keyof PlaceholderValues] : token
		);
	return { subject: fill(template.subject), body: fill(template.body) };
}

/** A mailto: address with the message filled in (the PDF cannot go with it: it is saved). */
export function mailtoHref(to: string, message: { subject: string; body: string }): string {
	const query = `subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(message.body)}`;
	return `mailto:${encodeURIComponent(to.trim()).replace(/%40/g, '@')}?${query}`;
}
