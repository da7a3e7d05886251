/** Sentences about sync that depend on its state, so none says what is not so. Pure. */
import { countOf } from '../invoice/words';
import type { CloudPlace } from './sync.svelte';

/** Changes not yet in the cloud; `live` while an AWS session can sync. */
export function waitingForCloud(pending: number, live: boolean): string {
	if (pending === 0) {
		return live
			? 'Everything here is also in the cloud.'
			: 'Nothing is waiting to be copied to the cloud.';
	}
	const waiting = `${countOf(pending, 'change is', 'changes are')} waiting to be copied to the cloud`;
	return live ? `${waiting}.` : `${waiting} once AWS is connected.`;
}

/**
 * How far another device's clock runs ahead (over 5 minutes, under a day: see storage/hlc).
 * Devices have no names, and their ids mean nothing to a person, so none is named.
 */
export function clockAhead(aheadMs: number): string {
	const minutes = Math.round(aheadMs / 60_000);
	const ahead =
		minutes < 90 ? countOf(minutes, 'minute') : countOf(Math.round(minutes / 60), 'hour');
	return `Another device's clock is ${ahead} ahead of this one.`;
}

/**
 * Two places in words, naming only what tells them apart besides the workspace:
 * `workspace "default"` and `workspace "books" of table "archive"`.
 */
export function describePlaces(a: CloudPlace, b: CloudPlace): [string, string] {
	const words = ({ settings }: CloudPlace) => {
		let text = `workspace "${settings.workspace}"`;
		if (a.settings.table !== b.settings.table) text += ` of table "${settings.table}"`;
		const where = settings.dynamodbEndpoint || settings.region;
		const otherWhere = (place: CloudPlace) =>
			place.settings.dynamodbEndpoint || place.settings.region;
		if (otherWhere(a) !== otherWhere(b)) text += ` at ${where}`;
		return text;
	};
	return [words(a), words(b)];
}
