import { describe, expect, it } from 'vitest';
import { makeInvoice } from '../testing/factories';
import { reconcileCandidates, reconcileRepairs, SETTLE_MS, settle } from './sync-rules';
import { stampDigest } from './table-design';

describe('settle (pull checkpoint)', () => {
	it('moves the checkpoint only to changes seen by a pull that started long enough before', () => {
		let state = { checkpoint: 0, candidates: [] as { seq: number; at: number }[] };
		state = settle(state, 40, 1_000, 1_500);
		expect(state.checkpoint).toBe(0);
		state = settle(state, 55, 1_500 + SETTLE_MS - 1, 1_500 + SETTLE_MS);
		expect(state.checkpoint).toBe(0);
		state = settle(state, 55, 1_500 + SETTLE_MS, 1_600 + SETTLE_MS);
		expect(state.checkpoint).toBe(40);
		expect(state.candidates.map((c) => c.seq)).toEqual([55, 55]);
	});

	it('never moves backwards', () => {
		const state = settle(
			{ checkpoint: 90, candidates: [{ seq: 10, at: 0 }] },
			12,
			SETTLE_MS,
			SETTLE_MS
		);
		expect(state.checkpoint).toBe(90);
	});
});

describe('reconcile plan', () => {
	const invoice = (id: string, hlc: string) => ({
		collection: 'invoices' as const,
		record: makeInvoice({ id, hlc })
	});
	const A = '2026-01-01T00:00:00.000Z-0000-a';
	const B = '2026-01-02T00:00:00.000Z-0000-b';

	it('reads what differs, what is missing here, and what the listing lacks', () => {
		const cloud = new Map([
			['invoices#same', stampDigest(A)],
			['invoices#newer-there', stampDigest(B)],
			['invoices#only-there', stampDigest(A)],
			['#seq', 'x']
		]);
		const local = [
			invoice('same', A),
			invoice('newer-there', A),
			invoice('only-here', A),
			invoice('pending', A)
		];
		expect(reconcileCandidates(cloud, local, new Set(['invoices:pending']))).toEqual([
			'invoices#newer-there',
			'invoices#only-there',
			'invoices#only-here'
		]);
	});

	it('queues what the cloud lacks or holds older, and rewrites items the index cannot list', () => {
		const found = new Map([
			['invoices#older-there', { hlc: A, listed: true }],
			['invoices#unlisted', { hlc: A, listed: false }],
			['invoices#same', { hlc: B, listed: true }]
		]);
		const { repairs, upgrades } = reconcileRepairs(
			[
				invoice('older-there', B),
				invoice('missing', A),
				invoice('unlisted', A),
				invoice('same', B),
				invoice('pending', B)
			],
			found,
			new Set(['invoices:pending'])
		);
		expect(repairs.map((r) => [r.id, r.entry?.baseHlc])).toEqual([
			['older-there', A],
			['missing', undefined]
		]);
		expect(upgrades.map((r) => [r.id, r.entry?.baseHlc])).toEqual([['unlisted', A]]);
	});
});
