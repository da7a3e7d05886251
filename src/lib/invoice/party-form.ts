/**
 * The e-invoicing details of the business or a client as typed: postal address parts, the
 * country, and the electronic address ("name@example.com" or a Peppol ID "0088:4000001000005").
 * Blank fields become absent, so records saved before these existed read the same. Pure.
 */
import type { ElectronicAddress, Party } from './schema';

export interface PartyForm {
	street: string;
	postcode: string;
	city: string;
	country: string;
	endpoint: string;
}

type PartyParts = Pick<Party, 'street' | 'postcode' | 'city' | 'country' | 'endpoint'>;

const EMAIL = /^[^\s@:]+@[^\s@]+\.[^\s@]+$/;
const PEPPOL = /^(\d{4}):(\S.*)$/;

/** The electronic address (EN 16931 BT-34, BT-49), as the field that takes it explains it. */
export const ENDPOINT_HINT =
	'Where e-invoices reach you or the client. Empty: the email above. Or a Peppol ID with its scheme, like 0088:4000001000005.';

export function endpointText(endpoint: ElectronicAddress | undefined): string {
	if (!endpoint) return '';
	return endpoint.scheme === 'EM' ? endpoint.id : `${endpoint.scheme}:${endpoint.id}`;
}

export function partyForm(party: Partial<PartyParts>): PartyForm {
	return {
		street: party.street ?? '',
		postcode: party.postcode ?? '',
		city: party.city ?? '',
		country: party.country ?? '',
		endpoint: endpointText(party.endpoint)
	};
}

/**
 * The parts to save, every one named (undefined when blank, so a cleared field is removed), or
 * what is wrong with the electronic address.
 */
export function readPartyForm(form: PartyForm): {
	parts: Record<'street' | 'postcode' | 'city' | 'country', string | undefined> & {
		endpoint: ElectronicAddress | undefined;
	};
	errors: { endpoint?: string };
} {
	const text = (value: string) => value.trim() || undefined;
	const typed = form.endpoint.trim();
	const peppol = PEPPOL.exec(typed);
	const endpoint: ElectronicAddress | undefined = !typed
		? undefined
		: peppol
			? { scheme: peppol[1]!, id: peppol[2]!.trim() }
			: EMAIL.test(typed)
				? { scheme: 'EM', id: typed }
				: undefined;
	return {
		parts: {
			street: text(form.street),
			postcode: text(form.postcode),
			city: text(form.city),
			country: text(form.country),
			endpoint
		},
		errors:
			typed && !endpoint
				? { endpoint: 'Enter an email address or a Peppol ID like 0088:4000001000005' }
				: {}
	};
}
