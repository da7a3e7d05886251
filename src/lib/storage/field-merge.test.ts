import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../invoice/schema';
import { makeProfile } from '../testing/factories';
import { mergeFields } from './field-merge';

describe('mergeFields on the business profile', () => {
	it('takes a number and date format chosen elsewhere into a profile from before the field', () => {
		const base = makeProfile({ hlc: '2026-01-01T00:00:00.000Z-0000-a' });
		const local = { ...base, name: 'Renamed', hlc: '2026-01-02T00:00:00.000Z-0000-a' };
		const remote = { ...base, locale: 'de-DE', hlc: '2026-01-03T00:00:00.000Z-0000-b' };
		const { merged, clashes } = mergeFields(base, local, remote);
		expect(clashes).toEqual([]);
		expect(merged).toMatchObject({ name: 'Renamed', locale: 'de-DE' });
	});

	it('takes back "as this browser" (no locale) chosen on one side', () => {
		const base = makeProfile({ locale: 'fr-FR', hlc: '2026-01-01T00:00:00.000Z-0000-a' });
		const local: BusinessProfile = { ...base, hlc: '2026-01-02T00:00:00.000Z-0000-a' };
		delete local.locale;
		const remote = { ...base, name: 'Elsewhere', hlc: '2026-01-03T00:00:00.000Z-0000-b' };
		const { merged, clashes } = mergeFields(base, local, remote);
		expect(clashes).toEqual([]);
		expect(merged.locale).toBeUndefined();
		expect(merged.name).toBe('Elsewhere');
	});
});
