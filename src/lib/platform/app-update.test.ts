import { describe, expect, it } from 'vitest';
import { SKIP_WAITING } from './app-versions';
import {
	AppUpdate,
	type UpdateContainer,
	type UpdateRegistration,
	type UpdateWorker
} from './app-update.svelte';

class FakeWorker extends EventTarget implements UpdateWorker {
	state = 'installing';
	readonly messages: unknown[] = [];
	constructor(readonly version: string) {
		super();
	}
	postMessage(message: unknown): void {
		this.messages.push(message);
	}
	to(state: string): void {
		this.state = state;
		this.dispatchEvent(new Event('statechange'));
	}
}

class FakeRegistration extends EventTarget implements UpdateRegistration {
	installing: FakeWorker | null = null;
	waiting: FakeWorker | null = null;
	/** A new worker was found and installs. */
	found(version: string): FakeWorker {
		const worker = new FakeWorker(version);
		this.installing = worker;
		this.dispatchEvent(new Event('updatefound'));
		return worker;
	}
	/** It installed and waits for the tabs of the worker before it. */
	installed(worker: FakeWorker): void {
		this.installing = null;
		this.waiting = worker;
		worker.to('installed');
	}
}

class FakeContainer extends EventTarget implements UpdateContainer {
	constructor(
		public controller: FakeWorker | null,
		readonly registration: FakeRegistration
	) {
		super();
	}
	register = () => Promise.resolve(this.registration);
	/** A worker takes this page over. */
	control(worker: FakeWorker): void {
		this.controller = worker;
		this.dispatchEvent(new Event('controllerchange'));
	}
}

/** A page of version 1. */
async function started(controller: FakeWorker | null, registration = new FakeRegistration()) {
	const container = new FakeContainer(controller, registration);
	let reloads = 0;
	const update = new AppUpdate({
		container,
		version: '1',
		versionOf: (worker) => Promise.resolve((worker as FakeWorker).version),
		reload: () => reloads++
	});
	await update.start('./service-worker.js');
	return { update, container, registration: container.registration, reloads: () => reloads };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AppUpdate', () => {
	it('offers nothing on a first visit, when the first worker installs and takes the page', async () => {
		const { update, container, registration } = await started(null);
		const worker = registration.found('1');
		worker.to('installed');
		worker.to('activated');
		container.control(worker);
		await settled();
		expect(update.ready).toBe(false);
	});

	it('offers a Reload once a newer worker waits, and swaps only when asked', async () => {
		const { update, container, registration, reloads } = await started(new FakeWorker('1'));
		const worker = registration.found('2');
		await settled();
		expect(update.ready).toBe(false);
		registration.installed(worker);
		await settled();
		expect(update.ready).toBe(true);
		expect(worker.messages).toEqual([]);

		update.apply();
		expect(worker.messages).toEqual([SKIP_WAITING]);
		expect(reloads()).toBe(0);
		container.control(worker);
		expect(reloads()).toBe(1);
	});

	it('offers a Reload for a worker that was already waiting when the page opened', async () => {
		const registration = new FakeRegistration();
		registration.waiting = new FakeWorker('2');
		registration.waiting.state = 'installed';
		const { update } = await started(new FakeWorker('1'), registration);
		await settled();
		expect(update.ready).toBe(true);
	});

	it('offers nothing when the page already runs the waiting version (loaded after the deploy)', async () => {
		const registration = new FakeRegistration();
		registration.waiting = new FakeWorker('1');
		registration.waiting.state = 'installed';
		const { update } = await started(new FakeWorker('0'), registration);
		await settled();
		expect(update.ready).toBe(false);
	});

	it('never reloads by itself when another tab’s Reload moves the worker on', async () => {
		const { update, container, registration, reloads } = await started(new FakeWorker('1'));
		const worker = registration.found('2');
		registration.installed(worker);
		registration.waiting = null;
		worker.to('activated');
		container.control(worker);
		await settled();
		expect(reloads()).toBe(0);
		expect(update.ready).toBe(true);
		// This page still runs the old code; Reload now simply reloads.
		update.apply();
		expect(reloads()).toBe(1);
	});

	it('offers a Reload when a deploy came between the page and its first worker', async () => {
		const { update, container, registration } = await started(null);
		const worker = registration.found('2');
		worker.to('installed');
		worker.to('activated');
		container.control(worker);
		await settled();
		expect(update.ready).toBe(true);
	});
});
