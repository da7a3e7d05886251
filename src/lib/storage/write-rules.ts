/**
 * What the repository checks and merges writes with: the record schemas (and valibot), the
 * invoice activity log, the rules of issued invoices, field merging and import planning. Its
 * own module, loaded with the first write, so reading the data for the first page waits for
 * none of it.
 */
import * as v from 'valibot';
import {
	BusinessProfileSchema,
	ClientSchema,
	InvoiceSchema,
	LogoSchema,
	ScheduleSchema,
	fieldProblems
} from '../invoice/schema';
import type { CollectionName, Collections } from './record-store';
import { ValidationError } from './repository';

export { appendActivity, describeChange } from '../invoice/activity';
export { issuedChangeProblem, IssuedInvoiceError } from '../invoice/issue';
export { changedFields, mergeFields } from './field-merge';
export { copyOf, planImport } from './import-plan';
export { lineageOf } from './lineage';
export { oversize, tombstoneOf } from './item-size';

export const SCHEMAS = {
	invoices: InvoiceSchema,
	clients: ClientSchema,
	profile: BusinessProfileSchema,
	schedules: ScheduleSchema,
	logos: LogoSchema
} as const;

/** The record, as its collection's schema reads it; a ValidationError naming what is wrong. */
export function validate<K extends CollectionName>(collection: K, value: unknown): Collections[K] {
	const result = v.safeParse(SCHEMAS[collection], value);
	if (!result.success) throw new ValidationError(fieldProblems(result.issues));
	return result.output as Collections[K];
}
