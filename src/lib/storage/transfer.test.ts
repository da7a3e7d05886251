import { describe, expect, it } from 'vitest';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../testing/factories';
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

	it('hands the records over in parts as they are checked, every one once and in order', () => {
		const invoices = Array.from({ length: 5 }, (_, n) => makeInvoice({ id: `i${n}` }));
		const file = JSON.stringify(
			buildSnapshot({ profile: makeProfile(), clients: [makeClient()], invoices }, 'now')
		);
		const parts: string[][] = [];
		const result = parseImport(file, file.length, {
			partSize: 2,
			onPart: (changes) => parts.push(changes.map((c) => c.record.id))
		});
		if (!result.ok) throw new Error(result.error);
		expect(parts.map((part) => part.length)).toEqual([2, 2, 2]);
		expect([...parts.flat(), ...result.changes.map((c) => c.record.id)]).toEqual([
			makeClient().id,
			...invoices.map((i) => i.id),
			makeProfile().id
		]);
	});

	it('fails as a whole when a record after the parts handed over is bad', () => {
		const invoices = [makeInvoice({ id: 'a' }), makeInvoice({ id: 'b' }), makeInvoice({ id: 'a' })];
		const file = JSON.stringify(buildSnapshot({ profile: null, clients: [], invoices }, 'now'));
		const parts: unknown[] = [];
		const result = parseImport(file, file.length, { partSize: 1, onPart: (p) => parts.push(p) });
		expect(parts.length).toBeGreaterThan(0);
		expect(result).toMatchObject({ ok: false, error: expect.stringContaining('invoices[2]') });
	});

	it('rejects an oversized file before parsing it', () => {
		const result = parseImport('{}', MAX_IMPORT_BYTES + 1);
		expect(result).toEqual({
			ok: false,
			error: expect.stringMatching(/largest import is 200\.0 MB/)
		});
	});
});

/** An export holding these records (profile left out) as its file text. */
function fileOf(
	records: { clients?: unknown[]; invoices?: unknown[] },
	envelope: object = {}
): string {
	const base = buildSnapshot({ profile: null, clients: [], invoices: [] }, '2026-03-01T00:00:00Z');
	return JSON.stringify({ ...base, ...records, ...envelope });
}

function errorOf(text: string): string {
	const result = parseImport(text);
	if (result.ok) throw new Error('expected the file to be refused');
	return result.error;
}

describe('parseImport refuses what the app could never have written', () => {
	it('refuses a file holding two versions of one record, naming both', () => {
		const older = makeInvoice({ id: 'dup', notes: 'older' });
		const newer = { ...older, notes: 'newer', hlc: '2026-02-01T00:00:00.000Z-0000-test' };
		expect(errorOf(fileOf({ invoices: [newer, makeInvoice({ id: 'y' }), older] }))).toMatch(
			/^invoices\[2\]: the same id as invoices\[0\] \("dup"\)/
		);
		// Ids are per collection: a client and an invoice may share one.
		expect(
			parseImport(
				fileOf({ clients: [makeClient({ id: 'a' })], invoices: [makeInvoice({ id: 'a' })] })
			).ok
		).toBe(true);
	});

	it.each([-5, 0, 0.5, Number.MAX_SAFE_INTEGER + 2])('refuses format version %s', (version) => {
		expect(errorOf(fileOf({}, { version }))).toMatch(/version must be a whole number from 1/);
	});

	it.each([
		['a fractional quantity finer than 3 decimals', { lines: [makeLine({ quantity: 0.0005 })] }],
		['a tax rate finer than 3 decimals', { lines: [makeLine({ taxRate: 7.0001 })] }],
		['a line discount finer than 3 decimals', { lines: [makeLine({ discountPercent: 1e-7 })] }],
		['a negative fixed discount', { discount: { kind: 'amount' as const, value: -5 } }],
		[
			'a percent discount finer than 3 decimals',
			{ discount: { kind: 'percent' as const, value: 0.5555 } }
		],
		['a payment of nothing', { payments: [{ id: 'p', date: '2026-01-11', amount: 0, note: '' }] }],
		['a negative payment', { payments: [{ id: 'p', date: '2026-01-11', amount: -5, note: '' }] }],
		[
			'fractional minor units',
			{ payments: [{ id: 'p', date: '2026-01-11', amount: 0.5, note: '' }] }
		]
	])('refuses %s', (_, overrides) => {
		expect(errorOf(fileOf({ invoices: [makeInvoice(overrides)] }))).toMatch(/^invoices\[0\]: /);
	});

	it('refuses fractional or negative payment terms', () => {
		for (const days of [-5, 0.5]) {
			const profile = makeProfile({ paymentTermsDays: days });
			expect(errorOf(JSON.stringify({ ...snapshot, profile }))).toMatch(
				/^profile: paymentTermsDays/
			);
		}
	});

	it('refuses an id longer than 64 characters, a client reference included', () => {
		expect(
			errorOf(fileOf({ invoices: [makeInvoice({ clientId: 'c'.repeat(1_000_000) })] }))
		).toMatch(/^invoices\[0\]: clientId: at most 64 characters/);
		expect(errorOf(fileOf({ invoices: [makeInvoice({ clientId: '' })] }))).toMatch(/clientId/);
	});

	it('refuses a record too large for a cloud item, before anything is written', () => {
		const lines = Array.from({ length: 200 }, (_, i) =>
			makeLine({ id: `l${i}`, description: '東'.repeat(2000) })
		);
		expect(errorOf(fileOf({ invoices: [makeInvoice({ id: 'big', lines })] }))).toMatch(
			/^invoices\[0\] \("big"\) is 1\d{3} KB; a record can be at most 399 KB/
		);
	});
});

describe('parseImport messages', () => {
	it('quote a bad value short: a 5 MB status makes a one-line message', () => {
		const invoice = { ...makeInvoice(), status: 'x'.repeat(5_000_000) };
		const error = errorOf(fileOf({ invoices: [invoice] }));
		expect(error).toContain(`received "${'x'.repeat(60)}…"`);
		expect(error.length).toBeLessThan(300);
	});

	it('show no unprintable bytes from a binary file or a bad value', () => {
		const binary = String.fromCharCode(...Array.from({ length: 400 }, (_, i) => i % 256));
		for (const text of [
			binary,
			`{"format":"invoicelab-export","version":1,\u0000\u0007}`,
			fileOf({ invoices: [{ ...makeInvoice(), status: 'paid\u0000\u001b[2J\u202e' }] })
		]) {
			const error = errorOf(text);
			expect(error).not.toMatch(/[\p{Cc}\p{Cf}]/u);
			expect(error.length).toBeLessThan(300);
		}
	});
});
