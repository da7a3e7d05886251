/**
 * The default e-mail templates in each document language (invoice/document-language.ts). The
 * placeholders ({number}, {client}, …) are the same in every language: they are replaced.
 */
import type { DocumentLanguage } from './document-language';
import type { MessageKind, MessageTemplate } from './messages';

type Templates = Record<MessageKind, MessageTemplate>;

const en: Templates = {
	invoice: {
		subject: 'Invoice {number} from {business}',
		body:
			'Hello {client},\n\nplease find attached invoice {number} for {total}, due on {due date}.' +
			'\n\nThank you,\n{business}'
	},
	reminder: {
		subject: 'Reminder: invoice {number} is overdue',
		body:
			'Hello {client},\n\ninvoice {number} was due on {due date} and {balance} is still open. ' +
			'The invoice is attached again; if you have paid it meanwhile, please ignore this reminder.' +
			'\n\nThank you,\n{business}'
	},
	quote: {
		subject: 'Quote {number} from {business}',
		body:
			'Hello {client},\n\nplease find attached quote {number} for {total}, valid until {due date}.' +
			'\n\nKind regards,\n{business}'
	},
	'credit-note': {
		subject: 'Credit note {number} from {business}',
		body:
			'Hello {client},\n\nplease find attached credit note {number} for {total}.' +
			'\n\nKind regards,\n{business}'
	}
};

const de: Templates = {
	invoice: {
		subject: 'Rechnung {number} von {business}',
		body:
			'Guten Tag {client},\n\nanbei erhalten Sie die Rechnung {number} über {total}, fällig am {due date}.' +
			'\n\nVielen Dank\n{business}'
	},
	reminder: {
		subject: 'Zahlungserinnerung: Rechnung {number}',
		body:
			'Guten Tag {client},\n\ndie Rechnung {number} war am {due date} fällig; offen sind noch {balance}. ' +
			'Die Rechnung liegt noch einmal bei. Falls Sie inzwischen bezahlt haben, betrachten Sie diese Erinnerung bitte als gegenstandslos.' +
			'\n\nVielen Dank\n{business}'
	},
	quote: {
		subject: 'Angebot {number} von {business}',
		body:
			'Guten Tag {client},\n\nanbei erhalten Sie unser Angebot {number} über {total}, gültig bis {due date}.' +
			'\n\nMit freundlichen Grüßen\n{business}'
	},
	'credit-note': {
		subject: 'Gutschrift {number} von {business}',
		body:
			'Guten Tag {client},\n\nanbei erhalten Sie die Gutschrift {number} über {total}.' +
			'\n\nMit freundlichen Grüßen\n{business}'
	}
};

const fr: Templates = {
	invoice: {
		subject: 'Facture {number} de {business}',
		body:
			'Bonjour {client},\n\nveuillez trouver ci-joint la facture {number} d’un montant de {total}, à régler avant le {due date}.' +
			'\n\nMerci,\n{business}'
	},
	reminder: {
		subject: 'Relance : facture {number} échue',
		body:
			'Bonjour {client},\n\nla facture {number} était due le {due date} et {balance} reste à régler. ' +
			'Vous la trouverez de nouveau ci-jointe ; si vous l’avez réglée entre-temps, merci de ne pas tenir compte de cette relance.' +
			'\n\nMerci,\n{business}'
	},
	quote: {
		subject: 'Devis {number} de {business}',
		body:
			'Bonjour {client},\n\nveuillez trouver ci-joint le devis {number} d’un montant de {total}, valable jusqu’au {due date}.' +
			'\n\nCordialement,\n{business}'
	},
	'credit-note': {
		subject: 'Avoir {number} de {business}',
		body:
			'Bonjour {client},\n\nveuillez trouver ci-joint l’avoir {number} d’un montant de {total}.' +
			'\n\nCordialement,\n{business}'
	}
};

const es: Templates = {
	invoice: {
		subject: 'Factura {number} de {business}',
		body:
			'Hola {client}:\n\nadjuntamos la factura {number} por {total}, con vencimiento el {due date}.' +
			'\n\nGracias,\n{business}'
	},
	reminder: {
		subject: 'Recordatorio: factura {number} vencida',
		body:
			'Hola {client}:\n\nla factura {number} venció el {due date} y quedan pendientes {balance}. ' +
			'Adjuntamos la factura de nuevo; si ya la ha pagado, ignore este recordatorio.' +
			'\n\nGracias,\n{business}'
	},
	quote: {
		subject: 'Presupuesto {number} de {business}',
		body:
			'Hola {client}:\n\nadjuntamos el presupuesto {number} por {total}, válido hasta el {due date}.' +
			'\n\nSaludos cordiales,\n{business}'
	},
	'credit-note': {
		subject: 'Nota de crédito {number} de {business}',
		body:
			'Hola {client}:\n\nadjuntamos la nota de crédito {number} por {total}.' +
			'\n\nSaludos cordiales,\n{business}'
	}
};

const it: Templates = {
	invoice: {
		subject: 'Fattura {number} da {business}',
		body:
			'Gentile {client},\n\nin allegato la fattura {number} di {total}, con scadenza il {due date}.' +
			'\n\nGrazie,\n{business}'
	},
	reminder: {
		subject: 'Sollecito: fattura {number} scaduta',
		body:
			'Gentile {client},\n\nla fattura {number} è scaduta il {due date} e restano da pagare {balance}. ' +
			'La fattura è di nuovo in allegato; se l’ha già pagata, ignori questo sollecito.' +
			'\n\nGrazie,\n{business}'
	},
	quote: {
		subject: 'Preventivo {number} da {business}',
		body:
			'Gentile {client},\n\nin allegato il preventivo {number} di {total}, valido fino al {due date}.' +
			'\n\nCordiali saluti,\n{business}'
	},
	'credit-note': {
		subject: 'Nota di credito {number} da {business}',
		body:
			'Gentile {client},\n\nin allegato la nota di credito {number} di {total}.' +
			'\n\nCordiali saluti,\n{business}'
	}
};

const nl: Templates = {
	invoice: {
		subject: 'Factuur {number} van {business}',
		body:
			'Beste {client},\n\nin de bijlage vindt u factuur {number} van {total}, te betalen vóór {due date}.' +
			'\n\nBedankt,\n{business}'
	},
	reminder: {
		subject: 'Herinnering: factuur {number} is vervallen',
		body:
			'Beste {client},\n\nfactuur {number} moest uiterlijk {due date} betaald zijn; er staat nog {balance} open. ' +
			'De factuur zit opnieuw in de bijlage; heeft u inmiddels betaald, dan kunt u deze herinnering negeren.' +
			'\n\nBedankt,\n{business}'
	},
	quote: {
		subject: 'Offerte {number} van {business}',
		body:
			'Beste {client},\n\nin de bijlage vindt u offerte {number} van {total}, geldig tot {due date}.' +
			'\n\nMet vriendelijke groet,\n{business}'
	},
	'credit-note': {
		subject: 'Creditnota {number} van {business}',
		body:
			'Beste {client},\n\nin de bijlage vindt u creditnota {number} van {total}.' +
			'\n\nMet vriendelijke groet,\n{business}'
	}
};

export const DEFAULT_TEMPLATES: Record<DocumentLanguage, Templates> = { en, de, fr, es, it, nl };
