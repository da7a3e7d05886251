import type { MiddlewareStack } from '@smithy/types';
import { awsProblemOf, isRejectedCredentials, type AwsProblem } from './aws-errors';

/**
 * One place sees every call's outcome, so any call that finds the keys dead turns the
 * session offline at once, whichever feature or service made it.
 */
export function watchForRejectedCredentials<Input extends object, Output extends object>(
	client: { middlewareStack: MiddlewareStack<Input, Output> },
	onRejected: (problem: AwsProblem) => void
): void {
	client.middlewareStack.add(
		(next) => async (args) => {
			try {
				return await next(args);
			} catch (error) {
				if (isRejectedCredentials(error)) onRejected(awsProblemOf(error));
				throw error;
			}
		},
		{ step: 'initialize', name: 'invoicelabRejectedCredentials' }
	);
}
