/** The words for payments and the one way a typed payment becomes a record. Pure. */
import type { Payment, PaymentMethod } from './schema';

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
	'bank-transfer': 'Bank transfer',
	card: 'Card',
	cash: 'Cash',
	other: 'Other'
};

/** A payment as typed; texts are trimmed and an empty reference is left out, not stored empty. */
export function paymentOf(typed: Required<Payment>): Payment {
	const { reference, note, ...rest } = typed;
	const trimmed = reference.trim();
	return { ...rest, note: note.trim(), ...(trimmed ? { reference: trimmed } : {}) };
}
