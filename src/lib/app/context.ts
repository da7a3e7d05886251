import { getContext, setContext } from 'svelte';
import type { AppData } from './app-data.svelte';

const KEY = Symbol('invoicelab-app');

export function provideApp(app: AppData): void {
	setContext(KEY, app);
}

export function useApp(): AppData {
	const app = getContext<AppData | undefined>(KEY);
	if (!app) throw new Error('useApp() called outside the app layout');
	return app;
}
