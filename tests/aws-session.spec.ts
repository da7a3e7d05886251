import {
	ACADEMY,
	badge,
	cloudRecords,
	configureAws,
	connect,
	credentialsFixture,
	expect,
	pasteCredentials,
	SECRET,
	test,
	TOKEN_START
} from './aws';
import { createInvoice } from './helpers';

test('paste the Learner Lab block → AWS Connected, with the table created on request', async ({
	page,
	localAws,
	table
}) => {
	await page.goto('./');
	await expect(badge(page)).toHaveText('Local only');
	await configureAws(page, localAws.proxy.endpoint, table);
	await pasteCredentials(page, ACADEMY);
	// The dialog keeps its wording while the check runs, though a session now exists.
	const dialog = page.getByRole('dialog', { name: 'Connect AWS', exact: true });
	await expect(dialog.getByText(`table "${table}" does not exist yet`)).toBeVisible();
	await expect(dialog.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
	await dialog.getByRole('button', { name: 'Create table' }).click();
	await expect(dialog).toBeHidden();
	await expect(badge(page)).toContainText('AWS Connected');
	await expect(badge(page)).toContainText('4h 0m left');
	await expect(page.getByRole('button', { name: 'Refresh AWS' })).toBeVisible();
});

test('the paste dialog says Connect with nothing connected, Update to refresh a session', async ({
	page,
	localAws,
	table
}) => {
	await page.goto('./');
	await configureAws(page, localAws.proxy.endpoint, table);
	await page.getByRole('button', { name: 'Connect AWS' }).click();
	const connecting = page.getByRole('dialog', { name: 'Connect AWS', exact: true });
	await expect(connecting.getByRole('heading')).toHaveText('Connect AWS');
	await expect(connecting.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
	await connecting.getByRole('button', { name: 'Close' }).click();

	await connect(page);
	await page.getByRole('button', { name: 'Refresh AWS' }).click();
	const updating = page.getByRole('dialog', { name: 'Update AWS credentials', exact: true });
	await expect(
		updating.getByRole('button', { name: 'Update credentials', exact: true })
	).toBeVisible();
	await updating.getByRole('button', { name: 'Close' }).click();
	// Settings → AWS opens the same dialog, in the same words.
	await page.getByRole('button', { name: 'Paste new credentials' }).click();
	await expect(updating).toBeVisible();
	await updating.getByRole('button', { name: 'Close' }).click();
	await page.getByRole('button', { name: 'Forget credentials' }).click();
	await page.getByRole('button', { name: 'Paste new credentials' }).click();
	await expect(connecting).toBeVisible();
});

test('the badge follows the clock through Expiring and Offline; refresh reconnects', async ({
	page,
	localAws,
	table
}) => {
	await page.clock.install({ time: new Date('2026-11-22T09:00:00Z') });
	await page.goto('./');
	await configureAws(page, localAws.proxy.endpoint, table);
	await connect(page, ACADEMY, '1:00');
	await expect(badge(page)).toHaveText(/AWS Connected\s*· 1h 0m left/);

	// The installed clock also runs in real time, so leave a minute's slack before the mark
	// (the exact-moment behaviour is unit-tested with a manual clock).
	await page.clock.fastForward('29:00');
	await expect(badge(page)).toContainText('AWS Connected');
	await page.clock.fastForward('01:00');
	await expect(badge(page)).toHaveText(/AWS Expiring\s*· 30m left/);
	await expect(page.getByText('AWS session ends in 30m')).toBeVisible();

	await page.clock.fastForward('25:00');
	await expect(badge(page)).toContainText('5m left');
	await expect(page.getByText('AWS session ends in 5m')).toBeVisible();

	await page.clock.fastForward('05:00');
	await expect(badge(page)).toHaveText('AWS Offline');
	await expect(page.getByText('AWS session expired')).toBeVisible();

	// Work goes on while offline, and a refresh in place keeps it.
	const number = await createInvoice(page, {
		client: 'Offline Ltd',
		lines: [{ description: 'Kept', unitPrice: '10' }]
	});
	await expect(page.getByText('2 pending')).toBeVisible();
	await connect(page, ACADEMY);
	await expect(badge(page)).toHaveText(/AWS Connected\s*· 4h 0m left/);
	await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
	// The refresh starts a sync that sends the offline work up.
	await expect(page.getByRole('banner').getByText('Synced')).toBeVisible();
	expect((await cloudRecords(localAws.dynamo.endpoint, table)).map((r) => r.number)).toContain(
		number
	);
});

for (const [fault, answer, said] of [
	['expired-token', 'an ExpiredTokenException', 'session has expired'],
	['lab-ended', "the Learner Lab's voc-cancel-cred deny", 'Learner Lab session has ended']
] as const) {
	test(`${answer} from AWS turns the badge Offline at once`, async ({ page, localAws, table }) => {
		await page.goto('./');
		await configureAws(page, localAws.proxy.endpoint, table);
		await connect(page);

		localAws.proxy.fail(fault, Infinity);
		await page.getByRole('button', { name: 'Check connection' }).click();
		await expect(badge(page)).toHaveText('AWS Offline');
		const alert = page.getByRole('alert');
		await expect(alert).toContainText(said);
		await expect(alert).not.toContainText(SECRET);

		localAws.proxy.heal();
		await connect(page);
		await expect(badge(page)).toContainText('AWS Connected');
	});
}

test('a reload keeps the session, a new browser context does not, and nothing leaks to storage', async ({
	page,
	browser,
	localAws,
	table
}) => {
	await page.goto('./');
	await configureAws(page, localAws.proxy.endpoint, table);
	await connect(page);
	await page.reload();
	await expect(badge(page)).toContainText('AWS Connected');

	const everywhere = await page.evaluate(async () => {
		const dump: string[] = [location.href, document.cookie];
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i)!;
			dump.push(key, localStorage.getItem(key) ?? '');
		}
		for (const { name } of await indexedDB.databases()) {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open(name!);
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			for (const store of Array.from(db.objectStoreNames)) {
				const all = await new Promise<unknown[]>((resolve) => {
					const request = db.transaction(store).objectStore(store).getAll();
					request.onsuccess = () => resolve(request.result);
				});
				dump.push(store, JSON.stringify(all));
			}
			db.close();
		}
		return { dump: dump.join('\n'), session: JSON.stringify(sessionStorage) };
	});
	// The scan reads real data (the settings live in IndexedDB) and would see the keys if there.
	expect(everywhere.dump).toContain(table);
	expect(everywhere.session).toContain(SECRET);
	expect(everywhere.dump).not.toContain(SECRET);
	expect(everywhere.dump).not.toContain(TOKEN_START);

	const other = await browser.newContext();
	const stranger = await other.newPage();
	await stranger.goto('./');
	await expect(badge(stranger)).toHaveText('Local only');
	await expect(stranger.getByRole('button', { name: 'Connect AWS' })).toBeVisible();
	await other.close();
});

