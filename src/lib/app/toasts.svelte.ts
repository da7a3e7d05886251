/** A button a toast offers ("Undo"); pressing it also dismisses the toast. */
export interface ToastAction {
	label: string;
	run: () => void;
}

export interface Toast {
	id: number;
	message: string;
	tone: 'info' | 'error';
	action?: ToastAction;
}

const ACTION_MS = 10_000;

/** Short-lived notices ("Invoice saved"), read out by screen readers. */
class Toasts {
	#items = $state<Toast[]>([]);
	#next = 1;
	/** Each shown toast's time and running timer (none while held). */
	#timers = new Map<number, { ms: number; timer?: ReturnType<typeof setTimeout> }>();

	get items(): readonly Toast[] {
		return this.#items;
	}

	/** A toast with an action stays at least ACTION_MS, time to reach its button. */
	show(message: string, tone: Toast['tone'] = 'info', ms = 5000, action?: ToastAction): void {
		const id = this.#next++;
		this.#items = [...this.#items, { id, message, tone, ...(action ? { action } : {}) }];
		this.#timers.set(id, { ms: action ? Math.max(ms, ACTION_MS) : ms });
		this.release(id);
	}

	/** Keeps a toast while it is focused or pointed at, so its action can be reached in time. */
	hold(id: number): void {
		clearTimeout(this.#timers.get(id)?.timer);
	}

	/** Lets a held toast go, with its whole time again. */
	release(id: number): void {
		const entry = this.#timers.get(id);
		if (!entry) return;
		clearTimeout(entry.timer);
		entry.timer = setTimeout(() => this.dismiss(id), entry.ms);
	}

	dismiss(id: number): void {
		clearTimeout(this.#timers.get(id)?.timer);
		this.#timers.delete(id);
		this.#items = this.#items.filter((t) => t.id !== id);
	}
}

export const toasts = new Toasts();
