import type { Browser, Page } from '@playwright/test';
import {
	ACADEMY,
	badge,
	cloudRecords,
	configureAws,
	connect,
	expect,
	pasteCredentials,
	test
} from './aws';
import { createInvoice, openInvoices, openNewInvoice } from './helpers';

interface LocalRecord {
	id: string;
	number: string;
	notes: string;
	deleted: boolean;
	hlc: string;
}

/** A second (or third) device: its own browser context, pointed at the same table. */
async function openDevice(browser: Browser, endpoint: string, table: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('./');
	await configureAws(page, endpoint, table);
	await connect(page);
	return page;
}

/** Every invoice in the device's IndexedDB, tombstones included. */
/** Every invoice this device holds: in its store, or still packed after an import. */
function localInvoices(page: Page): Promise<LocalRecord[]> {
	return page.evaluate(
		() =>
			new Promise<LocalRecord[]>((resolve, reject) => {
				const open = indexedDB.open('invoicelab');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(['invoices', 'record-packs']);
					const stored = tx.objectStore('invoices').getAll();
					const packs = tx.objectStore('record-packs').getAll();
					tx.oncomplete = () => {
						open.result.close();
						const byId = new Map<string, LocalRecord>();
						for (const pack of packs.result as { records: LocalRecord[] }[]) {
							for (const record of pack.records) byId.set(record.id, record);
						}
						// One in its store stands over a packed copy.
						for (const record of stored.result as LocalRecord[]) byId.set(record.id, record);
						resolve(
							[...byId.values()]
								.map(({ id, number, notes, deleted, hlc }) => ({ id, number, notes, deleted, hlc }))
								.sort((a, b) => a.id.localeCompare(b.id))
						);
					};
				};
			})
	);
}

async function cloudInvoices(endpoint: string, table: string): Promise<LocalRecord[]> {
	return (await cloudRecords(endpoint, table))
		.filter((item) => item.type === 'invoices')
		.map((item) => {
			const { id, number, notes, deleted, hlc } = item as unknown as LocalRecord;
			return { id, number, notes, deleted, hlc };
		})
		.sort((a, b) => a.id.localeCompare(b.id));
}

async function syncNow(page: Page): Promise<void> {
	const button = page.getByRole('button', { name: 'Sync now' });
	// A run already under way (started by a reconnect or an edit) keeps the button disabled;
	// pushing 120 invoices through the fault proxy took over 45 s once on a busy 2-core machine.
	await expect(button).toBeEnabled({ timeout: 90_000 });
	await button.click();
	await expect(page.getByRole('banner').getByText('Synced')).toBeVisible({ timeout: 90_000 });
}

async function goOffline(page: Page): Promise<void> {
	await page.getByRole('link', { name: 'Settings' }).click();
	await page.getByRole('tab', { name: 'AWS' }).click();
	await page.getByRole('button', { name: 'Forget credentials' }).click();
	await expect(badge(page)).toHaveText('Local only');
}

async function editNotes(page: Page, number: string, notes: string): Promise<void> {
	await openInvoices(page);
	await page.getByRole('link', { name: number }).click();
	await page.getByRole('button', { name: 'Edit' }).click();
	await page.getByLabel('Notes and terms').fill(notes);
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
}

/** Syncs every device twice over, then checks they and the table hold the same invoices. */
async function expectConverged(pages: Page[], endpoint: string, table: string) {
	for (let round = 0; round < 2; round++) for (const page of pages) await syncNow(page);
	const cloud = await cloudInvoices(endpoint, table);
	for (const page of pages) expect(await localInvoices(page)).toEqual(cloud);
	return cloud;
}

/** This device connects, makes an invoice for `client` and syncs it; returns its number. */
async function connectedWithInvoice(
	page: Page,
	endpoint: string,
	table: string,
	client: string,
	line = { description: 'Work', unitPrice: '10' }
): Promise<string> {
	await page.goto('./');
	await configureAws(page, endpoint, table);
	await connect(page);
	const number = await createInvoice(page, { client, lines: [line] });
	await syncNow(page);
	return number;
}

