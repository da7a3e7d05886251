import { expect, test, type Page } from '@playwright/test';
import { makeClient, makeInvoice, makeProfile } from '../src/lib/testing/factories';
import { expectAccessible, importBackup, openInvoices, openNewInvoice } from './helpers';

/** Records what the page hands to the mail program or the share sheet. */
async function recordMail(page: Page, { canShare }: { canShare: boolean }) {
	await page.addInitScript((sharing) => {
		const record = window as unknown as { opened: string[]; shared: unknown[] };
		record.opened = [];
		record.shared = [];
		window.open = (url?: string | URL) => {
			record.opened.push(String(url));
			return null;
		};
		Object.assign(navigator, {
			canShare: () => sharing,
			share: async (data: { files: File[]; title: string; text: string }) => {
				record.shared.push({ names: data.files.map((f) => f.name), title: data.title });
			}
		});
	}, canShare);
}
const opened = (page: Page) =>
	page.evaluate(() => (window as unknown as { opened: string[] }).opened);

function daysAgo(days: number): string {
	return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** A client with an e-mail address and an issued invoice to them, due `dueDaysAgo` ago. */
async function issuedInvoice(page: Page, dueDaysAgo: number): Promise<string> {
	await page.goto('./settings/');
	await page.getByLabel('Business name').fill('Studio North');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Business settings saved')).toBeVisible();
	await page.goto('./clients/edit/');
	await page.getByLabel('Name', { exact: true }).fill('Acme Ltd');
	await page.getByLabel('Email').fill('ap@acme.test');
	await page.getByRole('button', { name: 'Save client' }).click();
	await expect(page.getByRole('link', { name: 'Acme Ltd' })).toBeVisible();
	await openNewInvoice(page);
	await page.getByLabel('Client').fill('Acme Ltd');
	await page.getByLabel('Issue date').fill(daysAgo(dueDaysAgo + 30));
	await page.getByLabel('Due date').fill(daysAgo(dueDaysAgo));
	await page.getByLabel('Description').fill('Design work');
	await page.getByLabel('Unit price').fill('500');
	const number = await page.getByLabel('Invoice number').inputValue();
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await page.getByRole('button', { name: 'Mark as sent' }).click();
	await expect(page.getByText('its details are kept as they were then')).toBeVisible();
	return number;
}

test('Send saves the PDF and opens a filled e-mail to the client, and logs it', async ({
	page
}) => {
	await recordMail(page, { canShare: false });
	const number = await issuedInvoice(page, -30);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	expect((await download).suggestedFilename()).toBe(`${number}.pdf`);
	await expect.poll(() => opened(page)).toHaveLength(1);
	const mail = new URL((await opened(page))[0]!);
	expect(mail.protocol).toBe('mailto:');
	expect(mail.pathname).toBe('ap@acme.test');
	expect(mail.searchParams.get('subject')).toBe(`Invoice ${number} from Studio North`);
	expect(mail.searchParams.get('body')).toContain('$500.00');
	await expect(
		page.getByRole('region', { name: 'Activity' }).getByRole('listitem').first()
	).toHaveText(/^Sent by e-mail/);
});

test('where the browser shares files, Send hands the PDF to the share sheet', async ({ page }) => {
	await recordMail(page, { canShare: true });
	const number = await issuedInvoice(page, -30);
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { shared: unknown[] }).shared))
		.toEqual([{ names: [`${number}.pdf`], title: `Invoice ${number} from Studio North` }]);
	expect(await opened(page)).toEqual([]);
});

