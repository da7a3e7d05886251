import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { embedFacturX } from '../src/lib/pdf/factur-x';
import { openNewInvoice } from './helpers';

const example = (name: string) =>
	readFileSync(
		fileURLToPath(new URL(`../../shared/validators/en16931/examples/${name}`, import.meta.url))
	);
const XRECHNUNG = example('XRechnung-O.xml');

/** A Factur-X PDF around the official CII example, as another program would send it. */
async function facturX(): Promise<Buffer> {
	const doc = await PDFDocument.create();
	doc.addPage([200, 200]);
	const xml = example('CII_example1.xml').toString('utf8');
	const date = new Date('2026-03-01T10:00:00Z');
	return Buffer.from(await embedFacturX(await doc.save(), xml, { title: 'Invoice', date }));
}

test('without AWS, an XRechnung file fills the editor in the browser and saves as an invoice; a Factur-X PDF too', async ({
	page
}) => {
	await page.goto('./');
	await expect(page.getByRole('status')).toContainText('Local only');
	await openNewInvoice(page);
	await page.getByRole('button', { name: 'Fill from document…' }).click();
	const choose = page.getByRole('button', { name: 'Choose a document…' });
	await expect(choose).toBeEnabled();
	await expect(page.getByText('Only e-invoices can be read now.')).toBeVisible();

	// A photo needs Bedrock: without AWS it is named, not sent anywhere.
	await page.getByLabel('Document').setInputFiles({
		name: 'receipt.png',
		mimeType: 'image/png',
		buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])
	});
	await expect(page.getByRole('alert')).toContainText(
		'receipt.png is not an e-invoice, and without AWS only e-invoices'
	);

	// The browser's own parser: what it cannot parse is named.
	await page.getByLabel('Document').setInputFiles({
		name: 'broken.xml',
		mimeType: 'application/xml',
		buffer: Buffer.from('<Invoice><ID>1</Invoice>')
	});
	await expect(page.getByRole('alert')).toHaveText('broken.xml: It is not well-formed XML.');

	const chooser = page.waitForEvent('filechooser');
	await choose.click();
	await (
		await chooser
	).setFiles({ name: 'XRechnung-O.xml', mimeType: 'application/xml', buffer: XRECHNUNG });
	await expect(
		page.getByText(
			'Filled client, invoice number, issue date, due date (from your payment terms), currency, buyer reference, 4 lines from XRechnung-O.xml, a CII invoice from XX to XX. Check them, then Save invoice.'
		)
	).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.getByText('due date: 2021-01-01 is before the issue date')).toBeVisible();
	await expect(page.getByLabel('Client')).toHaveValue('XX');
	await expect(page.getByLabel('Invoice number')).toHaveValue('150377292');
	await expect(page.getByLabel('Issue date')).toHaveValue('2021-01-14');
	await expect(page.getByLabel('Description')).toHaveCount(4);
	await expect(page.getByLabel('Description').nth(2)).toHaveValue('Versicherungssteuer');
	await expect(page.getByLabel('Unit price').nth(1)).toHaveValue('252646.80');
	await expect(page.getByLabel('VAT category').first()).toHaveValue('O');
	await expect(page.getByLabel('Total', { exact: true })).toHaveText('€385,544.60');

	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByRole('heading', { name: 'Invoice 150377292' })).toBeVisible();
	await expect(page.getByLabel('Total', { exact: true })).toHaveText('€385,544.60');
	// The document's reason for not charging VAT is the invoice's exemption note.
	await expect(page.getByText('Versicherungen sind von der Umsatzsteuer befreit.')).toBeVisible();

	// A Factur-X PDF: its XML is found in the PDF worker and read the same way.
	await openNewInvoice(page);
	await page.getByRole('button', { name: 'Fill from document…' }).click();
	await page
		.getByLabel('Document')
		.setInputFiles({ name: 'bill.pdf', mimeType: 'application/pdf', buffer: await facturX() });
	await expect(
		page.getByText(
			/ 20 lines from bill\.pdf \(its factur-x\.xml\), a CII invoice from De Koksmaat to ODIN 59\./
		)
	).toBeVisible();
	await expect(page.getByLabel('Client')).toHaveValue('ODIN 59');
	await expect(page.getByLabel('Description')).toHaveCount(20);
});
