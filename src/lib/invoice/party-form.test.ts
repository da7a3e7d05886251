import { describe, expect, it } from 'vitest';
import { partyForm, readPartyForm } from './party-form';

describe('the e-invoicing details of a party', () => {
	const blank = partyForm({});

	it('reads blanks as absent, so a cleared field is removed', () => {
		expect(readPartyForm(blank)).toEqual({
			parts: {
				street: undefined,
				postcode: undefined,
				city: undefined,
				country: undefined,
				endpoint: undefined
			},
			errors: {}
		});
	});

	it('reads an email or a Peppol ID as the electronic address, and round-trips it', () => {
		const peppol = readPartyForm({ ...blank, endpoint: ' 0204:991-12345-67 ' }).parts.endpoint;
		expect(peppol).toEqual({ scheme: '0204', id: '991-12345-67' });
		expect(partyForm({ endpoint: peppol }).endpoint).toBe('0204:991-12345-67');
		const email = readPartyForm({ ...blank, endpoint: 'ap@acme.test' }).parts.endpoint;
		expect(email).toEqual({ scheme: 'EM', id: 'ap@acme.test' });
		expect(partyForm({ endpoint: email }).endpoint).toBe('ap@acme.test');
	});

	it('says what is wrong with anything else', () => {
		expect(readPartyForm({ ...blank, endpoint: 'acme' }).errors.endpoint).toBe(
			'Enter an email address or a Peppol ID like 0088:4000001000005'
		);
	});

	it('trims the address parts', () => {
		const { parts } = readPartyForm({
			...blank,
			street: ' Hafen 1 ',
			city: 'Hamburg ',
			country: 'DE'
		});
		expect(parts).toMatchObject({ street: 'Hafen 1', city: 'Hamburg', country: 'DE' });
	});
});
