/**
 * A short narrative over the Analytics figures. The model gets the aggregates the page
 * already shows (never invoices, addresses or e-mails); the top clients go by name
 * because the narrative is about them.
 */
import type { CurrencyFigures } from '../analytics/aggregate';
import type { DateRange } from '../analytics/period';
import { minorToDecimalString } from '../invoice/money';
import type { AiRequest } from './model';

export const TOP_CLIENTS_SENT = 5;
/** Months beyond this are summed into the earlier ones' total, to bound the prompt. */
export const MONTHS_SENT = 24;
export const CURRENCIES_SENT = 6;

export function insightFacts(figures: readonly CurrencyFigures[], range: DateRange, today: string) {
	return {
		period: { from: range.from ?? 'beginning', to: range.to ?? today },
		today,
		currencies: figures.slice(0, CURRENCIES_SENT).map((f) => {
			const money = (minor: number) => minorToDecimalString(minor, f.currency);
			const months = f.byMonth.slice(-MONTHS_SENT);
			return {
				currency: f.currency,
				revenue: money(f.revenue),
				collected: money(f.collected),
				outstanding: money(f.outstanding),
				overdue: money(f.overdue),
				invoicesIssued: f.issuedCount,
				averageDaysToPay: f.averageDaysToPay,
				revenueByMonth: months.map((m) => ({ month: m.month, revenue: money(m.revenue) })),
				earlierMonthsNotListed: f.byMonth.length - months.length,
				topClients: f.byClient.slice(0, TOP_CLIENTS_SENT).map((c) => ({
					name: c.clientName,
					revenue: money(c.revenue),
					outstanding: money(c.outstanding)
				})),
				otherClients: Math.max(0, f.byClient.length - TOP_CLIENTS_SENT),
				ageing: f.ageing.map((a) => ({
					daysPastDue: a.bucket,
					invoices: a.count,
					amount: money(a.amount)
				})),
				byStatus: f.byStatus.map((s) => ({
					status: s.status,
					invoices: s.count,
					amount: money(s.amount)
				}))
			};
		}),
		currenciesNotListed: Math.max(0, figures.length - CURRENCIES_SENT)
	};
}

export type InsightFacts = ReturnType<typeof insightFacts>;

const SYSTEM = `You help a small business owner understand their invoicing figures.
You get aggregates worked out by the invoicing app; amounts are decimal strings, one set per currency.
Write 4 to 7 short bullet points in plain text (start each with "- "), no headings, tables or markdown emphasis.
Cover revenue trend, cash collection and overdue risk, client concentration, and one practical next step.
Never add amounts of different currencies together. Quote only numbers that appear in the data.`;

export function insightsRequest(facts: InsightFacts): AiRequest {
	return {
		system: SYSTEM,
		content: [{ text: `Figures (JSON):\n${JSON.stringify(facts)}` }],
		maxTokens: 700,
		temperature: 0.4
	};
}
