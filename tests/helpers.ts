import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { buildSnapshot, type Snapshot } from '../src/lib/storage/transfer';

export interface LineInput {
	description: string;
	quantity?: string;
	unitPrice: string;
	taxRate?: string;
}

export interface InvoiceInput {
	client: string;
	currency?: string;
	lines: LineInput[];
	notes?: string;
}

/** Opens the editor for a new invoice and waits until it is there, not the page it left. */
export async function openNewInvoice(page: Page): Promise<void> {
	await page.getByRole('link', { name: 'New invoice', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'New invoice' })).toBeVisible();
}

/** Creates an invoice through the editor, the way a person would, and waits for its page. */
export async function createInvoice(page: Page, input: InvoiceInput): Promise<string> {
	await openNewInvoice(page);
	await page.getByLabel('Client').fill(input.client);
	if (input.currency) await page.getByLabel('Currency').selectOption(input.currency);
	for (const [index, line] of input.lines.entries()) {
		if (index > 0) await page.getByRole('button', { name: 'Add line' }).click();
		await page.getByLabel('Description').nth(index).fill(line.description);
		await page
			.getByLabel('Quantity')
			.nth(index)
			.fill(line.quantity ?? '1');
		await page.getByLabel('Unit price').nth(index).fill(line.unitPrice);
		await page
			.getByLabel('Tax %')
			.nth(index)
			.fill(line.taxRate ?? '0');
	}
	if (input.notes) await page.getByLabel('Notes and terms').fill(input.notes);
	const number = await page.getByLabel('Invoice number').inputValue();
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
	return number;
}

/** Downloads the open invoice's PDF as `<number>.pdf` and reads its text as a PDF reader would. */
export async function downloadedPdfText(page: Page, number: string): Promise<string> {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe(`${number}.pdf`);
	const path = await file.path();
	return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

/** Opens the Invoices page through the navigation. */
export async function openInvoices(page: Page): Promise<void> {
	await page.getByRole('link', { name: 'Invoices', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Invoices', exact: true })).toBeVisible();
}

/**
 * Fails with every serious or critical axe-core finding on the page as it is now, and with
 * every form control whose accessible name is not exactly its visible label.
 */
export async function expectAccessible(page: Page, label: string) {
	const results = await new AxeBuilder({ page }).analyze();
	const serious = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) => `${label}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
		);
	expect(serious).toEqual([]);
	await expectNamesAreLabels(page, label);
}

/**
 * Screen-reader users and tests find a control by its name, so the name is the label a
 * sighted user reads, nothing more: hints and errors belong in the description.
 */
async function expectNamesAreLabels(page: Page, where: string) {
	const controls = page.locator(
		'input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea'
	);
	const labelled = await controls.evaluateAll((elements) =>
		elements.map((element) => {
			const control = element as HTMLInputElement;
			const sources = control.getAttribute('aria-labelledby')
				? control
						.getAttribute('aria-labelledby')!
						.split(/\s+/)
						.map((id) => document.getElementById(id))
				: [...(control.labels ?? [])];
			const descriptions = new Set(
				[...document.querySelectorAll('[aria-describedby]')].flatMap((e) =>
					e.getAttribute('aria-describedby')!.split(/\s+/)
				)
			);
			// The label as read: visible text, without the control and without any hint or error
			// (text some control points to as its description).
			const seen = (node: Node): string => {
				if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
				if (!(node instanceof HTMLElement)) return '';
				if (node.matches('input, select, textarea, [aria-hidden=true]')) return '';
				if (descriptions.has(node.id) || !node.checkVisibility()) return '';
				return [...node.childNodes].map(seen).join(' ');
			};
			const text = sources
				.map((source) => (source ? seen(source) : ''))
				.join(' ')
				.replace(/\s+/g, ' ')
				.trim();
			return { visible: control.checkVisibility(), text };
		})
	);
	for (const [index, { visible, text }] of labelled.entries()) {
		if (!visible || !text) continue;
		await expect(controls.nth(index), `${where}: control labelled "${text}"`).toHaveAccessibleName(
			text
		);
	}
}

/** Imports records from a backup file through Settings → Data, as a user restoring one would. */
export async function importBackup(
	page: Page,
	data: Pick<Snapshot, 'profile' | 'clients' | 'invoices'>
): Promise<void> {
	const file = JSON.stringify(buildSnapshot(data, new Date().toISOString()));
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await page.getByRole('tab', { name: 'Data' }).click();
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Import JSON' }).click();
	await (
		await chooser
	).setFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(file) });
	await expect(page.getByText(/^Imported backup\.json/)).toBeVisible();
}
