import { EMPTY_QUERY, type InvoiceQuery } from '../invoice/list-query';

/** The history page's filters, kept for the session so returning from an invoice keeps them. */
export const invoiceQuery: InvoiceQuery = $state({ ...EMPTY_QUERY });
export const listPaging = $state({ page: 0 });
