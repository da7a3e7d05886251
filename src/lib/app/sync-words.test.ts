import { describe, expect, it } from 'vitest';
import { clockAhead, describePlaces, waitingForCloud } from './sync-words';

describe('waitingForCloud', () => {
	it('says "once AWS is connected" only while it is not', () => {
		expect(waitingForCloud(1, false)).toBe(
			'1 change is waiting to be copied to the cloud once AWS is connected.'
		);
		expect(waitingForCloud(3, false)).toBe(
			'3 changes are waiting to be copied to the cloud once AWS is connected.'
		);
		expect(waitingForCloud(1, true)).toBe('1 change is waiting to be copied to the cloud.');
		expect(waitingForCloud(0, true)).toBe('Everything here is also in the cloud.');
		expect(waitingForCloud(0, false)).toBe('Nothing is waiting to be copied to the cloud.');
	});
});

describe('clockAhead', () => {
	it('names no device and counts in minutes, or hours past 90 minutes', () => {
		expect(clockAhead(6 * 60_000)).toBe("Another device's clock is 6 minutes ahead of this one.");
		expect(clockAhead(61_000)).toBe("Another device's clock is 1 minute ahead of this one.");
		expect(clockAhead(3 * 3_600_000 + 10 * 60_000)).toBe(
			"Another device's clock is 3 hours ahead of this one."
		);
	});
});

describe('describePlaces', () => {
	const place = (workspace: string, table = 'invoicelab', region = 'us-east-1') => ({
		scope: `${region}|${table}|${workspace}`,
		settings: { workspace, table, region, dynamodbEndpoint: '' }
	});

	it('names only what tells two places apart besides the workspace', () => {
		expect(describePlaces(place('a'), place('b'))).toEqual(['workspace "a"', 'workspace "b"']);
		expect(describePlaces(place('a'), place('a', 'archive', 'eu-west-1'))).toEqual([
			'workspace "a" of table "invoicelab" at us-east-1',
			'workspace "a" of table "archive" at eu-west-1'
		]);
	});
});
