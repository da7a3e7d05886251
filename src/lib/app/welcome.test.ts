import { describe, expect, it } from 'vitest';
import { welcomeSteps, type WorkspaceProgress } from './welcome';

const fresh: WorkspaceProgress = {
	businessName: '',
	clientCount: 0,
	invoiceCount: 0,
	awsConnected: false
};
const ticked = (progress: WorkspaceProgress) =>
	welcomeSteps(progress)
		.filter((step) => step.done)
		.map((step) => step.id);

describe('welcomeSteps', () => {
	it('starts with nothing ticked and only AWS optional', () => {
		const steps = welcomeSteps(fresh);
		expect(steps.map((step) => step.title)).toEqual([
			'Set up your business',
			'Add a client',
			'Create an invoice',
			'Connect AWS'
		]);
		expect(ticked(fresh)).toEqual([]);
		expect(steps.filter((step) => step.optional).map((step) => step.id)).toEqual(['aws']);
	});

	it('ticks each step by what the workspace holds, in any order', () => {
		expect(ticked({ ...fresh, clientCount: 1 })).toEqual(['client']);
		expect(ticked({ ...fresh, awsConnected: true })).toEqual(['aws']);
		expect(ticked({ ...fresh, businessName: 'Studio North', invoiceCount: 2 })).toEqual([
			'business',
			'invoice'
		]);
	});

	it('does not count a name of spaces as a business set up', () => {
		expect(ticked({ ...fresh, businessName: '   ' })).toEqual([]);
		expect(welcomeSteps({ ...fresh, businessName: ' Studio North ' })[0]?.detail).toBe(
			'Invoices are issued by Studio North.'
		);
	});
});
