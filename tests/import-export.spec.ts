import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { buildSnapshot } from '../src/lib/storage/transfer';
import { makeInvoice } from '../src/lib/testing/factories';
import { createInvoice, openInvoices } from './helpers';

async function exportJson(page: Page): Promise<Record<string, unknown>> {
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await page.getByRole('tab', { name: 'Data' }).click();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export JSON' }).click();
	const file = await (await download).path();
	const json = JSON.parse(await readFile(file, 'utf8'));
	delete json.exportedAt;
	return json;
}

/** A backup of `copies` versions of `invoice` under other ids, made in the page. */
type Copies = { invoice: object; copies: number };

/** Imports a file of this text, of this many megabytes of spaces, or of copies of an invoice
 * (made in the page: tens of MB through the browser protocol take longer than a test may on a
 * busy machine). */
async function importJson(
	page: Page,
	name: string,
	content: string | { megabytes: number } | Copies
) {
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await page.getByRole('tab', { name: 'Data' }).click();
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Import JSON' }).click();
	if (typeof content === 'string') {
		await (
			await chooser
		).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
		return;
	}
	const envelope = JSON.stringify(buildSnapshot({ profile: null, clients: [], invoices: [] }, ''));
	await (await chooser).element().evaluate(
		(input, { name, content, envelope }) => {
			// One megabyte, referenced again and again: the file is never copied whole.
			const megabyte = new Blob([' '.repeat(1024 * 1024)]);
			const parts =
				'megabytes' in content
					? Array.from({ length: content.megabytes }, () => megabyte)
					: [
							envelope.replace(
								'"invoices":[]',
								`"invoices":[${Array.from({ length: content.copies }, (_, i) =>
									JSON.stringify({ ...content.invoice, id: `copy-${i}`, number: `COPY-${i}` })
								).join(',')}]`
							)
						];
			const files = new DataTransfer();
			files.items.add(new File(parts, name, { type: 'application/json' }));
			(input as HTMLInputElement).files = files.files;
			input.dispatchEvent(new Event('change', { bubbles: true }));
		},
		{ name, content, envelope }
	);
}

async function seed(page: Page) {
	await page.goto('./settings/');
	await page.getByLabel('Business name').fill('Studio Ñandú');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Business settings saved')).toBeVisible();
	const a = await createInvoice(page, {
		client: 'Łódź Bakery',
		lines: [{ description: 'Bread', quantity: '3', unitPrice: '2.10', taxRate: '7' }]
	});
	await page.getByRole('button', { name: 'Mark as sent' }).click();
	await page.getByRole('button', { name: 'Record payment' }).waitFor();
	await page.getByLabel(/^Amount/).fill('1');
	await page.getByRole('button', { name: 'Record payment' }).click();
	await expect(page.getByText('Payment recorded', { exact: true })).toBeVisible();
	const b = await createInvoice(page, {
		client: 'Tokyo KK',
		currency: 'JPY',
		lines: [{ description: 'Ramen', unitPrice: '1200' }]
	});
	return [a, b];
}

test('export → import reproduces the same data, and importing twice doubles nothing', async ({
	page,
	browser
}) => {
	const numbers = await seed(page);
	const exported = await exportJson(page);
	expect((exported.invoices as unknown[]).length).toBe(2);
	const text = JSON.stringify(exported);
	expect(text).not.toMatch(/secret|session.?token/i);

	const fresh = await (await browser.newContext()).newPage();
	await fresh.goto('./');
	await expect(fresh.getByText('No invoices yet')).toBeVisible();
	await importJson(fresh, 'backup.json', text);
	await expect(
		fresh.getByText('Imported backup.json: 5 added, 0 updated, 0 already up to date.')
	).toBeVisible();
	expect(await exportJson(fresh)).toEqual(exported);
	await openInvoices(fresh);
	for (const number of numbers)
		await expect(fresh.getByRole('link', { name: number })).toBeVisible();

	await importJson(fresh, 'backup.json', text);
	await expect(fresh.getByText('0 added, 0 updated, 5 already up to date')).toBeVisible();
	expect(await exportJson(fresh)).toEqual(exported);
});

test('each bad import says what is wrong and leaves the data untouched', async ({ page }) => {
	await seed(page);
	const before = await exportJson(page);
	const good = JSON.stringify(before);
	const badRecord = JSON.parse(good);
	badRecord.invoices[1].lines[0].unitPrice = 'twelve';
	const cases: [string, string | { megabytes: number }, RegExp][] = [
		['truncated.json', good.slice(0, good.length - 40), /not valid JSON — it may be truncated/],
		['malformed.json', '{"format": invoicelab', /not valid JSON/],
		['wrong-shape.json', JSON.stringify({ hello: 'world' }), /not an InvoiceLab export/],
		['bad-record.json', JSON.stringify(badRecord), /invoices\[1\]: lines\.0\.unitPrice/],
		['huge.json', { megabytes: 201 }, /largest import is 200\.0 MB/]
	];
	for (const [name, content, message] of cases) {
		await importJson(page, name, content);
		const alert = page.getByRole('alert');
		await expect(alert).toContainText(`${name} was not imported`);
		await expect(alert).toContainText(message);
		await expect(alert).toContainText('Nothing was changed');
		expect(await exportJson(page)).toEqual(before);
	}
});

test('a bad value is quoted short and printable; a paid invoice without payments is settled', async ({
	page
}) => {
	await page.goto('./');
	await expect(page.getByText('No invoices yet')).toBeVisible();
	const paid = makeInvoice({ status: 'paid', updatedAt: '2026-01-15T10:00:00.000Z' });
	const empty = buildSnapshot({ profile: null, clients: [], invoices: [] }, '2026-03-01T00:00:00Z');
	const file = (invoices: object[]) => JSON.stringify({ ...empty, invoices });

	await importJson(page, 'bad.json', file([{ ...paid, status: `${'x'.repeat(10_000)}\u0000` }]));
	const alert = page.getByRole('alert');
	await expect(alert).toContainText(`received "${'x'.repeat(60)}…"`);
	expect((await alert.textContent())!.length).toBeLessThan(400);

	await importJson(page, 'paid.json', file([paid]));
	await expect(
		page.getByText(
			`Marked paid without payments covering the total, so given a payment of the balance: ${paid.number}.`
		)
	).toBeVisible();
});

test('a big import shows its progress, and cancelled while writing, changes nothing', async ({
	page
}) => {
	const numbers = await seed(page);
	const before = await exportJson(page);
	await importJson(page, 'big.json', { invoice: makeInvoice({ status: 'sent' }), copies: 20_000 });
	await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
	await expect(page.getByText('Writing the records…')).toBeVisible();
	await page.getByRole('button', { name: 'Cancel import' }).click();
	await expect(
		page.getByText('The import of big.json was cancelled. Nothing was changed.')
	).toBeVisible();
	await expect(page.getByRole('progressbar')).toHaveCount(0);
	expect(await exportJson(page)).toEqual(before);
	await openInvoices(page);
	for (const number of numbers)
		await expect(page.getByRole('link', { name: number })).toBeVisible();
	await expect(page.getByRole('link', { name: /^COPY-/ })).toHaveCount(0);
});
