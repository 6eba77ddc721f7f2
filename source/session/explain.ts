import {InputError} from './input-error.js';
import type {RunOptions} from './options.js';

/** `--explain N`: iteration N worked out as a textbook would (text), or its values as JSON. */
export function explain(_run: RunOptions, iteration: number, _form: 'text' | 'json'): string {
	throw new InputError(`--explain ${iteration}: not built yet`);
}
