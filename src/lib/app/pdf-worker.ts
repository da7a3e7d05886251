/**
 * Runs PDF jobs in one worker (pdf/pdf.worker.ts), started on first use and kept, so the
 * fonts parsed for one PDF serve the next. Terminating it is the only way to stop work
 * already running, so cancelling does that; the next PDF starts a fresh worker.
 */
import type { AttachedXml } from '../einvoice/pdf-attachment';
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

type Answer = Extract<PdfReply, { kind: 'done' | 'attachment' }>;

interface Pending {
	resolve: (answer: Answer) => void;
	reject: (error: Error) => void;
	onProgress?: Progress;
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
		if (data.kind === 'progress') return job.onProgress?.(data.fraction);
		pending.delete(data.id);
		if (data.kind === 'failed') job.reject(new Error(data.message));
		else job.resolve(data);
	};
	// The worker's script did not load or crashed: no reply will come.
	started.onerror = (event) => {
		event.preventDefault();
		stop(new Error('the PDF worker stopped unexpectedly'));
	};
	return started;
}

type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Sends one request; `result` settles with its answer. */
function send(
	request: Unsent<PdfRequest>,
	onProgress?: Progress,
	transfer: Transferable[] = []
): { id: number; result: Promise<Answer> } {
	worker ??= start();
	const id = nextId++;
	const result = new Promise<Answer>((resolve, reject) =>
		pending.set(id, { resolve, reject, onProgress })
	);
	worker.postMessage({ ...request, id } as PdfRequest, transfer);
	return { id, result };
}

export function renderInWorker(
	model: PdfDocumentModel,
	onProgress: Progress,
	facturX?: string
): PdfJob {
	const request = { kind: 'render' as const, model, ...(facturX ? { facturX } : {}) };
	const { id, result } = send(request, onProgress);
	return {
		result: result.then((answer) => (answer as Extract<Answer, { kind: 'done' }>).pdf),
		cancel: () => {
			if (pending.has(id)) stop(new PdfCancelled());
		}
	};
}

/** The e-invoice XML attached to a PDF (einvoice/pdf-attachment.ts), found in the worker. */
export async function attachedXmlInWorker(pdf: Uint8Array, maxBytes: number): Promise<AttachedXml> {
	// A copy is handed over: the caller's bytes stay usable (for Bedrock, when there is no XML).
	const copy = pdf.slice();
	const { result } = send({ kind: 'attachment', pdf: copy, maxBytes }, undefined, [copy.buffer]);
	return ((await result) as Extract<Answer, { kind: 'attachment' }>).attached;
}
