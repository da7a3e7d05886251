/**
 * Checks a backup file in a worker of its own (storage/import.worker.ts), started for one
 * import: cancelling terminates it at once.
 */
import type { ImportCheckReply } from '../storage/import.worker';
import type { FileCheck } from './data-transfer';

export const checkInWorker: FileCheck = (file, signal, onPart) =>
	new Promise((resolve, reject) => {
		signal?.throwIfAborted();
		const worker = new Worker(new URL('../storage/import.worker.ts', import.meta.url), {
			type: 'module'
		});
		const finish = () => {
			worker.terminate();
			signal?.removeEventListener('abort', cancel);
		};
		const cancel = () => {
			finish();
			reject(signal?.reason);
		};
		signal?.addEventListener('abort', cancel);
		worker.onmessage = ({ data }: MessageEvent<ImportCheckReply>) => {
			if (data.kind === 'records') return onPart(data.changes);
			finish();
			if (data.kind === 'failed') reject(new Error(data.message));
			else resolve(data.error ? { ok: false, error: data.error } : { ok: true, changes: [] });
		};
		// The worker's script did not load or crashed: no reply will come.
		worker.onerror = (event) => {
			event.preventDefault();
			finish();
			reject(new Error('the file checker stopped unexpectedly'));
		};
		worker.postMessage(file);
	});
