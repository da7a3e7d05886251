import { describe, expect, it } from 'vitest';
import { ManualClock } from '../platform/clock';
import { SequentialIds } from '../platform/ids';
import { MemoryTabNetwork } from '../platform/channel';
import { DEFAULT_PROFILE } from '../invoice/profile';
import { withoutMeta } from '../invoice/schema';
import { MemoryRecordStore } from '../storage/memory-store';
import { Repository, type ChangeNotice } from '../storage/repository';
import { saveProfileFields } from './profile-fields';

describe('saving one Settings form of the profile', () => {
	it('keeps what another form saved meanwhile, without calling it a change from elsewhere', async () => {
		const clock = new ManualClock(Date.parse('2026-03-01T10:00:00Z'));
		const network = new MemoryTabNetwork<ChangeNotice>();
		const repo = new Repository(
			new MemoryRecordStore(),
			clock,
			new SequentialIds(),
			network.join(),
			'a'
		);
		const { record: loaded } = await repo.update(
			'profile',
			withoutMeta(DEFAULT_PROFILE),
			undefined
		);
		const rates = await saveProfileFields(repo, loaded, loaded, {
			taxRates: [{ name: 'VAT 19%', rate: 19 }]
		});
		// The business form was loaded before the tax rates were saved.
		const business = await saveProfileFields(repo, rates.record, loaded, { name: 'Studio North' });
		expect(business.merged).toEqual([]);
		expect(business.record).toMatchObject({
			name: 'Studio North',
			taxRates: [{ name: 'VAT 19%', rate: 19 }]
		});
	});
});