test('a second tab picks up the live session; forgetting in one tab forgets in all', async ({
	page,
	context,
	localAws,
	table
}) => {
	await page.goto('./');
	await configureAws(page, localAws.proxy.endpoint, table);
	await connect(page);

	const second = await context.newPage();
	await second.goto('./');
	await expect(badge(second)).toContainText('AWS Connected');

	await second.getByRole('link', { name: 'Settings' }).click();
	await second.getByRole('tab', { name: 'AWS' }).click();
	await second.getByRole('button', { name: 'Forget credentials' }).click();
	await expect(badge(second)).toHaveText('Local only');
	await expect(badge(page)).toHaveText('Local only');
	expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});

test('keys posted by another page of the origin: ignored off this deployment, never silent on it', async ({
	page,
	context,
	localAws,
	table
}) => {
	await page.goto('./');
	await configureAws(page, localAws.proxy.endpoint, table);
	await connect(page);
	const planted = {
		type: 'session',
		session: {
			credentials: {
				accessKeyId: 'ASIAPLANTEDBYOTHER99',
				secretAccessKey: 'planted/secret/key/0123456789abcdefghij',
				sessionToken: 'planted-token'
			},
			kind: 'temporary',
			region: 'us-east-1',
			expiresAt: Date.now() + 3_600_000
		}
	};
	// Another app on the same origin, not under this deployment's base path.
	const stranger = await context.newPage();
	await stranger.goto('./favicon.svg');
	await stranger.evaluate((message) => {
		new BroadcastChannel('invoicelab-aws-session').postMessage(message);
	}, planted);
	await expect(badge(page)).toContainText('AWS Connected');
	expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain('PLANTED');

	// A page that joins this deployment's own channel can still switch the keys (it is the
	// same origin), but the user is told which key is now in use.
	await stranger.evaluate((message) => {
		new BroadcastChannel('invoicelab-aws-session@/').postMessage(message);
	}, planted);
	await expect(page.getByText('AWS keys changed')).toContainText('ASIA…ER99');
});

test('bad pastes are refused with a reason and without echoing the secret', async ({ page }) => {
	await page.goto('./');
	await pasteCredentials(page, credentialsFixture('bad-missing-secret.txt'));
	const alert = page.getByRole('dialog').getByRole('alert');
	await expect(alert).toContainText(/secret/i);

	await page
		.getByRole('textbox', { name: 'Credentials' })
		.fill(credentialsFixture('bad-temporary-without-token.txt'));
	await page.getByRole('button', { name: 'Connect', exact: true }).click();
	await expect(alert).toContainText(/token/i);
	await expect(alert).not.toContainText(SECRET);

	// A 1 MB paste is refused at once, without the page freezing on it.
	const started = Date.now();
	const stillResponsive = await page.getByRole('textbox', { name: 'Credentials' }).evaluate(
		async (box, text) => {
			const clipboardData = new DataTransfer();
			clipboardData.setData('text/plain', text);
			box.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true })
			);
			return new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 0));
		},
		`${ACADEMY}\n${'x'.repeat(1024 * 1024)}`
	);
	expect(stillResponsive).toBe(true);
	await expect(alert).toContainText('1024 KB');
	expect(Date.now() - started).toBeLessThan(2_000);
	expect(
		(await page.getByRole('textbox', { name: 'Credentials' }).inputValue()).length
	).toBeLessThan(1_000);
	await expect(badge(page)).toHaveText('Local only');
});

