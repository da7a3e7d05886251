import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { makeProfile } from '../testing/factories';
import {
	formatIban,
	ibanProblem,
	normalizeIban,
	paymentForm,
	readPaymentDetails
} from './payment-details';
import { BusinessProfileSchema } from './schema';

describe('IBAN', () => {
	it('accepts IBANs whose check digits hold (mod 97), with or without spaces, any case', () => {
		for (const iban of [
			'DE89 3704 0044 0532 0130 00',
			'GB82WEST12345698765432',
			'fr14 2004 1010 0505 0001 3m02 606',
			'NL91ABNA0417164300'
		])
			expect(ibanProblem(iban), iban).toBeNull();
	});

	it('says what is wrong: the shape, or check digits that do not match (a typo)', () => {
		expect(ibanProblem('DE89 3704 0044 0532 0130 01')).toMatch(/check digits do not match/);
		expect(ibanProblem('1234')).toMatch(/country code/);
		expect(ibanProblem('DE89 3704-0044')).toMatch(/country code/);
	});

	it('is stored without spaces in capitals, and shown in groups of four', () => {
		expect(normalizeIban(' de89 3704 0044 0532 0130 00 ')).toBe('DE89370400440532013000');
		expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
	});

	it('is checked by the profile schema; a profile without payment details still parses', () => {
		const parse = (payment: unknown) =>
			v.safeParse(BusinessProfileSchema, { ...makeProfile(), payment }).success;
		expect(parse(undefined)).toBe(true);
		expect(parse({ iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', bank: 'Commerzbank' })).toBe(
			true
		);
		expect(parse({ text: 'PayPal: pay@studio.test' })).toBe(true);
		expect(parse({ iban: 'DE89370400440532013001' })).toBe(false);
		const result = v.safeParse(BusinessProfileSchema, makeProfile());
		expect(result.output).not.toHaveProperty('payment');
	});
});

describe('the payment details form', () => {
	it('reads typed details into what is stored, leaving out what is empty', () => {
		expect(
			readPaymentDetails({
				iban: ' de89 3704 0044 0532 0130 00',
				bic: 'cobadeff',
				bank: '',
				text: ''
			})
		).toEqual({ details: { iban: 'DE89370400440532013000', bic: 'COBADEFF' }, errors: {} });
		expect(readPaymentDetails(paymentForm(undefined))).toEqual({ details: undefined, errors: {} });
		expect(paymentForm({ iban: 'DE89370400440532013000' }).iban).toBe(
			'DE89 3704 0044 0532 0130 00'
		);
	});

	it('names the field that is wrong', () => {
		const { errors } = readPaymentDetails({ iban: 'DE00 1234', bic: 'BANK', bank: '', text: '' });
		expect(errors.iban).toMatch(/country code/);
		expect(errors.bic).toBe('A BIC has 8 or 11 letters and digits, like COBADEFFXXX');
	});
});
