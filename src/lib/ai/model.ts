/**
 * What the app asks of a language model, independent of the SDK: the real implementation
 * talks to Bedrock's Converse API (bedrock-model.ts), tests use an in-memory fake.
 */
export type AiContent =
	| { text: string }
	| { document: { name: string; format: 'pdf' | 'txt'; bytes: Uint8Array } }
	| { image: { format: 'png' | 'jpeg'; bytes: Uint8Array } };

/** A tool the model is made to call, so its answer arrives as JSON in a known shape. */
export interface AiTool {
	name: string;
	description: string;
	/** JSON Schema of the tool's input. */
	inputSchema: Record<string, unknown>;
}

export interface AiRequest {
	system: string;
	content: AiContent[];
	/** Always set, so no answer runs up an unbounded bill. */
	maxTokens: number;
	temperature?: number;
	/** When given, the model must answer by calling this tool (toolChoice). */
	tool?: AiTool;
}

export interface TokenUsage {
	inputTokens: number;
	outputTokens: number;
}

export interface AiReply {
	text: string;
	/** The input the model passed to the forced tool, unvalidated. */
	toolInput: unknown;
	stopReason: string;
	usage: TokenUsage | null;
}

export type AiStreamEvent =
	| { type: 'text'; text: string }
	| { type: 'stop'; reason: string }
	| { type: 'usage'; usage: TokenUsage };

export interface AiModel {
	readonly modelId: string;
	/** Where requests go, for messages. */
	readonly endpoint: string;
	converse(request: AiRequest, signal?: AbortSignal): Promise<AiReply>;
	stream(request: AiRequest, signal?: AbortSignal): AsyncIterable<AiStreamEvent>;
}

/** Throttled calls are tried this many times in all, with the SDK's backoff in between. */
export const MAX_ATTEMPTS = 4;

/** The stop reason Bedrock gives when the answer hit `maxTokens`. */
export const CUT_OFF = 'max_tokens';

/** Hands a streamed answer's text to `onText` as it arrives; returns how it ended. */
export async function streamText(
	model: AiModel,
	request: AiRequest,
	signal: AbortSignal,
	onText: (text: string) => void
): Promise<{ usage: TokenUsage | null; stopReason: string }> {
	let usage: TokenUsage | null = null;
	let stopReason = '';
	for await (const event of model.stream(request, signal)) {
		if (event.type === 'text') onText(event.text);
		else if (event.type === 'usage') usage = event.usage;
		else stopReason = event.reason;
	}
	return { usage, stopReason };
}
