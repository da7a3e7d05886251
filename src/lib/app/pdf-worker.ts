/**
 * Runs PDF jobs in one worker (pdf/pdf.worker.ts), started on first use and kept, so the
 * fonts parsed for one PDF serve the next. Terminating it is the only way to stop work
 * already running, so cancelling does that; the next PDF starts a fresh worker.
 */
import type { PdfDocumentModel } from '../pdf/document-model';
import type { PdfReply, PdfRequest } from '../pdf/pdf.worker';
import type { Progress, RenderedPdf } from '../pdf/render';

export class PdfCancelled extends Error {
	constructor() {
		super('The PDF was cancelled.');
		this.name = 'PdfCancelled';
	}
}

export interface PdfJob {
	result: Promise<RenderedPdf>;
	/** Stops the work at once; `result` rejects with PdfCancelled. */
	cancel(): void;
}

interface Pending {
	resolve: (pdf: RenderedPdf) => void;
	reject: (error: Error) => void;
	onProgress: Progress;
}

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

/** Ends the worker and every job in it (a page runs one PDF at a time). */
function stop(error: Error): void {
	worker?.terminate();
	worker = null;
	for (const job of pending.values()) job.reject(error);
	pending.clear();
}

function start(): Worker {
	const started = new Worker(new URL('../pdf/pdf.worker.ts', import.meta.url), {
		type: 'module'
	});
	started.onmessage = ({ data }: MessageEvent<PdfReply>) => {
		const job = pending.get(data.id);
		if (!job) return;
		if (data.kind === 'progress') return job.onProgress(data.fraction);
		pending.delete(data.id);
		if (data.kind === 'done') job.resolve(data.pdf);
		else job.reject(new Error(data.message));
	};
	// The worker's script did not load or crashed: no reply will come.
	started.onerror = (event) => {
		event.preventDefault();
		stop(new Error('the PDF worker stopped unexpectedly'));
	};
	return started;
}

export function renderInWorker(
	model: PdfDocumentModel,
	onProgress: Progress,
	facturX?: string
): PdfJob {
	worker ??= start();
	const id = nextId++;
	const result = new Promise<RenderedPdf>((resolve, reject) =>
		pending.set(id, { resolve, reject, onProgress })
	);
	worker.postMessage({ id, model, ...(facturX ? { facturX } : {}) } satisfies PdfRequest);
	return {
		result,
		cancel: () => {
			if (pending.has(id)) stop(new PdfCancelled());
		}
	};
}
