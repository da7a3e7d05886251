import { DEFAULT_NUMBER_FORMAT } from './numbering';
import { BUSINESS_PROFILE_ID } from './record-meta';
import type { BusinessProfile } from './schema';

/** The business details a new workspace starts with, before the user saves any. */
export const DEFAULT_PROFILE: BusinessProfile = {
	id: BUSINESS_PROFILE_ID,
	createdAt: '1970-01-01T00:00:00.000Z',
	updatedAt: '1970-01-01T00:00:00.000Z',
	hlc: '',
	deleted: false,
	name: '',
	email: '',
	address: '',
	taxId: '',
	logo: '',
	defaultCurrency: 'USD',
	paymentTermsDays: 30,
	numberFormat: DEFAULT_NUMBER_FORMAT
};
