/**
 * An invoice's activity log: what happened to it, when and on which device. Changes of the
 * record itself are read from the difference between the stored version and the new one
 * (`describeChange`), in one place every save passes through; events that change nothing
 * else (a PDF downloaded, an e-mail or reminder sent) are appended by their action. The log
 * is only ever appended to, so two devices' logs merge as the union of their entries.
 */
import { ACTIVITY_LIMIT, type ActivityEntry, type ActivityKind, type Invoice } from './schema';

export interface ActivityStamp {
	at: string;
	device: string;
}

/** The entries a change from `before` (absent: a new invoice) to `after` adds. */
export function describeChange(
	before: Invoice | undefined,
	after: Invoice,
	stamp: ActivityStamp
): ActivityEntry[] {
	const entry = (kind: ActivityKind, amount?: number): ActivityEntry => ({
		...stamp,
		kind,
		...(amount === undefined ? {} : { amount })
	});
	// A record made already issued (a recurring invoice issued at once) logs both.
	if (!before || before.deleted) {
		return after.status === 'draft' ? [entry('created')] : [entry('created'), entry('issued')];
	}
	const entries: ActivityEntry[] = [];
	const paidBefore = new Map(before.payments.map((p) => [p.id, p.amount]));
	const paidAfter = new Set(after.payments.map((p) => p.id));
	for (const payment of after.payments) {
		if (!paidBefore.has(payment.id)) entries.push(entry('payment-recorded', payment.amount));
	}
	for (const [id, amount] of paidBefore) {
		if (!paidAfter.has(id)) entries.push(entry('payment-removed', amount));
	}
	if (before.status !== after.status) {
		if (after.status === 'sent' && before.status === 'draft') entries.push(entry('issued'));
		if (after.status === 'paid') entries.push(entry('paid'));
		if (after.status === 'void') entries.push(entry(after.correctedBy ? 'corrected' : 'voided'));
	} else if (after.status === 'draft' && documentChanged(before, after)) {
		entries.push(entry('edited'));
	}
	return entries;
}

const NOT_DOCUMENT = new Set([
	'createdAt',
	'updatedAt',
	'hlc',
	'history',
	'deleted',
	'status',
	'payments',
	'activity'
]);

function documentChanged(before: Invoice, after: Invoice): boolean {
	const text = (invoice: Invoice) =>
		JSON.stringify(
			Object.entries(invoice)
				.filter(([key]) => !NOT_DOCUMENT.has(key))
				.sort(([a], [b]) => a.localeCompare(b))
		);
	return text(before) !== text(after);
}

/** The log with `entries` added, oldest first, kept within ACTIVITY_LIMIT. */
export function appendActivity(
	log: readonly ActivityEntry[] | undefined,
	entries: readonly ActivityEntry[]
): ActivityEntry[] {
	return bounded([...(log ?? []), ...entries]);
}

/** Two devices' logs as one: every entry of either, each once, in time order. */
export function mergeActivity(
	a: readonly ActivityEntry[] | undefined,
	b: readonly ActivityEntry[] | undefined
): ActivityEntry[] {
	const byKey = new Map<string, ActivityEntry>();
	for (const entry of [...(a ?? []), ...(b ?? [])]) byKey.set(entryKey(entry), entry);
	return bounded(
		[...byKey.values()].sort(
			(x, y) => x.at.localeCompare(y.at) || entryKey(x).localeCompare(entryKey(y))
		)
	);
}

function entryKey(entry: ActivityEntry): string {
	return JSON.stringify([entry.at, entry.kind, entry.device, entry.amount ?? null]);
}

/** The first entry (how the invoice began) and the latest ones. */
function bounded(log: ActivityEntry[]): ActivityEntry[] {
	if (log.length <= ACTIVITY_LIMIT) return log;
	return [log[0]!, ...log.slice(log.length - ACTIVITY_LIMIT + 1)];
}

export const ACTIVITY_WORDS: Record<ActivityKind, string> = {
	created: 'Created',
	edited: 'Edited',
	issued: 'Issued and marked as sent',
	'pdf-downloaded': 'PDF downloaded',
	emailed: 'Sent by e-mail',
	'reminder-sent': 'Reminder sent',
	'payment-recorded': 'Payment recorded',
	'payment-removed': 'Payment removed',
	paid: 'Marked as paid',
	voided: 'Voided',
	corrected: 'Voided and corrected'
};
