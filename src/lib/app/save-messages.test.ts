import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldWords, problemText, saveMessage } from './save-messages';

const clean = { merged: [], clashes: [], deleted: false };
const INVOICE = 'Invoice INV-2026-0007';
const SAVED = 'Invoice INV-2026-0007 saved';

describe('saveMessage', () => {
	it('says only what the save did when nothing changed elsewhere', () => {
		expect(saveMessage('invoices', INVOICE, SAVED, clean)).toEqual({
			text: SAVED,
			tone: 'info',
			ms: 5_000
		});
	});

	it('names the change kept from elsewhere', () => {
		const message = saveMessage('invoices', INVOICE, SAVED, { ...clean, merged: ['notes'] });
		expect(message.text).toBe(
			'Invoice INV-2026-0007 saved. It was changed on another device or in another tab meanwhile. Kept their change to the notes.'
		);
		expect(message).toMatchObject({ tone: 'info', ms: 12_000 });
	});

	it('lists several kept changes in plain words, with a plural', () => {
		const { text } = saveMessage('invoices', INVOICE, SAVED, {
			...clean,
			merged: ['lines', 'dueDate', 'notes']
		});
		expect(text).toContain('Kept their changes to the due date, line items, and notes.');
	});

	it('says which side won where both changed a field, and where the other value is', () => {
		const { text } = saveMessage('invoices', INVOICE, SAVED, {
			...clean,
			merged: ['dueDate'],
			clashes: ['notes', 'payments']
		});
		expect(text).toBe(
			'Invoice INV-2026-0007 saved. It was changed on another device or in another tab meanwhile. Kept their change to the due date. You both changed the notes and payments: kept yours; theirs can be restored from the sync notice.'
		);
	});

	it('tells that a record deleted elsewhere stays deleted and the edit can be restored', () => {
		const message = saveMessage('clients', 'Client Acme Ltd', 'Client Acme Ltd saved', {
			...clean,
			deleted: true
		});
		expect(message.text).toBe(
			'Client Acme Ltd was deleted on another device or in another tab meanwhile: it stays deleted; your version can be restored from the sync notice.'
		);
		expect(message.tone).toBe('error');
	});

	it('works for any action, not only the editor', () => {
		const { text } = saveMessage('invoices', INVOICE, 'INV-2026-0007 marked as sent', {
			...clean,
			merged: ['notes']
		});
		expect(text).toMatch(/^INV-2026-0007 marked as sent\. It was changed/);
	});
});

describe('fieldWords', () => {
	it('names each field once, in plain words, in form order', () => {
		expect(fieldWords('invoices', ['clientName', 'number', 'clientId', 'issueDate'])).toEqual([
			'invoice number',
			'client',
			'issue date'
		]);
		expect(fieldWords('clients', ['taxId', 'name'])).toEqual(['name', 'tax ID']);
		expect(fieldWords('profile', ['numberFormat', 'paymentTermsDays', 'name'])).toEqual([
			'business name',
			'payment terms',
			'numbering format'
		]);
	});

	it('never shows an internal field name', () => {
		expect(fieldWords('invoices', ['notes', 'internalRef', 'toString'])).toEqual([
			'notes',
			'other details'
		]);
	});
});

describe('fieldLabel', () => {
	it('names a stored field in words, lines and payments by their number', () => {
		expect(fieldLabel('invoices', 'lines.0.description')).toBe('Line 1 description');
		expect(fieldLabel('invoices', 'lines.11.unitPrice')).toBe('Line 12 unit price');
		expect(fieldLabel('invoices', 'payments.2.amount')).toBe('Payment 3 amount');
		expect(fieldLabel('invoices', 'number')).toBe('Invoice number');
		expect(fieldLabel('invoices', 'discount.value')).toBe('Discount');
		expect(fieldLabel('invoices', 'clientName')).toBe('Client');
		expect(fieldLabel('profile', 'numberFormat')).toBe('Numbering format');
		expect(fieldLabel('profile', 'locale')).toBe('Number and date format');
		expect(fieldLabel('clients', 'taxId')).toBe('Tax ID');
		expect(fieldLabel('clients', 'nonsense')).toBe('Other details');
	});

	it('says a save problem with the field in words', () => {
		expect(
			problemText('invoices', { path: 'lines.0.description', message: 'at most 2,000 characters' })
		).toBe('Line 1 description: at most 2,000 characters');
		expect(problemText('invoices', { path: '', message: 'Invalid type' })).toBe('Invalid type');
	});
});
