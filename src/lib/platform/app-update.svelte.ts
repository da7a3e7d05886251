import { SKIP_WAITING, WHICH_VERSION } from './app-versions';

/** The parts of the browser's service worker objects this uses, so tests can fake them. */
export interface UpdateWorker extends EventTarget {
	readonly state: string;
	postMessage(message: unknown, transfer: Transferable[]): void;
}

export interface UpdateRegistration extends EventTarget {
	readonly installing: UpdateWorker | null;
	readonly waiting: UpdateWorker | null;
}

export interface UpdateContainer extends EventTarget {
	readonly controller: UpdateWorker | null;
	register(url: string, options?: RegistrationOptions): Promise<UpdateRegistration>;
}

export interface AppUpdateDeps {
	container: UpdateContainer;
	/** The version this page runs. */
	version: string;
	versionOf: (worker: UpdateWorker) => Promise<string>;
	reload: () => void;
}

/**
 * Registers the service worker and tells the page when another version is ready. A new
 * worker installs in the background and waits; the page swaps to it only when its user
 * presses Reload (docs/hosting.md, Updates).
 */
export class AppUpdate {
	/** A worker of another version than this page's waits, or already serves this page. */
	ready = $state(false);
	#registration: UpdateRegistration | undefined;
	#applying = false;

	constructor(private readonly deps: AppUpdateDeps) {}

	async start(url: string, options?: RegistrationOptions): Promise<void> {
		const { container } = this.deps;
		container.addEventListener('controllerchange', () => {
			if (this.#applying) return this.deps.reload();
			// The first worker taking the page over, or another tab's Reload moving every tab
			// to the new worker: this page is never reloaded under its user.
			void this.#offerIfOther(container.controller);
		});
		const registration = await container.register(url, options);
		this.#registration = registration;
		this.#watch(registration.waiting);
		this.#watch(registration.installing);
		registration.addEventListener('updatefound', () => this.#watch(registration.installing));
	}

	/** Asks the waiting worker to take over; the page reloads once it has. */
	apply(): void {
		const waiting = this.#registration?.waiting;
		if (!waiting) return this.deps.reload();
		this.#applying = true;
		waiting.postMessage(SKIP_WAITING, []);
	}

	#watch(worker: UpdateWorker | null): void {
		if (!worker) return;
		const check = () => {
			if (worker.state === 'installed') void this.#offerIfOther(worker);
		};
		check();
		worker.addEventListener('statechange', check);
	}

	/**
	 * Pages load from the network first, so the first page opened after a deploy already
	 * runs the new version under the old worker: a Reload would change nothing for it.
	 */
	async #offerIfOther(worker: UpdateWorker | null): Promise<void> {
		if (worker && (await this.deps.versionOf(worker)) !== this.deps.version) this.ready = true;
	}
}

/** Asks a worker which version it is (src/service-worker.ts answers on the port). */
export function askVersion(worker: UpdateWorker): Promise<string> {
	const channel = new MessageChannel();
	const answer = new Promise<string>((resolve) => {
		channel.port1.onmessage = (event) => resolve(String(event.data));
	});
	worker.postMessage(WHICH_VERSION, [channel.port2]);
	return answer;
}
