import type { BusinessProfile, Client, Invoice, Schedule } from '../invoice/schema';
import { BUSINESS_PROFILE_ID } from '../invoice/record-meta';
import { creditedByInvoice, creditNotesByInvoice } from '../invoice/documents';
import { PAGE_SIZE, toRow, type InvoiceRow } from '../invoice/list-query';
import { formatsFor, type Formats } from '../invoice/formats';
import type { ActivityStamp } from '../invoice/activity';
import type { IssueContext } from '../invoice/issue';
import { DEFAULT_PROFILE } from '../invoice/profile';
import { isoTime, localDate } from '../platform/clock';
import type { ChangeNotice } from '../storage/repository';
import type { CollectionName, Collections } from '../storage/record-store';
import type { Services } from './services';
import type { PdfSources } from './invoice-pdf';

function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
	return new Map(records.map((r) => [r.id, r]));
}

/**
 * What the pages show: the live (non-deleted) records, kept current by the repository's
 * change notices from this tab and the others. Big lists are `$state.raw` and replaced
 * whole, never mutated in place. The load and the notices are applied one at a time, in
 * order: each read starts after the one before it landed, so a slower, older read can
 * never overwrite what a newer one put in the list.
 */
export class AppData {
	#invoices = $state.raw<Invoice[]>([]);
	#clients = $state.raw<Client[]>([]);
	#profile = $state.raw<BusinessProfile>(DEFAULT_PROFILE);
	#schedules = $state.raw<Schedule[]>([]);
	#pending = $state<number | null>(null);
	#today = $state('');
	#loaded = $state(false);
	#loadFailure = $state<string | null>(null);
	/** The load and the notices so far, applied; the next one starts after it. */
	#applied: Promise<void> = Promise.resolve();
	#everything: Promise<void> | null = null;

