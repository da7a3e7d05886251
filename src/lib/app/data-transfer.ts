import { invoicesCsv } from '../invoice/invoice-csv';
import type { InvoiceRow } from '../invoice/list-query';
import { BUSINESS_PROFILE_ID } from '../invoice/schema';
import type { ImportCounts } from '../storage/import-plan';
import type { Change } from '../storage/record-store';
import type { Repository } from '../storage/repository';
import {
	buildSnapshot,
	IMPORT_PART_SIZE,
	MAX_IMPORT_BYTES,
	parseImport,
	type ParseResult
} from '../storage/transfer';
import { downloadFile } from './downloads';
import { settlement } from './invoice-actions';

export async function exportJson(repository: Repository, now: Date): Promise<void> {
	const backup = await backupFile(repository, now);
	downloadFile(backup.name, backup.text, 'application/json');
}

/** The JSON backup of every record (tombstones too), and its file name. */
export async function backupFile(repository: Repository, now: Date) {
	const { profile: profiles, clients, invoices, schedules, logos } = await repository.exportAll();
	const profile = profiles.find((p) => p.id === BUSINESS_PROFILE_ID) ?? null;
	const snapshot = buildSnapshot(
		{ profile, clients, invoices, schedules, logos },
		now.toISOString()
	);
	return {
		name: `invoicelab-${now.toISOString().slice(0, 10)}.json`,
		text: JSON.stringify(snapshot, null, 1)
	};
}

export function exportCsv(rows: readonly InvoiceRow[], today: string): void {
	downloadFile(`invoices-${today}.csv`, invoicesCsv(rows), 'text/csv;charset=utf-8');
}

export type ImportOutcome =
	| {
			ok: true;
			counts: ImportCounts;
			/** Numbers of invoices marked paid in the file that were given a payment of the balance. */
			settled: string[];
	  }
	| { ok: false; error: string }
	| { ok: false; cancelled: true };

/** Where an import is: checking the whole file, then writing `done` of `total` records. */
export type ImportProgress =
	{ step: 'checking' } | { step: 'writing'; done: number; total: number };

/**
 * Reads and checks a backup file (parseImport): here, or in a worker (app/import-worker.ts).
 * Checked records go to `onPart` as they are checked; the result holds the rest.
 */
export type FileCheck = (
	file: File,
	signal: AbortSignal | undefined,
	onPart: (changes: Change[]) => void
) => Promise<ParseResult>;

export const checkHere: FileCheck = async (file, _signal, onPart) =>
	parseImport(await file.text(), file.size, { partSize: IMPORT_PART_SIZE, onPart });

export interface ImportOptions {
	today: string;
	newId: () => string;
	/** Cancels the import; nothing is written unless it was already committed. */
	signal?: AbortSignal;
	onProgress?: (progress: ImportProgress) => void;
	check?: FileCheck;
}

/**
 * Validates the whole file first; only then writes, in one transaction. Invoices marked paid
 * without payments covering them are settled (invoice-actions.ts settlement) in that same
 * transaction, as edits here: a cancelled or failed import leaves nothing behind.
 */
export async function importJsonFile(
	repository: Repository,
	file: File,
	{ today, newId, signal, onProgress, check = checkHere }: ImportOptions
): Promise<ImportOutcome> {
	if (file.size > MAX_IMPORT_BYTES) {
		return parseImport('', file.size) as ImportOutcome;
	}
	try {
		onProgress?.({ step: 'checking' });
		// Each part is read and planned while the worker checks the next; nothing is written
		// before the whole file has passed.
		const merging = repository.mergeInParts({
			edit: settlement(today, newId),
			signal,
			sizeChecked: true,
			onProgress: (done, total) => onProgress?.({ step: 'writing', done, total })
		});
		const parsed = await check(file, signal, (part) => merging.add(part));
		if (!parsed.ok) return parsed;
		merging.add(parsed.changes);
		const { edited, ...counts } = await merging.done();
		return { ok: true, counts, settled: edited.map((invoice) => invoice.number) };
	} catch (error) {
		if (signal?.aborted) return { ok: false, cancelled: true };
		return { ok: false, error: `Nothing was imported: ${(error as Error).message}` };
	}
}
