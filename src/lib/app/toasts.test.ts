import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toasts } from './toasts.svelte';

describe('toasts', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => {
		for (const toast of toasts.items) toasts.dismiss(toast.id);
		vi.useRealTimers();
	});

	it('carries an action, and stays at least 10 s so it can be reached', () => {
		const run = vi.fn();
		toasts.show('Payment removed', 'info', 5_000, { label: 'Undo', run });
		const [toast] = toasts.items;
		expect(toast).toMatchObject({ message: 'Payment removed', action: { label: 'Undo' } });
		toast!.action!.run();
		expect(run).toHaveBeenCalledOnce();
		vi.advanceTimersByTime(9_999);
		expect(toasts.items).toHaveLength(1);
		vi.advanceTimersByTime(1);
		expect(toasts.items).toEqual([]);
	});

	it('stays while held (focused or pointed at), and gets its whole time again when let go', () => {
		toasts.show('Payment removed', 'info', 10_000, { label: 'Undo', run: () => {} });
		const id = toasts.items[0]!.id;
		vi.advanceTimersByTime(9_000);
		toasts.hold(id);
		vi.advanceTimersByTime(60_000);
		expect(toasts.items.map((t) => t.id)).toEqual([id]);
		toasts.release(id);
		vi.advanceTimersByTime(9_999);
		expect(toasts.items).toHaveLength(1);
		vi.advanceTimersByTime(1);
		expect(toasts.items).toEqual([]);
	});
});