/** This device connects and makes an invoice; a second device connects and syncs it. */
async function twoDevicesSharingAnInvoice(
	page: Page,
	browser: Browser,
	endpoint: string,
	table: string,
	client: string
): Promise<{ number: string; other: Page }> {
	const number = await connectedWithInvoice(page, endpoint, table, client);
	const other = await openDevice(browser, endpoint, table);
	await syncNow(other);
	return { number, other };
}

test.describe.configure({ timeout: 90_000 });

test('two devices edit offline, reconnect and end with the same invoices', async ({
	page,
	browser,
	localAws,
	table
}) => {
	const endpoint = localAws.proxy.endpoint;
	const first = await connectedWithInvoice(page, endpoint, table, 'Shared Ltd', {
		description: 'Both see it',
		unitPrice: '100'
	});
	const other = await openDevice(browser, endpoint, table);
	await openInvoices(other);
	await expect(other.getByRole('link', { name: first })).toBeVisible({ timeout: 15_000 });

	await goOffline(page);
	await goOffline(other);
	await editNotes(page, first, 'Edited on the laptop');
	// Both devices take the same next number while offline.
	const mine = await createInvoice(page, {
		client: 'Laptop Client',
		lines: [{ description: 'Made on the laptop', unitPrice: '7' }]
	});
	const theirs = await createInvoice(other, {
		client: 'Phone Client',
		lines: [{ description: 'Made on the phone', unitPrice: '5' }]
	});
	expect(theirs).toBe(mine);
	await expect(other.getByRole('banner').getByText(/\d+ pending/)).toBeVisible();

	await connect(page, ACADEMY);
	await syncNow(page);
	await connect(other, ACADEMY);
	await expect(other.getByText(`Draft ${theirs} was also used on another device`)).toBeVisible({
		timeout: 15_000
	});
	const cloud = await expectConverged([page, other], endpoint, table);
	expect(cloud.find((i) => i.number === first)?.notes).toBe('Edited on the laptop');
	const numbers = cloud.map((i) => i.number).sort();
	expect(new Set(numbers).size).toBe(3);
	expect(numbers).toContain(mine);
});

for (const { moves, pulledFirst } of [
	{ moves: 'its own draft', pulledFirst: true },
	{ moves: 'the pulled invoice', pulledFirst: false }
]) {
	test(`a pull that renumbers ${moves}: both invoices show in both lists without a reload`, async ({
		page,
		browser,
		localAws,
		table
	}) => {
		const endpoint = localAws.proxy.endpoint;
		await page.goto('./');
		await configureAws(page, endpoint, table);
		const other = await openDevice(browser, endpoint, table);
		await goOffline(other);
		// Both devices take the same next number offline; the older draft keeps it.
		const makers = [
			() =>
				createInvoice(page, {
					client: 'Pulled Ltd',
					lines: [{ description: 'Made on the first device', unitPrice: '11' }]
				}),
			() =>
				createInvoice(other, {
					client: 'Local Ltd',
					lines: [{ description: 'Made on the second device', unitPrice: '13' }]
				})
		];
		if (!pulledFirst) makers.reverse();
		const number = await makers[0]!();
		expect(await makers[1]!()).toBe(number);
		await connect(page);
		await syncNow(page);

		// The other device watches its list while its sync pulls the invoice in, moves the
		// younger draft to the next free number and takes that up in a second run.
		await openInvoices(other);
		await connect(other, ACADEMY);
		const notice = other.getByText(`Draft ${number} was also used on another device`);
		await expect(notice).toBeVisible({ timeout: 30_000 });
		const moved = /this draft is now (\S+)\./.exec((await notice.textContent()) ?? '')?.[1];
		expect(moved).toMatch(/^INV-/);
		expect(moved).not.toBe(number);
		await expect(other.getByRole('banner').getByText('Synced')).toBeVisible({ timeout: 45_000 });
		const older = pulledFirst ? 'Pulled Ltd' : 'Local Ltd';
		const younger = pulledFirst ? 'Local Ltd' : 'Pulled Ltd';
		const expectListed = async (device: Page) => {
			const rows = device.getByRole('region', { name: 'Invoice list' }).getByRole('row');
			await expect(rows.filter({ hasText: older })).toContainText(number, { timeout: 30_000 });
			await expect(rows.filter({ hasText: younger })).toContainText(moved!, { timeout: 30_000 });
			await expect(device.getByText('2 invoices', { exact: true })).toBeVisible();
		};
		await expectListed(other);

		await openInvoices(page);
		await syncNow(page);
		await expectListed(page);
		const cloud = await cloudInvoices(endpoint, table);
		expect(cloud.map((i) => i.number).sort()).toEqual([number, moved].sort());
		for (const device of [page, other]) expect(await localInvoices(device)).toEqual(cloud);
	});
}

