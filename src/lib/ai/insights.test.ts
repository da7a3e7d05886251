import { describe, expect, it } from 'vitest';
import { aggregate } from '../analytics/aggregate';
import { ALL } from '../analytics/period';
import { invoiceTotals } from '../invoice/totals';
import { makeDataset } from '../testing/factories';
import { insightFacts, insightsRequest, TOP_CLIENTS_SENT } from './insights';

const TODAY = '2026-11-22';

describe('insights prompt', () => {
	const { invoices, clients } = makeDataset(10_000, 200);
	const figures = aggregate(
		invoices.map((invoice) => ({ invoice, totals: invoiceTotals(invoice) })),
		{ range: ALL, today: TODAY }
	);

	it('sends the aggregates per currency, bounded whatever the data size', () => {
		const facts = insightFacts(figures, ALL, TODAY);
		const request = insightsRequest(facts);
		const prompt = request.content.map((c) => ('text' in c ? c.text : '')).join('');
		expect(prompt.length).toBeLessThan(12_000);
		expect(request.maxTokens).toBeGreaterThan(0);
		expect(facts.currencies.map((c) => c.currency).sort()).toEqual(['EUR', 'GBP', 'JPY', 'USD']);
		const usd = facts.currencies.find((c) => c.currency === 'USD')!;
		const usdFigures = figures.find((f) => f.currency === 'USD')!;
		expect(usd.revenue).toBe((usdFigures.revenue / 100).toFixed(2));
		expect(usd.topClients).toHaveLength(TOP_CLIENTS_SENT);
		expect(usd.otherClients).toBe(usdFigures.byClient.length - TOP_CLIENTS_SENT);
		expect(facts.period).toEqual({ from: 'beginning', to: TODAY });
	});

	it('names only the top clients and nothing else about anyone', () => {
		const prompt = JSON.stringify(insightFacts(figures, ALL, TODAY));
		const named = clients.filter((c) => prompt.includes(`"${c.name}"`));
		expect(named.length).toBeLessThanOrEqual(TOP_CLIENTS_SENT * 4);
		for (const client of clients) expect(prompt).not.toContain(client.email);
		for (const invoice of invoices.slice(0, 200)) expect(prompt).not.toContain(invoice.number);
	});
});
