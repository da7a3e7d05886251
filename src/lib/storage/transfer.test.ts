import { describe, expect, it } from 'vitest';
import { makeClient, makeInvoice, makeProfile } from '../testing/factories';
import { MAX_IMPORT_BYTES, buildSnapshot, parseImport } from './transfer';

const snapshot = buildSnapshot(
	{
		profile: makeProfile(),
		clients: [makeClient()],
		invoices: [makeInvoice(), makeInvoice({ id: 'x', deleted: true })]
	},
	'2026-03-01T00:00:00.000Z'
);
const text = JSON.stringify(snapshot);

describe('parseImport', () => {
	it('accepts an export and returns every record', () => {
		const result = parseImport(text);
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.changes.map((c) => c.collection)).toEqual([
				'clients',
				'invoices',
				'invoices',
				'profile'
			]);
			expect(result.changes[2]?.record).toEqual(snapshot.invoices[1]);
		}
	});

	it.each([
		['truncated', text.slice(0, text.length / 2), /not valid JSON/],
		['not JSON', 'hello', /not valid JSON/],
		['wrong shape', JSON.stringify({ invoices: 3 }), /not an InvoiceLab export/],
		[
			'a bad record',
			text.replace('"currency":"USD"', '"currency":"US"'),
			/invoices\[0\]: currency/
		],
		['a future version', text.replace('"version":1', '"version":9'), /newer than this app/]
	])('rejects %s with a clear message', (_, input, message) => {
		const result = parseImport(input);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(message);
	});

	it('rejects an oversized file before parsing it', () => {
		const result = parseImport('{}', MAX_IMPORT_BYTES + 1);
		expect(result).toEqual({
			ok: false,
			error: expect.stringMatching(/largest import is 25\.0 MB/)
		});
	});
});
