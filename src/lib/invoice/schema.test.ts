import { describe, expect, it } from 'vitest';
import { makeInvoice, makeProfile } from '../testing/factories';
import { withoutMeta } from './schema';

describe('withoutMeta', () => {
	it('keeps the id and the content, and drops the sync metadata, history included', () => {
		const invoice = makeInvoice({ notes: 'PO 4711', history: ['2025-12-31T00:00:00.000Z-0000-x'] });
		const draft = withoutMeta(invoice);
		expect(draft).toEqual({
			id: invoice.id,
			number: invoice.number,
			clientId: invoice.clientId,
			clientName: invoice.clientName,
			issueDate: invoice.issueDate,
			dueDate: invoice.dueDate,
			currency: invoice.currency,
			lines: invoice.lines,
			discount: invoice.discount,
			notes: 'PO 4711',
			status: invoice.status,
			payments: invoice.payments
		});
		expect(Object.keys(withoutMeta(makeProfile()))).not.toContain('hlc');
	});
});