test('permanent keys are accepted with a warning that suggests temporary ones', async ({
	page
}) => {
	await page.goto('./');
	await page.getByRole('button', { name: 'Connect AWS' }).click();
	const paste = page.getByRole('textbox', { name: 'Credentials' });
	await paste.fill(credentialsFixture('permanent-keys.txt'));
	await expect(paste).toHaveAccessibleDescription(/permanent keys: they work until you delete/);
	await expect(page.getByRole('dialog').getByText('Prefer temporary credentials')).toBeVisible();
	await paste.fill(credentialsFixture('academy-aws-details.txt'));
	await expect(page.getByRole('dialog').getByText('Prefer temporary credentials')).toBeHidden();
});

test('an unreachable endpoint is reported in plain words', async ({ page, table }) => {
	await page.goto('./');
	await configureAws(page, 'http://127.0.0.1:9', table);
	await pasteCredentials(page, credentialsFixture('permanent-keys.txt'));
	await expect(page.getByRole('dialog').getByRole('alert')).toContainText(
		'Could not reach http://127.0.0.1:9'
	);
});

test('the AWS SDK is downloaded only once credentials exist', async ({ page, localAws, table }) => {
	const scripts: string[] = [];
	page.on('response', async (response) => {
		if (response.url().endsWith('.js')) scripts.push(await response.text());
	});
	await page.goto('./');
	await configureAws(page, localAws.proxy.endpoint, table);
	await expect(badge(page)).toHaveText('Local only');
	expect(scripts.some((s) => s.includes('AWS4-HMAC-SHA256'))).toBe(false);
	await connect(page);
	expect(scripts.some((s) => s.includes('AWS4-HMAC-SHA256'))).toBe(true);
});

test('settings warn about an endpoint the page security policy blocks', async ({ page }) => {
	await page.goto('./settings/');
	await page.getByRole('tab', { name: 'AWS' }).click();
	await page.getByLabel('DynamoDB endpoint').fill('https://ddb.example.org');
	await page.getByLabel('DynamoDB endpoint').blur();
	await expect(page.getByLabel('DynamoDB endpoint')).toHaveAccessibleDescription(
		/security policy blocks that address/
	);
	// AWS hosts other than DynamoDB's and Bedrock's are not in the policy (S3 buckets, say).
	await page.getByLabel('DynamoDB endpoint').fill('https://my-bucket.s3.amazonaws.com');
	await page.getByLabel('DynamoDB endpoint').blur();
	await expect(page.getByText("This page's security policy blocks that address")).toBeVisible();
	await page.getByLabel('DynamoDB endpoint').fill('ftp://nope');
	await page.getByLabel('DynamoDB endpoint').blur();
	await expect(page.getByText('must be an http(s) address')).toBeVisible();
});

for (const width of [1280, 390]) {
	test(`sync that keeps failing says so beside the green badge, with the reason and Retry (${width} px)`, async ({
		page,
		localAws,
		table
	}) => {
		await page.setViewportSize({ width, height: 800 });
		await page.goto('./');
		await configureAws(page, localAws.proxy.endpoint, table);
		await connect(page);
		localAws.proxy.fail('drop', Infinity);
		await createInvoice(page, {
			client: 'Acme GmbH',
			lines: [{ description: 'Work', quantity: '1', unitPrice: '10' }]
		});
		const failing = page.getByRole('banner').getByRole('button', { name: /^Sync failing/ });
		await expect(failing).toBeVisible({ timeout: 15_000 });
		await expect(failing).toContainText('cannot reach DynamoDB');
		await expect(badge(page)).toContainText('AWS Connected');
		const box = await failing.boundingBox();
		expect(box!.x + box!.width).toBeLessThanOrEqual(width);

		await failing.click();
		const details = page.getByRole('region', { name: 'Sync is failing' });
		await expect(details).toContainText(`Could not reach ${localAws.proxy.endpoint}`);
		await expect(details).toContainText('cannot tell which');
		await expect(details).toContainText('kept in this browser');

		localAws.proxy.heal();
		// The app's own back-off may retry first on a busy machine; the button then goes with
		// the failure, so the press is not waited for once the failure has cleared.
		const retried = details
			.getByRole('button', { name: 'Retry' })
			.click()
			.catch(() => undefined);
		await Promise.race([retried, failing.waitFor({ state: 'hidden' })]);
		await expect(failing).toBeHidden({ timeout: 15_000 });
		const invoices = async () =>
			(await cloudRecords(localAws.proxy.endpoint, table)).filter((r) => r.type === 'invoices');
		await expect.poll(async () => (await invoices()).length).toBe(1);
	});
}
