/**
 * The real AiModel: Bedrock Runtime's Converse and ConverseStream, called from the browser
 * with the pasted credentials. The SDK (about 56 KB gzip) is a dynamic import, loaded on
 * the first AI call, never with the app's first page.
 */
import type {
	ContentBlock,
	ConverseCommandInput,
	TokenUsage as SdkUsage
} from '@aws-sdk/client-bedrock-runtime';
import type { AwsProblem } from '../aws/aws-errors';
import { watchForRejectedCredentials } from '../aws/rejection-watch';
import type { AwsSession } from '../aws/session';
import type { AwsSettings } from '../aws/settings';
import {
	MAX_ATTEMPTS,
	type AiContent,
	type AiModel,
	type AiRequest,
	type TokenUsage
} from './model';

/** How long to wait for Bedrock to start answering; a stream may then run longer. */
const RESPONSE_TIMEOUT_MS = 90_000;

export function bedrockEndpoint(settings: AwsSettings): string {
	return settings.bedrockEndpoint || `https://bedrock-runtime.${settings.region}.amazonaws.com`;
}

export async function openBedrockModel(
	session: AwsSession,
	settings: AwsSettings,
	onRejected: (problem: AwsProblem) => void
): Promise<AiModel> {
	const [sdk, { FetchHttpHandler }] = await Promise.all([
		import('@aws-sdk/client-bedrock-runtime'),
		import('@smithy/fetch-http-handler')
	]);
	const client = new sdk.BedrockRuntimeClient({
		region: settings.region,
		endpoint: settings.bedrockEndpoint || undefined,
		credentials: { ...session.credentials },
		maxAttempts: MAX_ATTEMPTS,
		// The browser's transport everywhere: Node would pick HTTP/2, so tests would not run
		// the code path users get.
		requestHandler: new FetchHttpHandler({ requestTimeout: RESPONSE_TIMEOUT_MS })
	});
	watchForRejectedCredentials(client, onRejected);
	const modelId = settings.bedrockModel;

	return {
		modelId,
		endpoint: bedrockEndpoint(settings),
		async converse(request, signal) {
			const command = new sdk.ConverseCommand(converseInput(modelId, request));
			const output = await client.send(command, { abortSignal: signal });
			const blocks = output.output?.message?.content ?? [];
			return {
				text: blocks.map((block) => block.text ?? '').join(''),
				toolInput: blocks.find((block) => block.toolUse)?.toolUse?.input,
				stopReason: output.stopReason ?? '',
				usage: usageOf(output.usage)
			};
		},
		async *stream(request, signal) {
			const command = new sdk.ConverseStreamCommand(converseInput(modelId, request));
			const output = await client.send(command, { abortSignal: signal });
			for await (const event of output.stream ?? []) {
				const text = event.contentBlockDelta?.delta?.text;
				const usage = usageOf(event.metadata?.usage);
				if (text) yield { type: 'text', text };
				else if (event.messageStop)
					yield { type: 'stop', reason: event.messageStop.stopReason ?? '' };
				else if (usage) yield { type: 'usage', usage };
			}
		}
	};
}

function converseInput(modelId: string, request: AiRequest): ConverseCommandInput {
	const { tool } = request;
	return {
		modelId,
		system: [{ text: request.system }],
		messages: [{ role: 'user', content: request.content.map(contentBlock) }],
		inferenceConfig: { maxTokens: request.maxTokens, temperature: request.temperature },
		toolConfig: tool && {
			tools: [
				{
					toolSpec: {
						name: tool.name,
						description: tool.description,
						inputSchema: { json: tool.inputSchema as never }
					}
				}
			],
			toolChoice: { tool: { name: tool.name } }
		}
	};
}

function contentBlock(content: AiContent): ContentBlock {
	if ('text' in content) return { text: content.text };
	if ('image' in content) {
		return { image: { format: content.image.format, source: { bytes: content.image.bytes } } };
	}
	const { name, format, bytes } = content.document;
	return { document: { name, format, source: { bytes } } };
}

function usageOf(usage: SdkUsage | undefined): TokenUsage | null {
	if (!usage) return null;
	return { inputTokens: usage.inputTokens ?? 0, outputTokens: usage.outputTokens ?? 0 };
}
