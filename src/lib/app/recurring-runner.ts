/**
 * Makes the invoices of every running schedule whose dates have come (invoice/recurring.ts).
 * Runs when the app starts, when the day changes and when schedules change; one tab at a time.
 */
import { issue, type IssueContext } from '../invoice/issue';
import { nextInvoiceNumber } from '../invoice/numbering';
import { generatedInvoiceId, occurrencesUntil, scheduledInvoice } from '../invoice/recurring';
import type { BusinessProfile, Client, Invoice, Schedule } from '../invoice/schema';
import type { Repository } from '../storage/repository';
import { keepLogo } from './logo-records';

export interface RecurringDeps {
	repository: Repository;
	schedules: readonly Schedule[];
	profile: BusinessProfile;
	clientsById: ReadonlyMap<string, Client>;
	today: string;
	/** The number and date format an issued invoice prints in now. */
	locale: string;
}

/** Returns the invoices made, oldest first. */
export async function runSchedules(deps: RecurringDeps): Promise<Invoice[]> {
	const { repository, profile } = deps;
	const made: Invoice[] = [];
	const numbers = (await repository.all('invoices')).map((invoice) => invoice.number);
	for (const schedule of deps.schedules) {
		if (schedule.paused || schedule.deleted) continue;
		for (const date of occurrencesUntil(schedule, deps.today)) {
			// Made before, here or on another device, or made and deleted: never again.
			if (await repository.get('invoices', generatedInvoiceId(schedule.id, date))) continue;
			const number = nextInvoiceNumber(profile.numberFormat, date, numbers);
			numbers.push(number);
			let invoice = scheduledInvoice(schedule, date, number) as Invoice;
			if (schedule.issue) {
				// Issued "on" its date, so every device makes the same record.
				const context: IssueContext = {
					profile,
					client: deps.clientsById.get(schedule.clientId),
					at: `${date}T00:00:00.000Z`,
					locale: deps.locale,
					logo: (await keepLogo(repository, profile)) ?? ''
				};
				invoice = issue(invoice, context);
			}
			made.push(await repository.save('invoices', invoice));
		}
	}
	return made;
}
