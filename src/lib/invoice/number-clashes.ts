/**
 * Two devices that took the same next number offline: which invoice keeps it, which drafts
 * move on, which sent invoices the user has to tell apart. Runs after a sync, so it stays out
 * of the first load (numbering.ts is in it). Pure.
 */
import { nextInvoiceNumber } from './numbering';

export interface NumberClash {
	number: string;
	/** Ids of the invoices sharing the number, the one that keeps it first. */
	ids: string[];
}

export interface ClashPlan {
	/** Drafts that get the next free number (a draft has not been sent to anyone yet). */
	renumber: { id: string; from: string; to: string }[];
	/** Clashes among invoices already sent: never renumbered silently; the user decides. */
	unresolved: NumberClash[];
}

interface Numbered {
	id: string;
	number: string;
	status: string;
	issueDate: string;
	createdAt: string;
	deleted: boolean;
	/** Quote or credit note: each kind is numbered in its own series. */
	kind?: 'quote' | 'credit-note';
}

/**
 * Finds live invoices that share a number (two devices took the same next number offline)
 * and plans a deterministic fix: the oldest invoice keeps it, other drafts are renumbered
 * in their kind's series (`formatOf`), and a clash between sent invoices is left for the user.
 */
export function planNumberClashes(
	invoices: readonly Numbered[],
	formatOf: (kind: 'invoice' | 'quote' | 'credit-note') => string
): ClashPlan {
	const live = invoices.filter((i) => !i.deleted);
	const byNumber = new Map<string, Numbered[]>();
	for (const invoice of live)
		byNumber.set(invoice.number, [...(byNumber.get(invoice.number) ?? []), invoice]);
	const taken = new Set(live.map((i) => i.number));
	const plan: ClashPlan = { renumber: [], unresolved: [] };
	for (const [number, group] of byNumber) {
		if (group.length < 2) continue;
		const ordered = [...group].sort(
			(a, b) =>
				Number(a.status === 'draft') - Number(b.status === 'draft') ||
				a.createdAt.localeCompare(b.createdAt) ||
				a.id.localeCompare(b.id)
		);
		const [, ...others] = ordered;
		const sentOthers = others.filter((i) => i.status !== 'draft');
		for (const draft of others.filter((i) => i.status === 'draft')) {
			const to = nextInvoiceNumber(formatOf(draft.kind ?? 'invoice'), draft.issueDate, taken);
			taken.add(to);
			plan.renumber.push({ id: draft.id, from: number, to });
		}
		if (sentOthers.length > 0) {
			plan.unresolved.push({ number, ids: [ordered[0]!.id, ...sentOthers.map((i) => i.id)] });
		}
	}
	return plan;
}
