import {InputError} from '../session/input-error.js';

/**
 * Readers of flag values: each takes the text as typed and returns the value, or throws
 * one line naming the flag and what is wrong.
 */
export type Reader<Value> = (text: string, flag: string) => Value;

const count = (n: number) => n.toLocaleString('en-US');

/** A decimal number as typed: optional sign and exponent; not hex, Infinity or blank. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number; `1e-400` is not 0 but a number too small to hold. */
export const number: Reader<number> = (text, flag) => {
	const trimmed = text.trim();
	if (!DECIMAL.test(trimmed)) {
		throw new InputError(`${flag}: '${text}' is not a number`);
	}

	const value = Number(trimmed);
	if (!Number.isFinite(value)) {
		throw new InputError(`${flag}: '${text}' is too large to hold (over 1.8e308)`);
	}

	if (value === 0 && /[1-9]/.test(trimmed.split(/[eE]/)[0]!)) {
		throw new InputError(`${flag}: '${text}' is too small to hold: it underflows to 0 (the smallest is about 5e-324)`);
	}

	return value;
};

export function positive(what = 'a positive number'): Reader<number> {
	return (text, flag) => {
		const value = number(text, flag);
		if (!(value > 0)) {
			throw new InputError(`${flag}: '${text}' must be ${what}`);
		}

		return value;
	};
}

/** A number in [min, max), or [min, max] with `inclusive`, or (min, max) with `'open'`. */
export function between(min: number, max: number, inclusive: boolean | 'open', what: string): Reader<number> {
	return (text, flag) => {
		const value = number(text, flag);
		if (value < min || value > max || (inclusive !== true && value === max) || (inclusive === 'open' && value === min)) {
			throw new InputError(`${flag}: '${text}' must be ${what}`);
		}

		return value;
	};
}

export function whole(min: number, max = Number.MAX_SAFE_INTEGER): Reader<number> {
	return (text, flag) => {
		const value = number(text, flag);
		if (!Number.isInteger(value) || value < min || value > max) {
			throw new InputError(`${flag}: '${text}' must be a whole number from ${count(min)} to ${count(max)}`);
		}

		return value;
	};
}

export const list: Reader<number[]> = (text, flag) => {
	if (text.trim() === '') {
		throw new InputError(`${flag} needs a comma-separated list of numbers`);
	}

	return text.split(',').map(cell => number(cell, flag));
};

export function choice<Name extends string>(names: readonly Name[], what: string): Reader<Name> {
	return (text, flag) => {
		if (!(names as readonly string[]).includes(text)) {
			throw new InputError(`${flag}: unknown ${what} '${text}' (choose ${names.join(', ')})`);
		}

		return text as Name;
	};
}

export const file: Reader<string> = (text, flag) => {
	if (text.trim() === '') {
		throw new InputError(`${flag} needs a file name`);
	}

	return text;
};
