/** Bad input from the user: shown as one line, exit code 2, never a stack trace. */
export class InputError extends Error {
	override readonly name = 'InputError';
}
