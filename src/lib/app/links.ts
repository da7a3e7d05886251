import { resolve } from '$app/paths';

// Record pages are prerendered once and pick their record from the query string, so the
// path is resolve()d here and the id appended. (The lint rule cannot follow query strings,
// hence the disable comments where these are navigated to.)
const withId = (path: string, id: string) => `${path}?id=${encodeURIComponent(id)}`;

export const invoiceViewHref = (id: string) => withId(resolve('/invoices/view/'), id);
export const invoiceEditHref = (id: string) => withId(resolve('/invoices/edit/'), id);
export const clientEditHref = (id: string) => withId(resolve('/clients/edit/'), id);
export const newQuoteHref = () => `${resolve('/invoices/new/')}?kind=quote`;
export const newScheduleHref = (invoiceId: string) => withId(resolve('/recurring/new/'), invoiceId);
