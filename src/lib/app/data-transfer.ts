import { invoicesCsv } from '../invoice/invoice-csv';
import type { InvoiceRow } from '../invoice/list-query';
import { BUSINESS_PROFILE_ID } from '../invoice/schema';
import type { ImportCounts } from '../storage/import-plan';
import type { Repository } from '../storage/repository';
import { buildSnapshot, MAX_IMPORT_BYTES, parseImport } from '../storage/transfer';
import { downloadFile } from './downloads';
import { settleImportedPaid } from './invoice-actions';

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
	| { ok: false; error: string };

/**
 * Validates the whole file first; only then writes, in one transaction. Invoices marked paid
 * without payments covering them are then settled (settleImportedPaid), as edits here.
 */
export async function importJsonFile(
	repository: Repository,
	file: File,
	{ today, newId }: { today: string; newId: () => string }
): Promise<ImportOutcome> {
	if (file.size > MAX_IMPORT_BYTES) {
		return parseImport('', file.size) as ImportOutcome;
	}
	const parsed = parseImport(await file.text(), file.size);
	if (!parsed.ok) return parsed;
	let counts: ImportCounts;
	try {
		counts = await repository.merge(parsed.changes);
	} catch (error) {
		return { ok: false, error: `Nothing was imported: ${(error as Error).message}` };
	}
	const invoices = parsed.changes.flatMap((c) => (c.collection === 'invoices' ? [c.record] : []));
	return {
		ok: true,
		counts,
		settled: await settleImportedPaid(repository, invoices, today, newId)
	};
}
