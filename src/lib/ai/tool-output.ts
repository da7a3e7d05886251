/**
 * A model's tool input is untrusted: it may be missing, a JSON string instead of an object,
 * or cut off by the token limit. This turns it into an object or a message that says which.
 */
import { CUT_OFF, type AiReply } from './model';

export type ToolOutput =
	{ ok: true; value: Record<string, unknown> } | { ok: false; message: string };

export function toolOutputOf(reply: AiReply): ToolOutput {
	let input = reply.toolInput;
	if (typeof input === 'string') {
		try {
			input = JSON.parse(input);
		} catch {
			input = undefined;
		}
	}
	if (input && typeof input === 'object' && !Array.isArray(input)) {
		return { ok: true, value: input as Record<string, unknown> };
	}
	if (reply.stopReason === CUT_OFF) {
		return {
			ok: false,
			message: 'The answer was cut off at the token limit before it was complete. Try again.'
		};
	}
	return {
		ok: false,
		message:
			'The model answered in free text instead of the expected form, so nothing was used. Try again, or choose another model.'
	};
}
