import { describe, expect, it } from 'vitest';
import { invoiceTotals } from '../invoice/totals';
import type { Invoice } from '../invoice/schema';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../testing/factories';
import { toolReply } from '../testing/memory-ai';
import { readReview, reviewFacts, reviewRequest, MAX_LINES_SENT, type ReviewInput } from './review';

const priced = (invoice: Invoice) => ({ invoice, totals: invoiceTotals(invoice) });

function input(overrides: Partial<ReviewInput> = {}): ReviewInput {
	return {
		invoice: priced(
			makeInvoice({
				id: 'this',
				status: 'sent',
				lines: [
					makeLine({ id: 'a', description: 'Design', quantity: 2, unitPrice: 50_000, taxRate: 20 }),
					makeLine({ id: 'b', description: 'design', unitPrice: 0 })
				]
			})
		),
		profile: makeProfile({ taxId: '' }),
		client: makeClient({ taxId: '', email: 'ap@acme.test', address: '1 Main St' }),
		history: [],
		today: '2026-03-01',
		...overrides
	};
}

describe('review facts', () => {
	it('works out totals, missing details and overdue days in code', () => {
		const facts = reviewFacts(input());
		expect(facts.invoice).toMatchObject({
			currency: 'USD',
			termsDays: 30,
			subtotal: '1000.00',
			tax: '200.00',
			total: '1200.00',
			balance: '1200.00'
		});
		expect(facts.checks).toMatchObject({
			linesAddUpToSubtotal: true,
			totalAddsUp: true,
			taxRates: [20, 0],
			linesWithZeroPrice: 1,
			repeatedDescriptions: 1,
			daysPastDue: 20,
			sellerTaxIdMissing: true,
			clientTaxIdMissing: true,
			clientAddressMissing: false,
			clientEmailMissing: false
		});
		expect(facts.clientHistory).toBeNull();
	});

	it('sums up the client’s earlier invoices in the same currency only', () => {
		const paid = (id: string, total: number, paidOn: string) =>
			priced(
				makeInvoice({
					id,
					status: 'paid',
					issueDate: '2025-06-01',
					dueDate: '2025-07-01',
					lines: [makeLine({ unitPrice: total })],
					payments: [{ id: `p-${id}`, date: paidOn, amount: total, note: '' }]
				})
			);
		const history = [
			paid('h1', 80_000, '2025-06-21'),
			paid('h2', 120_000, '2025-07-11'),
			priced(makeInvoice({ id: 'h3', status: 'sent', lines: [makeLine({ unitPrice: 100_000 })] })),
			priced(makeInvoice({ id: 'eur', status: 'sent', currency: 'EUR' })),
			priced(makeInvoice({ id: 'draft', status: 'draft', lines: [makeLine({ unitPrice: 1 })] })),
			input().invoice
		];
		expect(reviewFacts(input({ history })).clientHistory).toEqual({
			invoices: 3,
			averageTotal: '1000.00',
			smallestTotal: '800.00',
			largestTotal: '1200.00',
			paidInvoices: 2,
			averageDaysToPay: 30,
			paidLate: 1
		});
	});

	it('keeps the prompt small for a huge invoice and sends nothing personal or secret', () => {
		const lines = Array.from({ length: 1000 }, (_, i) =>
			makeLine({ id: `l${i}`, description: 'x'.repeat(2000) })
		);
		const invoice = priced(makeInvoice({ lines, notes: 'n'.repeat(5000), status: 'sent' }));
		const request = reviewRequest(reviewFacts(input({ invoice })));
		const prompt = [
			request.system,
			...request.content.map((c) => ('text' in c ? c.text : ''))
		].join('\n');
		expect(prompt.length).toBeLessThan(16_000);
		expect(reviewFacts(input({ invoice })).invoice.linesNotSent).toBe(1000 - MAX_LINES_SENT);
		for (const personal of ['Acme Ltd', 'ap@acme.test', '1 Main St', 'My Business']) {
			expect(prompt).not.toContain(personal);
		}
		expect(prompt).not.toMatch(/ASIA|AKIA|secret|token/i);
		expect(request.maxTokens).toBeGreaterThan(0);
		expect(request.tool?.name).toBe('report_findings');
	});
});

describe('reading the findings', () => {
	it('keeps valid findings, errors first, and counts the incomplete ones', () => {
		const result = readReview(
			toolReply({
				summary: ' Two problems. ',
				findings: [
					{ severity: 'Info', field: 'notes', message: 'Fine' },
					{
						severity: 'ERROR',
						field: 'lines[1].unitPrice',
						message: 'Zero price',
						suggestion: 'Set it'
					},
					{ severity: 'urgent', field: 'x', message: 'Unknown severity' },
					{ field: 'dueDate' },
					'nonsense'
				]
			})
		);
		expect(result).toEqual({
			ok: true,
			summary: 'Two problems.',
			findings: [
				{
					severity: 'error',
					field: 'lines[1].unitPrice',
					message: 'Zero price',
					suggestion: 'Set it'
				},
				{ severity: 'info', field: 'notes', message: 'Fine', suggestion: '' }
			],
			leftOut: 3
		});
	});

	it('accepts tool input sent as a JSON string', () => {
		const result = readReview(toolReply(JSON.stringify({ summary: 'ok', findings: [] })));
		expect(result).toEqual({ ok: true, summary: 'ok', findings: [], leftOut: 0 });
	});

	it('says clearly when the answer is unusable', () => {
		expect(readReview(toolReply(undefined))).toMatchObject({
			ok: false,
			message: expect.stringMatching(/free text instead of the expected form/)
		});
		expect(readReview(toolReply(undefined, 'max_tokens'))).toMatchObject({
			ok: false,
			message: expect.stringMatching(/cut off at the token limit/)
		});
		expect(readReview(toolReply({ summary: 'no list' }))).toMatchObject({
			ok: false,
			message: expect.stringMatching(/no list of findings/)
		});
	});
});
