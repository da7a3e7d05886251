import type { Page } from '@playwright/test';
import { startFakeBedrock, type FakeBedrock } from '../src/lib/testing/fake-bedrock';
import { badge, configureAws, connect, expect, SECRET, test as awsTest, TOKEN_START } from './aws';
import { createInvoice, expectAccessible, openNewInvoice } from './helpers';

/**
 * AI tests get a fake Bedrock runtime on 127.0.0.1 beside the local DynamoDB, and
 * `connectedPage`: the app with both configured and AWS connected.
 */
const test = awsTest.extend<
	{ bedrock: FakeBedrock; connectedPage: Page },
	{ fakeBedrock: FakeBedrock }
>({
	fakeBedrock: [
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			const fake = await startFakeBedrock();
			await use(fake);
			await fake.close();
		},
		{ scope: 'worker' }
	],
	bedrock: async ({ fakeBedrock }, use) => {
		fakeBedrock.reset();
		await use(fakeBedrock);
	},
	connectedPage: async ({ page, localAws, table, bedrock }, use) => {
		await page.goto('./');
		await connectWithBedrock(page, localAws.proxy.endpoint, table, bedrock.url);
		await use(page);
	}
});

async function connectWithBedrock(page: Page, endpoint: string, table: string, bedrock: string) {
	await configureAws(page, endpoint, table);
	await page.getByLabel('Bedrock endpoint').fill(bedrock);
	await page.getByLabel('Bedrock endpoint').blur();
	await connect(page);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64'
);

test('AI buttons are off, with the reason, until AWS is connected', async ({
	page,
	localAws,
	table,
	bedrock
}) => {
	await page.goto('./');
	await createInvoice(page, { client: 'Acme', lines: [{ description: 'Work', unitPrice: '100' }] });
	const analyze = page.getByRole('button', { name: 'Analyze with AI' });
	await expect(analyze).toBeDisabled();
	await expect(page.getByRole('region', { name: 'AI review' })).toContainText('connect AWS first');
	// Unusable, the review is one small action, not a card of explanations.
	await expect(page.getByText(/^Checks the totals/)).toHaveCount(0);
	await openNewInvoice(page);
	await page.getByRole('button', { name: 'Fill from document…' }).click();
	// E-invoices are read without AI (tests/einvoice-read.spec.ts); the pasted text needs it.
	await expect(page.getByRole('button', { name: 'Choose a document…' })).toBeEnabled();
	await expect(page.getByText('Only e-invoices can be read now.')).toContainText(
		'connect AWS first'
	);
	await page.getByText('Paste e-mail text instead').click();
	await page.getByLabel('E-mail or bill text').fill('Bill for Acme');
	await expect(page.getByRole('button', { name: 'Fill from text' })).toBeDisabled();
	await page.getByRole('link', { name: 'Analytics' }).click();
	await expect(page.getByRole('button', { name: 'Generate insights' })).toBeDisabled();
	await expect(page.getByRole('region', { name: 'AI insights' })).toContainText(
		'connect AWS first'
	);

	await connectWithBedrock(page, localAws.proxy.endpoint, table, bedrock.url);
	await page.getByRole('link', { name: 'Analytics' }).click();
	await expect(page.getByRole('button', { name: 'Generate insights' })).toBeEnabled();

	// Keys that Bedrock says are expired turn the whole app offline, AI included.
	bedrock.answer = () => ({ error: 'ExpiredTokenException', status: 400 });
	await page.getByRole('button', { name: 'Generate insights' }).click();
	await expect(badge(page)).toContainText('AWS Offline');
	await expect(page.getByRole('button', { name: 'Generate insights' })).toBeDisabled();
	await expect(page.getByRole('region', { name: 'AI insights' })).toContainText('AWS is offline');
	expect(bedrock.calls).toHaveLength(1);
});

