import { readFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { startDynalite, type LocalDynamo } from '../src/lib/testing/dynalite';
import { startFaultProxy, type FaultProxy } from '../src/lib/testing/fault-proxy';

export { expect };

/** A credentials paste from the shared fixtures. */
export function credentialsFixture(name: string): string {
	return readFileSync(new URL(`../src/lib/aws/fixtures/${name}`, import.meta.url), 'utf8');
}

export const ACADEMY = credentialsFixture('academy-aws-details.txt');
export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const TOKEN_START = 'IQoJb3JpZ2luX2VjEXAMPLEtoken';

interface LocalAws {
	dynamo: LocalDynamo;
	proxy: FaultProxy;
}

/**
 * Tests that need AWS get a real DynamoDB API (dynalite) behind a fault-injecting proxy,
 * both on 127.0.0.1, started once per worker; each test gets a table of its own.
 */
export const test = base.extend<{ table: string }, { localAws: LocalAws }>({
	localAws: [
		// Playwright reads the fixtures a function needs from its first parameter's pattern.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			const dynamo = await startDynalite();
			const proxy = await startFaultProxy(dynamo.endpoint);
			await use({ dynamo, proxy });
			await proxy.close();
			await dynamo.close();
		},
		{ scope: 'worker' }
	],
	table: async ({ localAws }, use, testInfo) => {
		localAws.proxy.heal();
		await use(`t${testInfo.testId.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}`);
	}
});

/** Points Settings → AWS at the proxy and the test's table. */
export async function configureAws(page: Page, endpoint: string, table: string): Promise<void> {
	await page.getByRole('link', { name: 'Settings' }).click();
	await page.getByRole('tab', { name: 'AWS' }).click();
	await page.getByLabel('DynamoDB endpoint').fill(endpoint);
	await page.getByLabel('DynamoDB endpoint').blur();
	await page.getByLabel('DynamoDB table').fill(table);
	await page.getByLabel('DynamoDB table').blur();
}

/** The paste dialog, in either of its wordings (it keeps the one it opened with). */
export function credentialsDialog(page: Page) {
	return page.getByRole('dialog', { name: /^(Connect AWS|Update AWS credentials)$/ });
}

/**
 * Opens the paste dialog from the header and submits a paste: with nothing connected it is
 * "Connect AWS" with a Connect button, for a session it refreshes "Update AWS credentials".
 */
export async function pasteCredentials(page: Page, text: string, timeLeft?: string): Promise<void> {
	const opener = page.getByRole('button', { name: /^(Connect|Refresh) AWS$/ });
	const refreshing = (await opener.textContent())?.trim() === 'Refresh AWS';
	await opener.click();
	const dialog = page.getByRole('dialog', {
		name: refreshing ? 'Update AWS credentials' : 'Connect AWS',
		exact: true
	});
	await dialog.getByRole('textbox', { name: 'Credentials' }).fill(text);
	if (timeLeft) await dialog.getByRole('textbox', { name: 'Session time left' }).fill(timeLeft);
	await dialog
		.getByRole('button', { name: refreshing ? 'Update credentials' : 'Connect', exact: true })
		.click();
}

/** Pastes the Learner Lab block, creates the table when asked, and waits for the badge. */
export async function connect(page: Page, text = ACADEMY, timeLeft?: string): Promise<void> {
	await pasteCredentials(page, text, timeLeft);
	const dialog = credentialsDialog(page);
	const create = dialog.getByRole('button', { name: 'Create table' });
	// The check ends either with the table found (the dialog closes) or with an offer to create it.
	await expect
		.poll(async () => (await create.isVisible()) || !(await dialog.isVisible()))
		.toBe(true);
	if (await create.isVisible()) await create.click();
	await expect(dialog).toBeHidden();
	await expect(badge(page)).toContainText(/AWS (Connected|Expiring)/);
}

export function badge(page: Page) {
	return page.getByRole('banner').getByRole('status').first();
}

/** Every InvoiceLab record in a table, read straight from the local DynamoDB. */
export async function cloudRecords(
	endpoint: string,
	table: string
): Promise<Record<string, unknown>[]> {
	const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
	const { DynamoDBDocumentClient, ScanCommand } = await import('@aws-sdk/lib-dynamodb');
	const client = DynamoDBDocumentClient.from(
		new DynamoDBClient({
			endpoint,
			region: 'us-east-1',
			credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET }
		})
	);
	const items: Record<string, unknown>[] = [];
	let start: Record<string, unknown> | undefined;
	do {
		const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
		items.push(...(page.Items ?? []));
		start = page.LastEvaluatedKey;
	} while (start);
	return items.filter((item) => typeof item.seq === 'number');
}
