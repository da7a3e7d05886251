/**
 * Every representative invoice, exported through the app's own code, passes the official
 * EN 16931 rules (CEN/TC 434 artefacts, ../shared/validators/en16931) with no fatal failure.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../testing/einvoice-samples';
import { fatalRules } from '../testing/en16931';
import { einvoiceXml, type EInvoiceFormat } from './einvoice';

const SLOW = 120_000;

describe('the EN 16931 validator', () => {
	it(
		'catches a broken document: a grand total that does not add up',
		() => {
			const [sample] = SAMPLES;
			const xml = einvoiceXml(sample!.invoice, sample!.context, 'factur-x');
			const broken = xml.replace(
				/<ram:GrandTotalAmount>([\d.]+)</,
				(_, total: string) => `<ram:GrandTotalAmount>${Number(total) + 1}<`
			);
			expect(broken).not.toBe(xml);
			expect(fatalRules(broken).join('\n')).toContain('BR-CO-15');
		},
		SLOW
	);
});

describe.each(['factur-x', 'ubl'] as EInvoiceFormat[])('%s documents', (format) => {
	it.each(SAMPLES.map((s) => [s.name, s] as const))(
		'%s passes the EN 16931 rules',
		(_, sample) => {
			const xml = einvoiceXml(sample.invoice, sample.context, format);
			expect(fatalRules(xml)).toEqual([]);
		},
		SLOW
	);
});

it(
	'an XRechnung (CII) document passes the EN 16931 rules',
	() => {
		const [sample] = SAMPLES;
		expect(fatalRules(einvoiceXml(sample!.invoice, sample!.context, 'xrechnung-cii'))).toEqual([]);
	},
	SLOW
);
