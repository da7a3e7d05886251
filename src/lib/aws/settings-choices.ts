/**
 * What Settings → AWS offers to pick; any other region or model id may still be typed. Apart
 * from settings.ts, which the first page reads.
 */
import { DEFAULT_AWS_SETTINGS } from './settings';

export { OFFERED_REGIONS as AWS_REGIONS } from './content-policy.js';

/** Models offered in the picker; any Bedrock model or inference-profile id may be typed. */
export const BEDROCK_MODELS = [
	{
		id: DEFAULT_AWS_SETTINGS.bedrockModel,
		label: 'Amazon Nova Lite (US profile): default, low cost'
	},
	{ id: 'amazon.nova-lite-v1:0', label: 'Amazon Nova Lite (this region only)' },
	{ id: 'us.amazon.nova-micro-v1:0', label: 'Amazon Nova Micro: text only, lowest cost' },
	{ id: 'us.amazon.nova-pro-v1:0', label: 'Amazon Nova Pro: more capable, about 13× the cost' },
	{ id: 'us.anthropic.claude-3-5-haiku-20241022-v1:0', label: 'Claude 3.5 Haiku (US profile)' },
	{ id: 'anthropic.claude-3-haiku-20240307-v1:0', label: 'Claude 3 Haiku' }
] as const;
