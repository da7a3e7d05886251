/** The first-run steps on the empty Invoices page, each ticked off by what the workspace holds. */
export type WelcomeStepId = 'business' | 'client' | 'invoice' | 'aws';

export interface WelcomeStep {
	id: WelcomeStepId;
	title: string;
	/** One sentence on why the step matters; for a step already done, what was done. */
	detail: string;
	done: boolean;
	optional: boolean;
}

export interface WorkspaceProgress {
	businessName: string;
	clientCount: number;
	invoiceCount: number;
	awsConnected: boolean;
}

export function welcomeSteps(progress: WorkspaceProgress): WelcomeStep[] {
	const named = progress.businessName.trim() !== '';
	return [
		{
			id: 'business',
			title: 'Set up your business',
			detail: named
				? `Invoices are issued by ${progress.businessName.trim()}.`
				: 'Your name, address and tax ID go on every invoice.',
			done: named,
			optional: false
		},
		{
			id: 'client',
			title: 'Add a client',
			detail:
				progress.clientCount > 0
					? 'Your clients are ready to pick in the invoice form.'
					: 'Or type a new client name straight into your first invoice.',
			done: progress.clientCount > 0,
			optional: false
		},
		{
			id: 'invoice',
			title: 'Create an invoice',
			detail: 'Saved in this browser at once, and it works offline.',
			done: progress.invoiceCount > 0,
			optional: false
		},
		{
			id: 'aws',
			title: 'Connect AWS',
			detail: progress.awsConnected
				? 'Invoices are also kept in your DynamoDB table.'
				: 'Keeps a copy in DynamoDB and syncs your devices; the app works fully without it.',
			done: progress.awsConnected,
			optional: true
		}
	];
}