test('an invoice 10 days overdue is due for its first reminder; sending it is logged', async ({
	page
}) => {
	await recordMail(page, { canShare: false });
	const number = await issuedInvoice(page, 10);
	await openInvoices(page);
	const due = page.getByRole('region', { name: 'Due for a reminder (1)' });
	await expect(due).toContainText(`${number}`);
	await expect(due).toContainText('10 days overdue · First reminder');
	await expectAccessible(page, 'reminders due');
	await due.getByRole('button', { name: 'Send reminder' }).click();
	await expect.poll(() => opened(page)).toHaveLength(1);
	const mail = new URL((await opened(page))[0]!);
	expect(mail.searchParams.get('subject')).toBe(`Reminder: invoice ${number} is overdue`);
	// The next one is due at 14 days: the list empties.
	await expect(page.getByRole('region', { name: /^Due for a reminder/ })).toHaveCount(0);
	await page.getByRole('link', { name: number }).click();
	await expect(page.getByText('1 reminder sent.')).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Activity' }).getByRole('listitem').first()
	).toHaveText(/^Reminder sent/);
});

test('the e-mail templates and reminder days are the business’s own', async ({ page }) => {
	await page.goto('./settings/');
	await page.getByRole('tab', { name: 'E-mails' }).click();
	await expectAccessible(page, 'e-mail settings');
	await page.getByLabel('Reminder days').fill('14, 7');
	await page.getByRole('button', { name: 'Save e-mail settings' }).click();
	await expect(page.getByLabel('Reminder days')).toBeFocused();
	await expect(page.getByText(/^Enter up to 5 whole days/)).toBeVisible();
	await page.getByLabel('Reminder days').fill('3, 10');
	await page.getByLabel('Subject').first().fill('Your bill {number}');
	await page.getByRole('button', { name: 'Save e-mail settings' }).click();
	await expect(page.getByText('E-mail settings saved')).toBeVisible();
	await page.reload();
	await page.getByRole('tab', { name: 'E-mails' }).click();
	await expect(page.getByLabel('Reminder days')).toHaveValue('3, 10');
	await expect(page.getByLabel('Subject').first()).toHaveValue('Your bill {number}');
});

test('each document language has its own templates, German ones by default for German clients', async ({
	page
}) => {
	await page.goto('./settings/');
	await page.getByRole('tab', { name: 'E-mails' }).click();
	const quoteMail = page.getByRole('group', { name: 'Quote e-mail' });
	await expect(quoteMail.getByLabel('Subject')).toHaveValue('Quote {number} from {business}');
	await page.getByLabel('Language').selectOption('de');
	await expect(quoteMail.getByLabel('Subject')).toHaveValue('Angebot {number} von {business}');
	await quoteMail.getByLabel('Subject').fill('Unser Angebot {number}');
	await page.getByRole('button', { name: 'Save e-mail settings' }).click();
	await expect(page.getByText('E-mail settings saved')).toBeVisible();
	await page.reload();
	await page.getByRole('tab', { name: 'E-mails' }).click();
	await expect(quoteMail.getByLabel('Subject')).toHaveValue('Quote {number} from {business}');
	await page.getByLabel('Language').selectOption('de');
	await expect(quoteMail.getByLabel('Subject')).toHaveValue('Unser Angebot {number}');
	await expectAccessible(page, 'e-mail settings in German');
});

test('a long reminders list shows the most overdue ten, and more on request', async ({ page }) => {
	await page.goto('./');
	const client = makeClient();
	await importBackup(page, {
		profile: makeProfile(),
		clients: [client],
		invoices: Array.from({ length: 12 }, (_, i) =>
			makeInvoice({
				id: `overdue-${i}`,
				number: `INV-2026-${String(i + 1).padStart(4, '0')}`,
				status: 'sent',
				issueDate: daysAgo(40 + i),
				dueDate: daysAgo(20 + i)
			})
		)
	});
	await openInvoices(page);
	const due = page.getByRole('region', { name: 'Due for a reminder (12)' });
	await expect(due.getByRole('listitem')).toHaveCount(10);
	await expect(due.getByRole('listitem').first()).toContainText('INV-2026-0012');
	await due.getByRole('button', { name: 'Show 2 more' }).click();
	await expect(due.getByRole('listitem')).toHaveCount(12);
	await expect(due.getByRole('button', { name: /^Show/ })).toHaveCount(0);
});
