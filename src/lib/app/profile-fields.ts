import type { BusinessProfile, RecordMeta } from '../invoice/schema';
import { withoutMeta } from '../invoice/schema';
import type { Repository } from '../storage/repository';

/** The fields Settings → Business edits: all but the metadata and other tabs' fields. */
export function businessFields(profile: BusinessProfile) {
	const fields: Partial<BusinessProfile> = withoutMeta(profile);
	delete fields.id;
	delete fields.taxRates;
	delete fields.catalogue;
	delete fields.templates;
	delete fields.reminderDays;
	return fields as Omit<
		BusinessProfile,
		keyof RecordMeta | 'taxRates' | 'catalogue' | 'templates' | 'reminderDays'
	>;
}

/**
 * Saves the fields one Settings form edits. The other fields go as stored now, and count as
 * such in the merge: another form's save meanwhile (tax rates, the catalogue) is no change
 * "from another device", while a real concurrent change of these fields still merges.
 */
export function saveProfileFields(
	repository: Repository,
	stored: BusinessProfile,
	loaded: BusinessProfile,
	fields: Partial<Omit<BusinessProfile, 'id' | 'createdAt' | 'updatedAt' | 'hlc' | 'history'>>
) {
	const base: Record<string, unknown> = { ...stored, hlc: loaded.hlc };
	for (const name of Object.keys(fields)) base[name] = loaded[name as keyof BusinessProfile];
	return repository.update(
		'profile',
		{ ...withoutMeta(stored), ...fields },
		base as BusinessProfile
	);
}