test('the same invoice edited on two devices: the newer wins, the other can be restored', async ({
	page,
	browser,
	localAws,
	table
}) => {
	const endpoint = localAws.proxy.endpoint;
	const { number, other } = await twoDevicesSharingAnInvoice(
		page,
		browser,
		endpoint,
		table,
		'Twice Edited'
	);
	await goOffline(page);
	await goOffline(other);
	await editNotes(page, number, 'Older edit');
	await editNotes(other, number, 'Newer edit');

	await connect(other, ACADEMY);
	await syncNow(other);
	await connect(page, ACADEMY);
	await syncNow(page);
	const notice = page.getByText(`Invoice ${number}: the notes changed on two devices at once`);
	await expect(notice).toBeVisible();
	expect((await localInvoices(page))[0]?.notes).toBe('Newer edit');

	await page.getByRole('button', { name: 'Restore the other version' }).click();
	await expect(notice).toBeHidden();
	const cloud = await expectConverged([page, other], endpoint, table);
	expect(cloud[0]?.notes).toBe('Older edit');
});

test('an edit that syncs in while the editor is open is kept beside the edit saved there', async ({
	page,
	browser,
	localAws,
	table
}) => {
	const endpoint = localAws.proxy.endpoint;
	const { number, other } = await twoDevicesSharingAnInvoice(
		page,
		browser,
		endpoint,
		table,
		'Open Editor Ltd'
	);
	await openInvoices(page);
	await page.getByRole('link', { name: number }).click();
	await page.getByRole('button', { name: 'Edit' }).click();
	await expect(page.getByRole('heading', { name: `Edit ${number}` })).toBeVisible();
	const dueDate = page.getByLabel('Due date');
	const due = new Date(Date.parse(await dueDate.inputValue()) + 7 * 86_400_000)
		.toISOString()
		.slice(0, 10);

	await editNotes(other, number, 'Deliver to gate 3');
	await syncNow(other);
	await syncNow(page);
	// The pull landed on this device while its editor stayed open with the old notes.
	await expect
		.poll(async () => (await localInvoices(page))[0]?.notes, { timeout: 30_000 })
		.toBe('Deliver to gate 3');
	await expect(page.getByLabel('Notes and terms')).toHaveValue('');

	await dueDate.fill(due);
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
	await expect(
		page.getByText(
			`Invoice ${number} saved. It was changed on another device or in another tab meanwhile. Kept their change to the notes.`
		)
	).toBeVisible();
	await expect(page.getByText('Deliver to gate 3')).toBeVisible();
	// Shown in the browser's format (en-US here): 2027-01-10 reads 01/10/2027.
	const [year, month, day] = due.split('-');
	await expect(
		page.getByRole('definition').filter({ hasText: `${month}/${day}/${year}` })
	).toBeVisible();

	await syncNow(page);
	await expect
		.poll(
			async () =>
				(await cloudRecords(endpoint, table))
					.filter((item) => item.type === 'invoices')
					.map(({ notes, dueDate }) => ({ notes, dueDate })),
			{ timeout: 30_000 }
		)
		.toEqual([{ notes: 'Deliver to gate 3', dueDate: due }]);
});