test('Analyze with AI lists the findings, sends only facts, and shows model text as text', async ({
	connectedPage: page,
	bedrock
}) => {
	await createInvoice(page, {
		client: 'Initech',
		lines: [{ description: 'Audit', quantity: '2', unitPrice: '500', taxRate: '20' }]
	});
	bedrock.answer = () => ({
		tool: {
			summary: 'One problem found.',
			findings: [
				{ severity: 'info', field: 'notes', message: 'Consider adding payment details.' },
				{
					severity: 'error',
					field: 'client.taxId',
					message: 'Missing tax ID <img src=x onerror="window.pwned=1">',
					suggestion: 'Add it under Clients.'
				},
				{ severity: 'warning' }
			]
		}
	});
	await page.getByRole('button', { name: 'Analyze with AI' }).click();
	const review = page.getByRole('region', { name: 'AI review' });
	const findings = review.getByRole('listitem');
	await expect(findings).toHaveCount(2);
	await expect(findings.first()).toContainText('Problem');
	await expect(findings.first()).toContainText(
		'Missing tax ID <img src=x onerror="window.pwned=1">'
	);
	await expect(findings.first()).toContainText('Suggestion: Add it under Clients.');
	await expect(findings.nth(1)).toContainText('Note');
	await expect(review).toContainText('One problem found.');
	await expect(review).toContainText('1 finding was left out');
	await expect(review).toContainText('812 tokens in, 96 out · about $0.000072 at list price');
	expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
	await expectAccessible(page, 'AI review with findings');

	const [call] = bedrock.calls;
	expect(call?.operation).toBe('converse');
	expect(call?.modelId).toBe('us.amazon.nova-lite-v1:0');
	expect(call?.body.toolConfig.toolChoice).toEqual({ tool: { name: 'report_findings' } });
	expect(call?.body.inferenceConfig.maxTokens).toBeGreaterThan(0);
	const sent = JSON.stringify(call?.body);
	expect(sent).toContain('\\"total\\":\\"1200.00\\"');
	expect(sent).toContain('\\"clientTaxIdMissing\\":true');
	expect(sent).not.toContain('Initech');
	expect(sent).not.toContain(SECRET);
	expect(sent).not.toContain(TOKEN_START);
	await expect(page.getByRole('heading', { name: /^Invoice / })).toBeVisible();
});

test('insights stream in as they are written and can be stopped', async ({
	connectedPage: page,
	bedrock
}) => {
	await createInvoice(page, { client: 'Acme', lines: [{ description: 'Work', unitPrice: '100' }] });
	await page.getByRole('button', { name: 'Mark as sent' }).click();
	// Sent only once the button leaves: Analytics opened before would show (and send) a draft.
	await expect(page.getByRole('button', { name: 'Mark as sent' })).toBeHidden();
	await page.getByRole('link', { name: 'Analytics' }).click();
	const insights = page.getByRole('region', { name: 'AI insights' });

	bedrock.answer = () => ({
		stream: Array.from({ length: 40 }, (_, i) => `part${i} `),
		gapMs: 150
	});
	await insights.getByRole('button', { name: 'Generate insights' }).click();
	await expect(insights).toContainText('part2');
	await expect(insights).not.toContainText('part39');
	await insights.getByRole('button', { name: 'Stop' }).click();
	await expect(insights.getByRole('status')).toContainText('Stopped');
	await expect(insights.getByRole('button', { name: 'Generate insights' })).toBeFocused();
	const shown = await insights.locator('.narrative').textContent();
	// Once the endpoint has seen the request aborted, no later part can reach the page.
	await expect.poll(() => bedrock.calls[0]?.aborted).toBe(true);
	await expect(insights.locator('.narrative')).toHaveText(shown ?? '');
	expect(JSON.stringify(bedrock.calls[0]?.body)).toContain('\\"currency\\":\\"USD\\"');

	bedrock.answer = () => ({ stream: ['- Revenue is ', 'all from Acme.'], gapMs: 20 });
	await insights.getByRole('button', { name: 'Generate insights' }).click();
	await expect(insights.locator('.narrative')).toHaveText('- Revenue is all from Acme.');
	await expect(insights).toContainText('812 tokens in, 96 out');
	await expect(insights.getByRole('button', { name: 'Stop' })).toBeHidden();
	await expectAccessible(page, 'AI insights');

	// A model error partway through keeps what arrived and says what happened.
	bedrock.answer = () => ({ stream: ['- Half a thought'], failWith: 'modelStreamErrorException' });
	await insights.getByRole('button', { name: 'Generate insights' }).click();
	await expect(insights.getByRole('alert')).toContainText('failed partway through its answer');
	await expect(insights.locator('.narrative')).toHaveText('- Half a thought');
});

