import { describe, expect, it } from 'vitest';
import { DOCUMENT_LANGUAGES } from './document-language';
import { makeProfile } from '../testing/factories';
import { fillTemplate, mailtoHref, templateFor, templatesToStore, MESSAGE_KINDS } from './messages';

const values = {
	'{number}': 'INV-7',
	'{client}': 'Acme',
	'{total}': '€1,200.00',
	'{balance}': '€200.00',
	'{due date}': '12/31/2026',
	'{business}': 'Studio North'
};

describe('message templates', () => {
	it('fill every placeholder, and leave other braces as typed', () => {
		const filled = fillTemplate(
			{
				subject: '{number} for {client}',
				body: '{total}, {balance} by {due date}. {business} {x}'
			},
			values
		);
		expect(filled).toEqual({
			subject: 'INV-7 for Acme',
			body: '€1,200.00, €200.00 by 12/31/2026. Studio North {x}'
		});
	});

	it('come from the profile, else the defaults', () => {
		const own = { subject: 'Bill {number}', body: 'Pay {total}' };
		expect(templateFor(makeProfile({ templates: { invoice: own } }), 'invoice')).toEqual(own);
		expect(templateFor(makeProfile(), 'reminder').subject).toContain('overdue');
	});

	it('exist in every document language for every kind, each with the number placeholder', () => {
		for (const language of DOCUMENT_LANGUAGES) {
			for (const kind of MESSAGE_KINDS) {
				const template = templateFor(makeProfile(), kind, language);
				expect(template.subject).toContain('{number}');
				expect(template.body).toContain('{client}');
			}
		}
		expect(templateFor(makeProfile(), 'reminder', 'de').subject).toBe(
			'Zahlungserinnerung: Rechnung {number}'
		);
	});

	it('store only what differs from the defaults, per language, and read back the same', () => {
		const forms = Object.fromEntries(
			DOCUMENT_LANGUAGES.map((language) => [
				language,
				Object.fromEntries(
					MESSAGE_KINDS.map((kind) => [kind, templateFor(makeProfile(), kind, language)])
				)
			])
		) as Parameters<typeof templatesToStore>[0];
		expect(templatesToStore(forms)).toEqual({});
		const own = { subject: 'Angebot {number}', body: 'Hallo {client}' };
		forms.de.quote = own;
		const stored = templatesToStore(forms);
		expect(stored).toEqual({ languages: { de: { quote: own } } });
		const profile = makeProfile({ templates: stored });
		expect(templateFor(profile, 'quote', 'de')).toEqual(own);
		expect(templateFor(profile, 'quote', 'en').subject).toBe('Quote {number} from {business}');
	});

	it('make a mailto address a mail program reads whole', () => {
		const href = mailtoHref(' ap@acme.test ', {
			subject: 'Invoice #7 & more',
			body: 'Line 1\nLine 2'
		});
		expect(href).toBe(
			'mailto:ap@acme.test?subject=Invoice%20%237%20%26%20more&body=Line%201%0ALine%202'
		);
	});
});
