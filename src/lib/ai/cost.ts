/**
 * Token usage and what it roughly costs, shown after every AI call so nobody is surprised
 * by a bill. Prices are Bedrock's on-demand list prices in USD per million tokens
 * (us-east-1); a lab account's credits and other regions may differ.
 */
import { countOf } from '../invoice/words';
import type { TokenUsage } from './model';

const PRICE_PER_MILLION: Record<string, { input: number; output: number }> = {
	'amazon.nova-micro-v1:0': { input: 0.035, output: 0.14 },
	'amazon.nova-lite-v1:0': { input: 0.06, output: 0.24 },
	'amazon.nova-pro-v1:0': { input: 0.8, output: 3.2 },
	'anthropic.claude-3-haiku-20240307-v1:0': { input: 0.25, output: 1.25 },
	'anthropic.claude-3-5-haiku-20241022-v1:0': { input: 0.8, output: 4 }
};

/** Cross-region inference profiles ("us.", "eu.", …) cost what the model itself costs. */
const PROFILE_PREFIX = /^(us|eu|apac|us-gov|global)\./;

/** Estimated cost in USD, or null when the model's price is not known here. */
export function estimateCost(modelId: string, usage: TokenUsage): number | null {
	const price = PRICE_PER_MILLION[modelId.replace(PROFILE_PREFIX, '')];
	if (!price) return null;
	return (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000;
}

export function describeUsage(modelId: string, usage: TokenUsage | null): string {
	if (!usage) return `${modelId} did not report token usage.`;
	const count = new Intl.NumberFormat('en-US');
	const tokens = `${countOf(usage.inputTokens, 'token')} in, ${count.format(usage.outputTokens)} out`;
	const cost = estimateCost(modelId, usage);
	if (cost === null) return `${tokens} · no price known for ${modelId}`;
	return `${tokens} · about ${formatUsd(cost)} at list price (${modelId})`;
}

/** Tiny amounts keep two significant digits, so a call never reads as "$0.00". */
function formatUsd(amount: number): string {
	if (amount === 0) return '$0';
	if (amount < 0.000001) return 'under $0.000001';
	if (amount >= 1) return `$${amount.toFixed(2)}`;
	return `$${amount.toPrecision(2)}`;
}