test('Fill from document fills the editor from a PDF and from an image, and saves nothing by itself', async ({
	connectedPage: page,
	bedrock
}) => {
	await openNewInvoice(page);

	const fill = page.getByRole('button', { name: 'Fill from document…' });
	await expect(fill).toHaveAttribute('aria-expanded', 'false');
	await expect(page.getByRole('button', { name: 'Choose a document…' })).toHaveCount(0);
	await fill.click();
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Choose a document…' }).click();
	await (
		await chooser
	).setFiles({ name: 'Bill #118 (Globex).pdf', mimeType: 'application/pdf', buffer: PDF });
	await expect(
		page.getByText(
			/^Filled client, invoice number, issue date, due date, currency, notes, 2 lines from Bill #118/
		)
	).toBeVisible();
	await expect(page.getByLabel('Client')).toHaveValue('Globex Corporation');
	await expect(page.getByLabel('Invoice number')).toHaveValue('GX-2026-118');
	await expect(page.getByLabel('Issue date')).toHaveValue('2026-11-02');
	await expect(page.getByLabel('Currency')).toHaveValue('EUR');
	await expect(page.getByLabel('Description').nth(1)).toHaveValue('Travel expenses');
	await expect(page.getByLabel('Total')).toHaveText('€1,166.40');
	await expectAccessible(page, 'editor filled from a document');
	const pdfBlock = bedrock.calls[0]?.body.messages[0].content[1].document;
	expect(pdfBlock.name).toBe('Bill 118 (Globex)');
	expect(pdfBlock.format).toBe('pdf');
	expect(Buffer.from(pdfBlock.source.bytes, 'base64').equals(PDF)).toBe(true);

	bedrock.answer = () => ({
		tool: { clientName: 'Photo Client', lines: [{ description: 'Taxi', unitPrice: 25 }] }
	});
	await page
		.getByLabel('Document')
		.setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG });
	await expect(page.getByLabel('Client')).toHaveValue('Photo Client');
	await expect(page.getByLabel('Description')).toHaveCount(3);
	await expect(page.getByLabel('Description').nth(2)).toHaveValue('Taxi');
	const imageBlock = bedrock.calls[1]?.body.messages[0].content[1].image;
	expect(imageBlock.format).toBe('png');
	expect(Buffer.from(imageBlock.source.bytes, 'base64').equals(PNG)).toBe(true);

	// Pasted e-mail text goes as a plain-text document.
	bedrock.answer = () => ({
		tool: {
			notes: 'Per your e-mail of 3 November.',
			lines: [{ description: 'Extra hour', unitPrice: 90 }]
		}
	});
	await page.getByText('Paste e-mail text instead').click();
	await page
		.getByLabel('E-mail or bill text')
		.fill('Hi, please bill us one extra hour at 90 EUR. Thanks');
	await page.getByRole('button', { name: 'Fill from text' }).click();
	await expect(page.getByLabel('Notes and terms')).toHaveValue('Per your e-mail of 3 November.');
	await expect(page.getByLabel('Description')).toHaveCount(4);
	const textBlock = bedrock.calls[2]?.body.messages[0].content[1].document;
	expect(textBlock.format).toBe('txt');
	expect(Buffer.from(textBlock.source.bytes, 'base64').toString()).toContain('one extra hour');

	// A file that is neither PDF nor image never leaves the browser.
	await page
		.getByLabel('Document')
		.setInputFiles({ name: 'x.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
	await expect(page.getByRole('alert')).toHaveText('x.gif is not a PDF, PNG or JPEG file.');
	expect(bedrock.calls).toHaveLength(3);

	// Nothing was saved until now: leaving the filled editor asks first.
	await page.getByRole('link', { name: 'Invoices', exact: true }).click();
	await page
		.getByRole('dialog', { name: 'Leave without saving?' })
		.getByRole('button', { name: 'Leave' })
		.click();
	// Wait for the list itself: the number in the editor's input is not text, so the count
	// below would pass on the editor page and goBack would leave the editor behind.
	await expect(page.getByRole('heading', { name: 'Invoices', exact: true })).toBeVisible();
	await expect(page.getByText('GX-2026-118')).toHaveCount(0);
	await page.goBack();
	await expect(page.getByRole('heading', { name: 'New invoice' })).toBeVisible();
	await page.getByRole('button', { name: 'Fill from document…' }).click();
	bedrock.reset();
	await page
		.getByLabel('Document')
		.setInputFiles({ name: 'Bill.pdf', mimeType: 'application/pdf', buffer: PDF });
	await expect(page.getByLabel('Invoice number')).toHaveValue('GX-2026-118');
	await page.getByRole('button', { name: 'Save invoice' }).click();
	await expect(page.getByRole('heading', { name: 'Invoice GX-2026-118' })).toBeVisible();
});

