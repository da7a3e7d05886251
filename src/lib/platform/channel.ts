/** Messages between open tabs of the app, behind an interface so tests can pair fakes. */
export interface TabChannel<T> {
	post(message: T): void;
	subscribe(handler: (message: T) => void): () => void;
}

export function browserTabChannel<T>(name: string): TabChannel<T> {
	const channel = new BroadcastChannel(name);
	return {
		post: (message) => channel.postMessage(message),
		subscribe(handler) {
			const listener = (event: MessageEvent<T>) => handler(event.data);
			channel.addEventListener('message', listener);
			return () => channel.removeEventListener('message', listener);
		}
	};
}

/** Channels that deliver to each other but, like BroadcastChannel, never to the sender. */
export class MemoryTabNetwork<T> {
	private readonly handlers = new Set<{ from: object; handler: (m: T) => void }>();

	join(): TabChannel<T> {
		const self = {};
		return {
			post: (message) => {
				for (const h of this.handlers) if (h.from !== self) h.handler(structuredClone(message));
			},
			subscribe: (handler) => {
				const entry = { from: self, handler };
				this.handlers.add(entry);
				return () => this.handlers.delete(entry);
			}
		};
	}
}
