export interface Toast {
	id: number;
	message: string;
	tone: 'info' | 'error';
}

/** Short-lived notices ("Invoice saved"), read out by screen readers. */
class Toasts {
	#items = $state<Toast[]>([]);
	#next = 1;

	get items(): readonly Toast[] {
		return this.#items;
	}

	show(message: string, tone: Toast['tone'] = 'info', ms = 5000): void {
		const id = this.#next++;
		this.#items = [...this.#items, { id, message, tone }];
		setTimeout(() => this.dismiss(id), ms);
	}

	dismiss(id: number): void {
		this.#items = this.#items.filter((t) => t.id !== id);
	}
}

export const toasts = new Toasts();
