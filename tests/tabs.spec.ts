import { expect, test } from '@playwright/test';
import { createInvoice } from './helpers';

test('a change in one tab shows in the other open tabs without reload', async ({ context }) => {
	const first = await context.newPage();
	const second = await context.newPage();
	await first.goto('./');
	await second.goto('./');
	await expect(second.getByText('No invoices yet')).toBeVisible();

	const number = await createInvoice(first, {
		client: 'Two Tabs Ltd',
		lines: [{ description: 'Sync', unitPrice: '5' }]
	});
	const row = second.getByRole('row').filter({ hasText: number });
	await expect(row).toContainText('Two Tabs Ltd');
	// The new client and the invoice are both waiting for the cloud.
	await expect(second.getByText('2 pending')).toBeVisible();

	await first.getByRole('button', { name: 'Mark as sent' }).click();
	await expect(row).toContainText('Sent');

	// Only a draft can be deleted: the deletion shows in the other tab too.
	const draft = await createInvoice(first, {
		client: 'Two Tabs Ltd',
		lines: [{ description: 'Draft', unitPrice: '1' }]
	});
	const draftRow = second.getByRole('row').filter({ hasText: draft });
	await expect(draftRow).toContainText('Draft');
	await first.getByRole('button', { name: 'Delete invoice' }).click();
	await first.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
	await expect(draftRow).toHaveCount(0);
	await expect(row).toContainText('Sent');
});