test('a delete made while another device is offline with a stale copy stays deleted', async ({
	page,
	browser,
	localAws,
	table
}) => {
	const endpoint = localAws.proxy.endpoint;
	const { number, other } = await twoDevicesSharingAnInvoice(
		page,
		browser,
		endpoint,
		table,
		'Short Lived'
	);
	await goOffline(other);

	await openInvoices(page);
	await page.getByRole('link', { name: number }).click();
	await page.getByRole('button', { name: 'Delete invoice' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
	await syncNow(page);

	await other.reload();
	await connect(other, ACADEMY);
	const cloud = await expectConverged([page, other], endpoint, table);
	expect(cloud).toEqual([expect.objectContaining({ number, deleted: true })]);
	await openInvoices(other);
	await expect(other.getByRole('link', { name: number })).toBeHidden();
});

for (const [fault, ending] of [
	['expired-token', 'the session expiring'],
	['lab-ended', "the Learner Lab's end-of-session deny"]
] as const) {
	test(`${ending} in the middle of a sync loses nothing; a refresh finishes it`, async ({
		page,
		localAws,
		table
	}) => {
		test.setTimeout(180_000);
		const endpoint = localAws.proxy.endpoint;
		await page.goto('./');
		await configureAws(page, endpoint, table);
		await connect(page);
		await goOffline(page);
		// Over 100 new records: their pending changes are packed (storage/pending-packs.ts).
		await importInvoices(page, 120);
		await expect(page.getByRole('banner').getByText(/\d+ pending/)).toBeVisible();

		localAws.proxy.failAfter(4, fault);
		await pasteCredentials(page, ACADEMY);
		await expect(badge(page)).toHaveText('AWS Offline', { timeout: 15_000 });
		await page.keyboard.press('Escape');
		await expect(page.getByRole('dialog')).toBeHidden();
		const pendingText = await page
			.getByRole('banner')
			.getByText(/\d+ pending/)
			.textContent();
		expect(Number(pendingText?.match(/\d+/)?.[0])).toBeGreaterThan(0);
		expect((await localInvoices(page)).length).toBe(120);

		localAws.proxy.heal();
		await connect(page, ACADEMY);
		const cloud = await expectConverged([page], endpoint, table);
		expect(cloud).toHaveLength(120);
	});
}

test('a soak with random faults and reloads ends with devices and table identical', async ({
	page,
	browser,
	localAws,
	table
}) => {
	test.setTimeout(150_000);
	const endpoint = localAws.proxy.endpoint;
	await page.goto('./');
	await configureAws(page, endpoint, table);
	await connect(page);
	const other = await openDevice(browser, endpoint, table);
	let seed = 7;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	localAws.proxy.chaos(0.25, ['throttle', 'server-error', 'drop'], random);

	for (let round = 0; round < 6; round++) {
		const device = round % 2 === 0 ? page : other;
		await createDraft(device, `Soak ${round}`);
		if (round === 2) {
			// A reload in the middle of whatever the sync was doing.
			await device.reload();
			await expect(badge(device)).toContainText(/AWS/);
		}
		if (round === 4) {
			// The session expires mid-soak: every device that calls AWS now goes offline.
			localAws.proxy.fail('expired-token', Infinity);
			// The sync a second after the last save may meet the expired token first, which
			// disables Sync now; either way the device must end up offline.
			await device
				.getByRole('button', { name: 'Sync now' })
				.click({ timeout: 3_000 })
				.catch(() => {});
			await expect(badge(device)).toHaveText('AWS Offline', { timeout: 15_000 });
			localAws.proxy.heal();
			for (const each of [page, other]) {
				if ((await badge(each).textContent())?.includes('Offline')) await connect(each, ACADEMY);
			}
			localAws.proxy.chaos(0.25, ['throttle', 'server-error', 'drop'], random);
		}
	}
	localAws.proxy.heal();
	const cloud = await expectConverged([page, other], endpoint, table);
	expect(cloud.filter((i) => !i.deleted)).toHaveLength(6);
});

/** A new invoice, without insisting on its number: a sync may renumber a clashing draft. */
async function createDraft(page: Page, client: string): Promise<void> {
	await openNewInvoice(page);
	await page.getByLabel('Client').fill(client);
	await page.getByLabel('Description').fill('Soak work');
	await page.getByLabel('Unit price').fill('3');
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByRole('heading', { name: /^Invoice / })).toBeVisible();
}

/** Imports `count` invoices from a JSON export, as a user restoring a backup would. */
async function importInvoices(page: Page, count: number): Promise<void> {
	const { makeDataset } = await import('../src/lib/testing/factories');
	const { buildSnapshot } = await import('../src/lib/storage/transfer');
	const clientCount = 10;
	const { clients, invoices } = makeDataset(count, clientCount);
	const file = JSON.stringify(
		buildSnapshot({ invoices, clients, profile: null }, new Date().toISOString())
	);
	await page.getByRole('link', { name: 'Settings' }).click();
	await page.getByRole('tab', { name: 'Data' }).click();
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Import JSON' }).click();
	await (
		await chooser
	).setFiles({
		name: 'backup.json',
		mimeType: 'application/json',
		buffer: Buffer.from(file)
	});
	await expect(page.getByText(`${count + clientCount} added`)).toBeVisible();
}

test('pointing the settings at another workspace asks which data this browser holds', async ({
	page,
	localAws,
	table
}) => {
	const endpoint = localAws.proxy.endpoint;
	const number = await connectedWithInvoice(page, endpoint, table, 'Workspace One');

	const workspace = async (name: string) => {
		await page.getByRole('link', { name: 'Settings' }).click();
		await page.getByRole('tab', { name: 'AWS' }).click();
		await page.getByLabel('Workspace').fill(name);
		await page.getByLabel('Workspace').blur();
		await page.getByRole('tab', { name: 'Data' }).click();
	};
	await workspace('books-2');
	await page.getByRole('button', { name: 'Sync everything now' }).click();
	const choice = page.getByRole('group', { name: 'Which data should this browser hold?' });
	await expect(choice).toContainText(
		'belongs to workspace "default". The settings now point to workspace "books-2".',
		{
			timeout: 45_000
		}
	);
	await choice.getByRole('button', { name: 'Go back' }).click();
	await expect(choice).toBeHidden();
	await page.getByRole('tab', { name: 'AWS' }).click();
	await expect(page.getByLabel('Workspace')).toHaveValue('default');

	await workspace('books-2');
	await page.getByRole('button', { name: 'Sync everything now' }).click();
	await choice.getByRole('button', { name: 'Bring this data along' }).click();
	await expect(choice).toBeHidden();
	await expect
		.poll(async () => (await cloudInvoices(endpoint, table)).map((i) => i.number), {
			timeout: 45_000
		})
		.toEqual([number, number]);
	await openInvoices(page);
	await expect(page.getByRole('link', { name: number })).toBeVisible();
});

test('a monthly schedule run on two devices offline makes one invoice per month after sync', async ({
	page,
	browser,
	localAws,
	table
}) => {
	const endpoint = localAws.proxy.endpoint;
	const start = Date.now();
	const day = (offset: number) => new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
	await page.clock.setFixedTime(start);
	// Made and synced: its view is open.
	await connectedWithInvoice(page, endpoint, table, 'Retainer Ltd');
	await page.getByRole('link', { name: 'Repeat…' }).click();
	await page.getByLabel('Every').fill('1');
	await page.getByLabel('Period').selectOption('month');
	await page.getByLabel('First invoice on').fill(day(1));
	await page.getByLabel('Issue each invoice at once (Mark as sent)').check();
	await page.getByRole('button', { name: 'Start recurring invoice' }).click();
	await expect(page.getByText('Every month · issued at once')).toBeVisible();
	await syncNow(page);
	const other = await openDevice(browser, endpoint, table);
	await other.getByRole('link', { name: 'Invoices' }).click();
	await other.getByRole('link', { name: 'Recurring' }).click();
	await expect(other.getByText('Every month · issued at once')).toBeVisible({ timeout: 15_000 });

	// Both go offline, and 70 days pass: each device makes the three invoices that came due.
	const generated: string[][] = [];
	for (const device of [page, other]) {
		await goOffline(device);
		await device.clock.setFixedTime(start + 70 * 86_400_000);
		await device.reload();
		await expect(device.getByText(/^Recurring invoices: made 3 invoices/)).toBeVisible();
		const made = (await localInvoices(device)).filter((i) => i.id.includes('@'));
		generated.push(made.map((i) => i.id));
	}
	expect(generated[0]).toHaveLength(3);
	expect(generated[1]).toEqual(generated[0]);

	for (const device of [page, other]) await connect(device, ACADEMY);
	const cloud = await expectConverged([page, other], endpoint, table);
	expect(cloud.filter((i) => i.id.includes('@')).map((i) => i.id)).toEqual(generated[0]);
	expect(cloud.filter((i) => !i.deleted)).toHaveLength(4);
	for (const device of [page, other]) {
		await expect(device.getByText(/edited on two devices/)).toHaveCount(0);
	}
});
