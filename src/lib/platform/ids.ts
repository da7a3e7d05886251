/** Record ids behind an interface, so tests get predictable ones. */
export interface IdSource {
	next(): string;
}

export const randomIds: IdSource = { next: () => crypto.randomUUID() };

export class SequentialIds implements IdSource {
	private count = 0;
	constructor(private readonly prefix = 'id') {}
	next(): string {
		this.count += 1;
		return `${this.prefix}-${this.count}`;
	}
}
