import { describe, expect, it } from 'vitest';
import { formatsFor } from '../invoice/formats';
import { MemoryMail } from '../platform/mail';
import { makeClient, makeInvoice, makeProfile } from '../testing/factories';
import { sendInvoice, type SendRequest } from './send-invoice';

const PDF = new Uint8Array([37, 80, 68, 70]);

function request(mail: MemoryMail, saved: string[], overrides: Partial<SendRequest> = {}) {
	return {
		invoice: makeInvoice({ number: 'INV/2026/7', status: 'sent' }),
		reminder: false,
		profile: makeProfile({ name: 'Studio North' }),
		client: makeClient({ email: 'ap@acme.test' }),
		formats: formatsFor('en-US', 'en-US'),
		pdf: PDF,
		mail,
		savePdf: (name: string) => saved.push(name),
		...overrides
	};
}

describe('sendInvoice', () => {
	it('shares the PDF with the filled message where the browser can share files', async () => {
		const mail = new MemoryMail(true);
		const saved: string[] = [];
		expect(await sendInvoice(request(mail, saved))).toBe('shared');
		expect(mail.shared).toHaveLength(1);
		const [shared] = mail.shared;
		expect(shared!.files[0]!.name).toBe('INV-2026-7.pdf');
		expect(shared!.files[0]!.type).toBe('application/pdf');
		expect(shared!.title).toBe('Invoice INV/2026/7 from Studio North');
		expect(shared!.text).toContain('$100.00, due on 02/09/2026');
		expect(saved).toEqual([]);
	});

	it('else saves the PDF and opens a mail to the client with the reminder', async () => {
		const mail = new MemoryMail(false);
		const saved: string[] = [];
		const outcome = await sendInvoice(request(mail, saved, { reminder: true }));
		expect(outcome).toBe('mailed');
		expect(saved).toEqual(['INV-2026-7.pdf']);
		expect(mail.opened).toHaveLength(1);
		const href = new URL(mail.opened[0]!);
		expect(href.protocol).toBe('mailto:');
		expect(href.pathname).toBe('ap@acme.test');
		expect(href.searchParams.get('subject')).toBe('Reminder: invoice INV/2026/7 is overdue');
		expect(href.searchParams.get('body')).toContain('$100.00 is still open');
	});

	it('writes to a German client in German, with German dates and amounts; a quote as a quote', async () => {
		const mail = new MemoryMail(true);
		const german = makeClient({ email: 'ap@acme.test', language: 'de' });
		await sendInvoice(request(mail, [], { client: german }));
		expect(mail.shared[0]!.title).toBe('Rechnung INV/2026/7 von Studio North');
		expect(mail.shared[0]!.text).toContain('über 100,00\u00a0$, fällig am 09.02.2026');
		const quote = makeInvoice({ number: 'QUO-1', kind: 'quote', status: 'sent' });
		await sendInvoice(request(mail, [], { invoice: quote }));
		expect(mail.shared[1]!.title).toBe('Quote QUO-1 from Studio North');
	});

	it('says cancelled when the share sheet is closed, and passes other failures on', async () => {
		const abort = Object.assign(new Error('closed'), { name: 'AbortError' });
		const closed = new MemoryMail(true, () => Promise.reject(abort));
		expect(await sendInvoice(request(closed, []))).toBe('cancelled');
		const broken = new MemoryMail(true, () => Promise.reject(new TypeError('denied')));
		await expect(sendInvoice(request(broken, []))).rejects.toThrow('denied');
	});
});
