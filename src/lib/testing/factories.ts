/** Deterministic record builders for unit tests, end-to-end seeds and benchmarks. */
import {
	BUSINESS_PROFILE_ID,
	type BusinessProfile,
	type Client,
	type Invoice,
	type LineItem,
	type RecordMeta,
	withoutMeta
} from '../invoice/schema';
import {
	DEFAULT_CREDIT_NOTE_NUMBER_FORMAT,
	DEFAULT_QUOTE_NUMBER_FORMAT
} from '../invoice/documents';
import { DEFAULT_PROFILE } from '../invoice/profile';
import { DEFAULT_NUMBER_FORMAT, formatInvoiceNumber } from '../invoice/numbering';

const STAMP = '2026-01-01T00:00:00.000Z';

function meta(id: string) {
	return { id, createdAt: STAMP, updatedAt: STAMP, hlc: `${STAMP}-0000-test`, deleted: false };
}

export function makeClient(overrides: Partial<Client> = {}): Client {
	return {
		...meta(overrides.id ?? 'client-1'),
		name: 'Acme Ltd',
		email: 'billing@acme.test',
		address: '1 Main Street',
		taxId: '',
		...overrides
	};
}

export function makeLine(overrides: Partial<LineItem> = {}): LineItem {
	return {
		id: 'line-1',
		description: 'Consulting',
		quantity: 1,
		unitPrice: 10000,
		taxRate: 0,
		discountPercent: 0,
		...overrides
	};
}

export function makeInvoice(overrides: Partial<Invoice> = {}): Invoice {
	return {
		...meta(overrides.id ?? 'invoice-1'),
		number: 'INV-2026-0001',
		clientId: 'client-1',
		clientName: 'Acme Ltd',
		issueDate: '2026-01-10',
		dueDate: '2026-02-09',
		currency: 'USD',
		lines: [makeLine()],
		discount: { kind: 'percent', value: 0 },
		notes: '',
		status: 'draft',
		payments: [],
		...overrides
	};
}

/** An invoice as an editor hands it to Repository.save: no sync metadata yet. */
export function makeInvoiceDraft(
	overrides: Partial<Invoice> = {}
): Omit<Invoice, keyof RecordMeta> {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { id, ...draft } = withoutMeta(makeInvoice(overrides));
	return draft;
}

export function makeProfile(overrides: Partial<BusinessProfile> = {}): BusinessProfile {
	return {
		...DEFAULT_PROFILE,
		...meta(BUSINESS_PROFILE_ID),
		name: 'My Business',
		...overrides
	};
}

const WORDS = ['design', 'hosting', 'audit', 'support', 'licence', 'training', 'repair', 'travel'];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY'];
const STATUSES = ['draft', 'sent', 'sent', 'paid', 'void'] as const;

/** A seeded pseudo-random generator, so generated data sets are the same on every run. */
function mulberry32(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** `count` plausible invoices over `clientCount` clients, spread over two years. */
export function makeDataset(count: number, clientCount = 200, seed = 1) {
	const random = mulberry32(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
	const clients = Array.from({ length: clientCount }, (_, i) =>
		makeClient({
			id: `client-${i}`,
			name: `Client ${i} ${pick(WORDS)} GmbH`,
			email: `c${i}@x.test`
		})
	);
	const invoices = Array.from({ length: count }, (_, i) => {
		const client = pick(clients);
		const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 700) * 86_400_000);
		const issueDate = day.toISOString().slice(0, 10);
		const dueDate = new Date(day.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
		const status = pick(STATUSES);
		const lines = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, j) =>
			makeLine({
				id: `l${i}-${j}`,
				description: `${pick(WORDS)} ${pick(WORDS)} work`,
				quantity: 1 + Math.floor(random() * 10),
				unitPrice: 1000 + Math.floor(random() * 100_000),
				taxRate: pick([0, 7, 19, 20])
			})
		);
		return makeInvoice({
			id: `inv-${i}`,
			number: formatInvoiceNumber(DEFAULT_NUMBER_FORMAT, issueDate, i + 1),
			clientId: client.id,
			clientName: client.name,
			issueDate,
			dueDate,
			currency: pick(CURRENCIES),
			status,
			lines,
			notes: random() < 0.2 ? `Project ${pick(WORDS)}` : '',
			...otherKind(i, status, issueDate)
		});
	});
	return { clients, invoices };
}

/**
 * Every tenth document of a dataset is a quote and every twentieth (offset) a credit note of
 * the invoice before it, as a business that uses both would have; decided by position, so the
 * random stream (and every other document) stays as it was.
 */
function otherKind(i: number, status: Invoice['status'], issueDate: string): Partial<Invoice> {
	const issued = status !== 'draft';
	if (i % 10 === 9) {
		return {
			kind: 'quote',
			number: formatInvoiceNumber(DEFAULT_QUOTE_NUMBER_FORMAT, issueDate, i + 1),
			status: status === 'paid' ? 'accepted' : status === 'void' ? 'declined' : status
		};
	}
	if (i % 20 === 4 && i > 0) {
		return {
			kind: 'credit-note',
			number: formatInvoiceNumber(DEFAULT_CREDIT_NOTE_NUMBER_FORMAT, issueDate, i + 1),
			credits: `inv-${i - 1}`,
			status: issued ? 'sent' : 'draft'
		};
	}
	return {};
}
