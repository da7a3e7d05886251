/**
 * Logos issued invoices print (LogoSchema): kept once per logo, by the digest of its content,
 * so two devices issuing with the same logo keep the same record, and an issued invoice keeps
 * printing the logo it was issued with after the business changes its own.
 */
import type { BusinessProfile, Invoice } from '../invoice/schema';
import type { Repository } from '../storage/repository';

/** `logo-` and the first 160 bits of the SHA-256 of the data URL, in hex. */
export async function logoId(dataUrl: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(dataUrl));
	const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
	return `logo-${hex.slice(0, 40)}`;
}

/** Keeps the business's current logo as a record; its id, or undefined without a logo. */
export async function keepLogo(
	repository: Repository,
	profile: Pick<BusinessProfile, 'logo'>
): Promise<string | undefined> {
	if (!profile.logo) return undefined;
	const id = await logoId(profile.logo);
	const kept = await repository.get('logos', id);
	if (!kept || kept.deleted) await repository.save('logos', { id, dataUrl: profile.logo });
	return id;
}

/**
 * The logo an invoice's documents print: the one it was issued with (none if it was issued
 * without one), or on a draft, and on invoices issued before logos were kept, the current one.
 */
export async function documentLogo(
	repository: Repository,
	invoice: Pick<Invoice, 'issued'>,
	profile: Pick<BusinessProfile, 'logo'>
): Promise<string> {
	if (!invoice.issued || !('logo' in invoice.issued)) return profile.logo;
	if (!invoice.issued.logo) return '';
	return (await repository.get('logos', invoice.issued.logo))?.dataUrl ?? '';
}
