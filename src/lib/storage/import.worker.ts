/// <reference lib="webworker" />
/**
 * Reads and checks a backup file off the page's thread (transfer.ts parseImport): at 100,000
 * invoices that takes seconds, during which the page keeps painting the progress and can be
 * cancelled (by terminating the worker). The records come back in parts as they are checked:
 * the page takes each in while the rest is checked, and never stops for long.
 */
import type { Change } from './record-store';
import { IMPORT_PART_SIZE, parseImport } from './transfer';

export type ImportCheckReply =
	| { kind: 'records'; changes: Change[] }
	| { kind: 'done'; error?: string }
	| { kind: 'failed'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: ImportCheckReply) => scope.postMessage(message);

scope.onmessage = async ({ data: file }: MessageEvent<File>) => {
	try {
		// Parts go out while the rest is checked: the page takes them in meanwhile.
		const parsed = parseImport(await file.text(), file.size, {
			partSize: IMPORT_PART_SIZE,
			onPart: (changes) => reply({ kind: 'records', changes })
		});
		if (!parsed.ok) return reply({ kind: 'done', error: parsed.error });
		reply({ kind: 'records', changes: parsed.changes });
		reply({ kind: 'done' });
	} catch (error) {
		reply({ kind: 'failed', message: (error as Error).message });
	}
};
