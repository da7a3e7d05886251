import { expect, test } from '@playwright/test';
import { jpegHeader, pngHeader } from '../src/lib/testing/images';
import { createInvoice, expectAccessible, openNewInvoice } from './helpers';

const PNG_1PX = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64'
);

test('business settings shape new invoices: numbering, currency, terms and logo', async ({
	page
}) => {
	await page.goto('./settings/');
	await page.getByLabel('Business name').fill('Müller & Söhne');
	await page.getByLabel('Email').fill('buero@mueller.test');
	await page.getByLabel('Default currency').selectOption('EUR');
	await page.getByLabel('Payment terms (days)').fill('14');
	await page.getByLabel('Numbering format').fill('MS-{YY}/{SEQ:3}');
	await expect(page.getByText(/Next: MS-\d\d\/001/)).toBeVisible();

	const logo = page.getByLabel(/^Logo/);
	await logo.setInputFiles({ name: 'logo.gif', mimeType: 'image/gif', buffer: PNG_1PX });
	await expect(page.getByText('The logo must be a PNG or JPEG image')).toBeVisible();
	await logo.setInputFiles({
		name: 'broken.png',
		mimeType: 'image/png',
		buffer: Buffer.from('not an image')
	});
	await expect(page.getByText('That file could not be read as an image')).toBeVisible();
	await logo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG_1PX });
	await expect(page.getByRole('img', { name: 'Business logo' })).toBeVisible();
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Business settings saved')).toBeVisible();

	await openNewInvoice(page);
	const number = page.getByLabel('Invoice number');
	await expect(number).toHaveValue(/^MS-\d\d\/001$/);
	await expect(page.getByLabel('Currency')).toHaveValue('EUR');
	const issue = await page.getByLabel('Issue date').inputValue();
	const due = new Date(`${issue}T00:00:00Z`);
	due.setUTCDate(due.getUTCDate() + 14);
	await expect(page.getByLabel('Due date')).toHaveValue(due.toISOString().slice(0, 10));

	const saved = await createInvoice(page, {
		client: 'Client A',
		lines: [{ description: 'x', unitPrice: '1' }]
	});
	// The invoice says who it is from as the PDF does: name and e-mail.
	const from = page.getByRole('region', { name: 'Invoice', exact: true });
	await expect(from.getByText('Müller & Söhne')).toBeVisible();
	await expect(from.getByText('buero@mueller.test')).toBeVisible();
	await openNewInvoice(page);
	await expect(number).toHaveValue(saved.replace(/001$/, '002'));

	await page.goto('./settings/');
	await page.getByLabel('Numbering format').fill('NO-PLACEHOLDER');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByLabel('Numbering format')).toHaveAccessibleDescription(/needs a \{SEQ\}/);
});

test('a logo over 4,096 pixels a side is refused from its header, next to the picker', async ({
	page
}) => {
	await page.goto('./settings/');
	const logo = page.getByLabel('Logo', { exact: true });
	await expect(logo).toHaveAccessibleDescription(/4,096 × 4,096 pixels/);
	// 33 bytes that claim 12,000 × 12,000 pixels: decoding them would take a gigabyte.
	const bomb = Buffer.from(pngHeader(12_000, 12_000));
	await logo.setInputFiles({ name: 'bomb.png', mimeType: 'image/png', buffer: bomb });
	await expect(logo).toHaveAccessibleDescription(
		/The logo is 12,000 × 12,000 pixels; the limit is 4,096 pixels a side/
	);
	await expect(page.getByRole('img', { name: 'Business logo' })).toBeHidden();

	// JPEGs as a browser makes them: the size is found past their other segments.
	const jpeg = async (width: number, height: number) =>
		Buffer.from(
			await page.evaluate(
				async ([w, h]) => {
					const canvas = new OffscreenCanvas(w!, h!);
					canvas.getContext('2d')!.fillRect(0, 0, w!, h!);
					const blob = await canvas.convertToBlob({ type: 'image/jpeg' });
					return [...new Uint8Array(await blob.arrayBuffer())];
				},
				[width, height]
			)
		);
	await logo.setInputFiles({
		name: 'wide.jpg',
		mimeType: 'image/jpeg',
		buffer: await jpeg(5000, 8)
	});
	await expect(logo).toHaveAccessibleDescription(/The logo is 5,000 × 8 pixels/);
	await logo.setInputFiles({
		name: 'ok.jpg',
		mimeType: 'image/jpeg',
		buffer: await jpeg(300, 100)
	});
	await expect(page.getByRole('img', { name: 'Business logo' })).toBeVisible();
	await expect(logo).not.toHaveAccessibleDescription(/The logo is/);
	// A PNG name on JPEG bytes is not taken at its word.
	const mislabelled = Buffer.from(jpegHeader(100, 100));
	await logo.setInputFiles({ name: 'x.png', mimeType: 'image/png', buffer: mislabelled });
	await expect(logo).toHaveAccessibleDescription(/could not be read as an image/);
});

test('the logo picker is a button that opens the file chooser, with a preview and Remove logo', async ({
	page
}) => {
	await page.goto('./settings/');
	const choose = page.getByRole('button', { name: 'Choose logo…', exact: true });
	await expect(choose).toHaveAccessibleDescription(/PNG or JPEG, up to 250 KB/);
	const picked = page.waitForEvent('filechooser');
	await choose.click();
	await (await picked).setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG_1PX });
	const preview = page.getByRole('img', { name: 'Business logo' });
	await expect(preview).toBeVisible();
	const change = page.getByRole('button', { name: 'Change logo…', exact: true });
	await expect(change).toBeVisible();
	await expectAccessible(page, 'settings business with a logo');

	// A refused file leaves the logo as it was, and whoever uses the button hears why.
	const refused = page.waitForEvent('filechooser');
	await change.click();
	await (
		await refused
	).setFiles({
		name: 'bomb.png',
		mimeType: 'image/png',
		buffer: Buffer.from(pngHeader(9_000, 9_000))
	});
	await expect(change).toHaveAccessibleDescription(/The logo is 9,000 × 9,000 pixels/);
	await expect(preview).toBeVisible();

	await page.getByRole('button', { name: 'Remove logo' }).click();
	await expect(preview).toBeHidden();
	await expect(choose).toBeFocused();
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Business settings saved')).toBeVisible();
	await page.reload();
	await expect(choose).toBeVisible();
	await expect(preview).toBeHidden();
});

test('an invoice number already in use is refused', async ({ page }) => {
	await page.goto('./');
	const first = await createInvoice(page, {
		client: 'Client A',
		lines: [{ description: 'x', unitPrice: '1' }]
	});
	await openNewInvoice(page);
	await page.getByLabel('Client').fill('Client B');
	await page.getByLabel('Invoice number').fill(first);
	await page.getByLabel('Description').fill('y');
	await page.getByLabel('Unit price').fill('2');
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByLabel('Invoice number')).toHaveAccessibleDescription(
		`${first} is already used by another invoice`
	);
});