	/** What issued credit notes take off each invoice, and the credit notes of each. */
	readonly credited = $derived(creditedByInvoice(this.#invoices));
	readonly creditNotes = $derived(creditNotesByInvoice(this.#invoices));
	readonly rows: InvoiceRow[] = $derived(this.#invoices.map((i) => this.#rowOf(i)));
	/**
	 * Rows already made, by invoice object: a change notice replaces only the changed
	 * invoices, so one save does not redo 100,000 rows' totals.
	 */
	#madeRows = new WeakMap<Invoice, { today: string; credited?: number; row: InvoiceRow }>();
	readonly clientsById = $derived(byId(this.#clients));
	readonly invoicesById = $derived(byId(this.#invoices));
	/** How every page (and the PDF) writes money, numbers and dates: the profile's choice. */
	readonly formats: Formats;

	constructor(readonly services: Services) {
		this.formats = $derived(formatsFor(this.#profile.locale, services.locale));
		this.#today = localDate(services.clock.now());
		services.repository.subscribe(
			(notice) => void this.#inOrder(() => (notice.reset ? this.#load() : this.#refresh(notice)))
		);
	}

	get invoices() {
		return this.#invoices;
	}
	get clients() {
		return this.#clients;
	}
	/** Recurring invoices (invoice/recurring.ts). */
	get schedules() {
		return this.#schedules;
	}
	get profile() {
		return this.#profile;
	}
	/** Changes not yet acknowledged by the cloud (0 until counted, see `pendingKnown`). */
	get pending() {
		return this.#pending ?? 0;
	}
	/** Counting 100,000 pending changes takes a moment: the first page does not wait for it. */
	get pendingKnown() {
		return this.#pending !== null;
	}
	get today() {
		return this.#today;
	}
	/** Every record is read. Until then `invoices` may hold only the newest page (`start`). */
	get loaded() {
		return this.#loaded;
	}
	/** Why the records could not all be read, in words; the app stays on what it has. */
	get loadFailure() {
		return this.#loadFailure;
	}

	/** What issuing `invoice` now copies into it (invoice/issue.ts). */
	issueContext(invoice: Invoice): IssueContext {
		return {
			profile: this.#profile,
			client: this.clientsById.get(invoice.clientId),
			at: isoTime(this.services.clock.now()),
			locale: this.formats.locale
		};
	}

	/** What the invoice's PDF is made from: its client, the business, the logo it prints. */
	pdfSources(invoice: Invoice): PdfSources {
		return {
			profile: this.#profile,
			client: this.clientsById.get(invoice.clientId),
			formats: this.formats,
			// Read only for a PDF: the code comes with it.
			logo: import('./logo-records').then(({ documentLogo }) =>
				documentLogo(this.services.repository, invoice, this.#profile)
			),
			credited: invoice.credits ? this.invoicesById.get(invoice.credits) : undefined
		};
	}

	/** When and where an event happens now, for an invoice's activity log. */
	activityStamp(): ActivityStamp {
		return { at: isoTime(this.services.clock.now()), device: this.services.repository.deviceId };
	}

	get repository() {
		return this.services.repository;
	}
	get aws() {
		return this.services.aws;
	}
	get sync() {
		return this.services.sync;
	}
	get ai() {
		return this.services.ai;
	}

	/**
	 * Reads what the first screen needs: the small collections and the newest page of
	 * invoices, so the list shows before 100,000 invoices are read. `load` reads the rest.
	 */
	start(): Promise<void> {
		const firstPage = this.#inOrder(() => this.#loadFirstPage());
		void this.#inOrder(() => this.#countPending()).catch(() => {});
		return firstPage;
	}

	/**
	 * Reads every record, once; later changes arrive as notices. `loaded` turns true, or
	 * `loadFailure` says why not.
	 */
	load(): Promise<void> {
		return (this.#everything ??= this.#inOrder(() => this.#load()).catch((error: unknown) => {
			this.#loadFailure = error instanceof Error ? error.message : String(error);
			throw error;
		}));
	}

	async #loadFirstPage(): Promise<void> {
		const [newest] = await Promise.all([
			this.services.repository.newestInvoices('invoice', PAGE_SIZE),
			this.#loadSmall()
		]);
		this.services.repository.observe(newest);
		this.#invoices = newest;
	}

	async #load(): Promise<void> {
		const [invoices] = await Promise.all([
			this.services.repository.all('invoices'),
			this.#loadSmall(),
			this.#countPending()
		]);
		this.services.repository.observe(invoices);
		this.#invoices = invoices.filter((r) => !r.deleted);
		this.#loaded = true;
		this.#loadFailure = null;
	}

	async #countPending(): Promise<void> {
		this.#pending = await this.services.store.pendingCount();
	}

	/** Clients, schedules and the profile: few records, read whole. */
	async #loadSmall(): Promise<void> {
		const { repository } = this.services;
		const [clients, profiles, schedules] = await Promise.all([
			repository.all('clients'),
			repository.all('profile'),
			repository.all('schedules')
		]);
		repository.observe([...clients, ...profiles, ...schedules]);
		this.#schedules = schedules.filter((r) => !r.deleted);
		this.#clients = sortClients(clients.filter((r) => !r.deleted));
		this.#profile = profiles.find((p) => p.id === BUSINESS_PROFILE_ID) ?? DEFAULT_PROFILE;
	}

	/** Re-reads the midnight-sensitive state (overdue) when the day changes. */
	tick(): void {
		const today = localDate(this.services.clock.now());
		if (today !== this.#today) this.#today = today;
	}

	async #refresh({ collection, ids }: ChangeNotice): Promise<void> {
		const { repository } = this.services;
		const changed = await repository.getMany(collection, ids);
		const records = changed.filter((r): r is Collections[CollectionName] => r !== undefined);
		repository.observe(records);
		if (collection === 'invoices') {
			this.#invoices = patch(this.#invoices, records as Invoice[]);
		} else if (collection === 'clients') {
			this.#clients = sortClients(patch(this.#clients, records as Client[]));
		} else if (collection === 'schedules') {
			this.#schedules = patch(this.#schedules, records as Schedule[]);
		} else if (collection === 'profile') {
			// Logos are read when a PDF needs one (logo-records.ts), not kept here.
			const profile = (records as BusinessProfile[]).find((p) => p.id === BUSINESS_PROFILE_ID);
			if (profile) this.#profile = profile;
		}
		this.#pending = await this.services.store.pendingCount();
	}

	#rowOf(invoice: Invoice): InvoiceRow {
		const credited = this.credited.get(invoice.id);
		const made = this.#madeRows.get(invoice);
		if (made && made.today === this.#today && made.credited === credited) return made.row;
		const row = toRow(invoice, this.#today, credited);
		this.#madeRows.set(invoice, { today: this.#today, credited, row });
		return row;
	}

	/** Runs `task` once everything queued before it has been applied, even if that failed. */
	#inOrder(task: () => Promise<void>): Promise<void> {
		const run = this.#applied.then(task);
		this.#applied = run.catch(() => {});
		return run;
	}
}

/** Replaces changed records in place of their old versions and drops tombstones. */
function patch<T extends { id: string; deleted: boolean }>(
	list: readonly T[],
	changed: readonly T[]
): T[] {
	// One write may change a record twice (an import and its settling): the last one stands.
	const updates = byId(changed);
	const result = list.filter((r) => !updates.has(r.id));
	for (const record of updates.values()) if (!record.deleted) result.push(record);
	return result;
}

function sortClients(clients: Client[]): Client[] {
	return clients.sort((a, b) => a.name.localeCompare(b.name));
}