test('AccessDenied, throttling and an unreachable endpoint are explained', async ({
	connectedPage: page,
	bedrock
}) => {
	test.setTimeout(60_000);
	const number = await createInvoice(page, {
		client: 'Acme',
		lines: [{ description: 'Work', unitPrice: '100' }]
	});
	const review = page.getByRole('region', { name: 'AI review' });
	const analyze = review.getByRole('button', { name: 'Analyze with AI' });

	bedrock.answer = () => ({ error: 'AccessDeniedException', status: 403 });
	await analyze.click();
	await expect(review.getByRole('alert')).toContainText(
		'This account has no access to the model us.amazon.nova-lite-v1:0'
	);
	await expect(review.getByRole('alert')).toContainText('Model access');
	await expect(badge(page)).toContainText('AWS Connected');

	bedrock.reset();
	bedrock.answer = () => ({ error: 'ThrottlingException', status: 429 });
	await analyze.click();
	await expect(review.getByRole('status')).toContainText('Reviewing');
	await expect(review.getByRole('alert')).toContainText(
		'Bedrock is busy (throttled) and still said no after 4 tries',
		{ timeout: 20_000 }
	);
	expect(bedrock.calls).toHaveLength(4);

	bedrock.reset();
	bedrock.answer = () =>
		bedrock.calls.length < 2
			? { error: 'ThrottlingException', status: 429 }
			: { tool: { summary: 'Fine.', findings: [] } };
	await analyze.click();
	await expect(review).toContainText('No problems found.', { timeout: 20_000 });

	await page.getByRole('link', { name: 'Settings' }).click();
	await page.getByRole('tab', { name: 'AWS' }).click();
	await page.getByLabel('Bedrock endpoint').fill('http://127.0.0.1:9');
	await page.getByLabel('Bedrock endpoint').blur();
	await page.getByRole('link', { name: 'Invoices', exact: true }).click();
	await page.getByRole('link', { name: number }).click();
	await analyze.click();
	await expect(review.getByRole('alert')).toContainText(
		'The browser could not reach Bedrock at http://127.0.0.1:9 from this page',
		{ timeout: 20_000 }
	);
});

test('a photo over Bedrock’s 3.75 MB image limit is scaled down before it is sent', async ({
	connectedPage: page,
	bedrock
}) => {
	await openNewInvoice(page);
	await page.getByRole('button', { name: 'Fill from document…' }).click();
	// Random pixels do not compress: a 1100 × 1100 PNG of them is about 4.8 MB.
	const photo = Buffer.from(
		await page.evaluate(async () => {
			const canvas = new OffscreenCanvas(1100, 1100);
			const context = canvas.getContext('2d')!;
			const pixels = context.createImageData(1100, 1100);
			for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = (Math.random() * 256) | 0;
			context.putImageData(pixels, 0, 0);
			const bytes = new Uint8Array(await (await canvas.convertToBlob()).arrayBuffer());
			let binary = '';
			for (let i = 0; i < bytes.length; i += 0x8000) {
				binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
			}
			return btoa(binary);
		}),
		'base64'
	);
	expect(photo.length).toBeGreaterThan(3.75 * 1024 * 1024);
	await page.getByLabel('Document').setInputFiles({
		name: 'big photo.png',
		mimeType: 'image/png',
		buffer: photo
	});
	await expect(page.getByText(/^The photo was scaled down from \d+(\.\d+)? MB to/)).toBeVisible();
	const image = bedrock.calls[0]?.body.messages[0].content[1].image;
	expect(image.format).toBe('jpeg');
	const sent = Buffer.from(image.source.bytes, 'base64');
	expect(sent.length).toBeLessThanOrEqual(3.75 * 1024 * 1024);
	expect([...sent.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
});
