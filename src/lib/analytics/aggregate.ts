/**
 * The business figures behind the Analytics page, one set per currency: amounts of different
 * currencies are never added together. Quotes never count; a credit note counts as negative
 * revenue in the period it is issued. Pure, integer minor units throughout.
 */
import { creditedByInvoice } from '../invoice/documents';
import type { Invoice } from '../invoice/schema';
import { displayStatus, type DisplayStatus } from '../invoice/status';
import { invoiceTotals, type InvoiceTotals } from '../invoice/totals';
import { daysBetween } from '../platform/clock';
import { inRange, type DateRange } from './period';

export const AGEING_BUCKETS = ['Not yet due', '0–30', '31–60', '61–90', '90+'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

export interface CurrencyFigures {
	currency: string;
	/**
	 * Totals of invoices issued in the period (drafts and void invoices are not issued), less
	 * the credit notes issued in it.
	 */
	revenue: number;
	/** Payments received in the period. */
	collected: number;
	/** Balance still due today on invoices issued in the period. */
	outstanding: number;
	/** The part of `outstanding` past its due date. */
	overdue: number;
	issuedCount: number;
	/** Revenue by issue month (YYYY-MM), oldest first. */
	byMonth: { month: string; revenue: number }[];
	/** Clients by revenue in the period, highest first. */
	byClient: { clientId: string; clientName: string; revenue: number; outstanding: number }[];
	byStatus: { status: DisplayStatus; count: number; amount: number }[];
	/** Open balances today by days past due. */
	ageing: { bucket: AgeingBucket; count: number; amount: number }[];
	/** Mean days from issue to the last payment, over invoices fully paid; null if none. */
	averageDaysToPay: number | null;
	/** Tax on invoices issued in the period, by rate. */
	taxByRate: { rate: number; base: number; tax: number }[];
}

export interface AnalyticsQuery {
	range: DateRange;
	today: string;
	clientId?: string;
}

function bucketOf(daysPastDue: number): AgeingBucket {
	if (daysPastDue <= 0) return 'Not yet due';
	if (daysPastDue <= 30) return '0–30';
	if (daysPastDue <= 60) return '31–60';
	if (daysPastDue <= 90) return '61–90';
	return '90+';
}

function emptyFigures(currency: string): CurrencyFigures {
	return {
		currency,
		revenue: 0,
		collected: 0,
		outstanding: 0,
		overdue: 0,
		issuedCount: 0,
		byMonth: [],
		byClient: [],
		byStatus: [],
		ageing: AGEING_BUCKETS.map((bucket) => ({ bucket, count: 0, amount: 0 })),
		averageDaysToPay: null,
		taxByRate: []
	};
}

function add<K>(map: Map<K, number>, key: K, amount: number): void {
	map.set(key, (map.get(key) ?? 0) + amount);
}

/** Figures per currency, currencies in alphabetical order. */
export function aggregate(
	invoices: readonly (Invoice | Priced)[],
	query: AnalyticsQuery
): CurrencyFigures[] {
	const groups = new Map<string, Priced[]>();
	const credited = creditedByInvoice(invoices.filter((item) => !('totals' in item)) as Invoice[]);
	for (const item of invoices) {
		const priced =
			'totals' in item
				? item
				: { invoice: item, totals: invoiceTotals(item, credited.get(item.id)) };
		const { invoice } = priced;
		if (invoice.deleted || invoice.kind === 'quote') continue;
		if (query.clientId && invoice.clientId !== query.clientId) continue;
		const group = groups.get(invoice.currency);
		if (group) group.push(priced);
		else groups.set(invoice.currency, [priced]);
	}
	return [...groups.keys()]
		.sort()
		.map((currency) => figuresFor(currency, groups.get(currency)!, query));
}

/**
 * Nothing happened in this currency in the period: no invoice dated in it (of any status) and
 * no payment received in it. The page then says so in a line instead of empty figures.
 */
export function isQuiet(figures: CurrencyFigures): boolean {
	return figures.byStatus.length === 0 && figures.collected === 0;
}

/** An invoice with its totals already worked out (the list rows have them). */
export interface Priced {
	invoice: Invoice;
	totals: InvoiceTotals;
}

function figuresFor(currency: string, invoices: Priced[], { range, today }: AnalyticsQuery) {
	const figures = emptyFigures(currency);
	const months = new Map<string, number>();
	const clients = new Map<string, { clientName: string; revenue: number; outstanding: number }>();
	const statuses = new Map<DisplayStatus, { count: number; amount: number }>();
	const taxes = new Map<number, { base: number; tax: number }>();
	const payDays: number[] = [];

	for (const { invoice, totals } of invoices) {
		const status = displayStatus(invoice, totals, today);
		const issued = invoice.status !== 'draft' && invoice.status !== 'void';
		if (invoice.status !== 'void') {
			for (const payment of invoice.payments) {
				if (inRange(payment.date, range)) figures.collected += payment.amount;
			}
		}
		if (!inRange(invoice.issueDate, range)) continue;
		if (invoice.kind === 'credit-note') {
			if (issued) takeOff(invoice, totals);
			continue;
		}

		const entry = statuses.get(status) ?? { count: 0, amount: 0 };
		statuses.set(status, { count: entry.count + 1, amount: entry.amount + totals.total });
		if (!issued) continue;

		figures.issuedCount += 1;
		figures.revenue += totals.total;
		add(months, invoice.issueDate.slice(0, 7), totals.total);
		const open = status === 'paid' ? 0 : totals.balance;
		figures.outstanding += open;
		if (open > 0 && invoice.dueDate < today) figures.overdue += open;
		const client = clients.get(invoice.clientId) ?? {
			clientName: invoice.clientName,
			revenue: 0,
			outstanding: 0
		};
		clients.set(invoice.clientId, {
			clientName: client.clientName,
			revenue: client.revenue + totals.total,
			outstanding: client.outstanding + open
		});
		for (const group of totals.taxes) {
			const tax = taxes.get(group.rate) ?? { base: 0, tax: 0 };
			taxes.set(group.rate, { base: tax.base + group.base, tax: tax.tax + group.tax });
		}
		if (open > 0) {
			const bucket = figures.ageing.find(
				(a) => a.bucket === bucketOf(daysBetween(invoice.dueDate, today))
			)!;
			bucket.count += 1;
			bucket.amount += open;
		}
		const lastPayment = invoice.payments
			.map((p) => p.date)
			.sort()
			.at(-1);
		if (status === 'paid' && lastPayment) payDays.push(daysBetween(invoice.issueDate, lastPayment));
	}

	/** A credit note: its total off revenue, its month and its client, its tax off its rates. */
	function takeOff(note: Invoice, totals: InvoiceTotals) {
		figures.revenue -= totals.total;
		add(months, note.issueDate.slice(0, 7), -totals.total);
		const client = clients.get(note.clientId);
		clients.set(note.clientId, {
			clientName: client?.clientName ?? note.clientName,
			revenue: (client?.revenue ?? 0) - totals.total,
			outstanding: client?.outstanding ?? 0
		});
		for (const group of totals.taxes) {
			const tax = taxes.get(group.rate) ?? { base: 0, tax: 0 };
			taxes.set(group.rate, { base: tax.base - group.base, tax: tax.tax - group.tax });
		}
	}

	figures.byMonth = [...months]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([month, revenue]) => ({ month, revenue }));
	figures.byClient = [...clients]
		.map(([clientId, c]) => ({ clientId, ...c }))
		.sort((a, b) => b.revenue - a.revenue || a.clientName.localeCompare(b.clientName));
	figures.byStatus = [...statuses].map(([status, s]) => ({ status, ...s }));
	figures.taxByRate = [...taxes].sort(([a], [b]) => a - b).map(([rate, t]) => ({ rate, ...t }));
	figures.averageDaysToPay =
		payDays.length === 0 ? null : payDays.reduce((a, b) => a + b, 0) / payDays.length;
	return figures;
}
