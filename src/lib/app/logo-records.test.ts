import { describe, expect, it } from 'vitest';
import { issuedChangeProblem } from '../invoice/issue';
import { withoutMeta, type Invoice } from '../invoice/schema';
import { makeClient, makeInvoiceDraft, makeProfile } from '../testing/factories';
import { MemoryRemote } from '../testing/memory-remote';
import { makeReplica, type Replica } from '../testing/replica';
import { freezeIssued, issueInvoice } from './invoice-actions';
import { documentLogo } from './logo-records';

const OLD_LOGO = 'data:image/png;base64,b2xkIGxvZ28=';
const NEW_LOGO = 'data:image/png;base64,bmV3IGxvZ28=';
const context = (logo: string) => ({
	profile: makeProfile({ name: 'Studio North', logo }),
	client: makeClient(),
	at: '2026-11-22T10:00:00.000Z',
	locale: 'en-GB'
});

async function issuedWith(device: Replica, logo: string): Promise<Invoice> {
	const draft = await device.repository.save('invoices', makeInvoiceDraft());
	return (await issueInvoice(device.repository, draft, context(logo))).record;
}

describe('the logo an invoice was issued with', () => {
	it('stays on its documents after the business changes its logo', async () => {
		const { repository } = makeReplica('a', new MemoryRemote());
		const sent = await issuedWith({ repository } as Replica, OLD_LOGO);
		expect(sent.issued?.logo).toMatch(/^logo-[0-9a-f]{40}$/);
		expect(await documentLogo(repository, sent, { logo: NEW_LOGO })).toBe(OLD_LOGO);
	});

	it('is none when it was issued without one, even once the business has one', async () => {
		const a = makeReplica('a', new MemoryRemote());
		const sent = await issuedWith(a, '');
		expect(sent.issued?.logo).toBe('');
		expect(await documentLogo(a.repository, sent, { logo: NEW_LOGO })).toBe('');
	});

	it('is one record however many invoices and devices issue with it, and syncs', async () => {
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const onA = await issuedWith(a, OLD_LOGO);
		await issuedWith(a, OLD_LOGO);
		const onB = await issuedWith(b, OLD_LOGO);
		expect(onB.issued?.logo).toBe(onA.issued?.logo);
		await a.engine.run();
		await b.engine.run();
		await a.engine.run();
		expect((await a.store.all('logos')).map((l) => l.id)).toEqual([onA.issued?.logo]);
		expect(await a.store.conflicts()).toEqual([]);
		const c = makeReplica('c', remote);
		await c.engine.run();
		expect(await documentLogo(c.repository, onB, { logo: NEW_LOGO })).toBe(OLD_LOGO);
	});

	it('may be added to an invoice issued before logos were kept (which prints the current one), never removed', async () => {
		const a = makeReplica('a', new MemoryRemote());
		const draft = await a.repository.save('invoices', makeInvoiceDraft());
		const sent = await issueInvoice(a.repository, draft, context(OLD_LOGO));
		// As issued before logos were kept: a snapshot without a logo.
		const { logo, ...before } = sent.record.issued!;
		expect(logo).toBeDefined();
		// Taking a kept logo away is an edit of an issued invoice.
		await expect(
			a.repository.replaceMany('invoices', [
				{ draft: { ...withoutMeta(sent.record), issued: before }, base: sent.record }
			])
		).rejects.toThrow('cannot be edited');
		const stored = { ...sent.record, issued: before };
		expect(await documentLogo(a.repository, stored, { logo: NEW_LOGO })).toBe(NEW_LOGO);
		const frozen = { ...stored, issued: { ...before, logo: 'logo-x' } };
		expect(issuedChangeProblem(stored, frozen)).toBeNull();
		expect(issuedChangeProblem(frozen, { ...frozen, issued: before })).toBe('edited');
	});

	it('freezes them in one write when the logo changes', async () => {
		const a = makeReplica('a', new MemoryRemote());
		const legacy = makeInvoiceDraft({ status: 'sent', issueDate: '2026-01-05' });
		const saved = await a.repository.save('invoices', legacy);
		const profile = makeProfile({ logo: OLD_LOGO });
		const contextOf = () => ({ profile, client: undefined, locale: 'en-GB' });
		expect(await freezeIssued(a.repository, [saved], contextOf)).toBe(1);
		const withSnapshot = (await a.repository.get('invoices', saved.id))!;
		expect(withSnapshot.issued?.logo).toMatch(/^logo-/);
		expect(await documentLogo(a.repository, withSnapshot, { logo: NEW_LOGO })).toBe(OLD_LOGO);
	});
});
