/**
 * How a document leaves the browser: the system share sheet with the file where the browser
 * can share files (phones, some desktops), else the user's mail program through a mailto:
 * address (which cannot carry an attachment).
 */
export interface MailChannel {
	canShareFile(file: File): boolean;
	/** Rejects with an AbortError when the user closes the share sheet. */
	share(data: { files: File[]; title: string; text: string }): Promise<void>;
	openMail(href: string): void;
}

export const browserMail: MailChannel = {
	canShareFile: (file) =>
		typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] }),
	share: (data) => navigator.share(data),
	// _self: a mail program opens; the page stays where it is.
	openMail: (href) => void window.open(href, '_self')
};

/** Records what would have left the browser (unit tests). */
export class MemoryMail implements MailChannel {
	shared: { files: File[]; title: string; text: string }[] = [];
	opened: string[] = [];
	constructor(
		private readonly sharing: boolean,
		private readonly answer: () => Promise<void> = async () => {}
	) {}
	canShareFile(): boolean {
		return this.sharing;
	}
	async share(data: { files: File[]; title: string; text: string }) {
		await this.answer();
		this.shared.push(data);
	}
	openMail(href: string) {
		this.opened.push(href);
	}
}
