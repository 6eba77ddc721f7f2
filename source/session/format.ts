/**
 * Numbers as a learner reads them, one style everywhere (screen, summaries, explanations):
 * plain decimals from 0.001 up to a million, exponent form outside (`1.210e-5`), never
 * cut: a number that must fit a column loses digits, not its end.
 */

/** Thousands separated by commas: 80,000. */
export function formatCount(n: number): string {
	return Math.round(n).toLocaleString('en-US');
}

/** `n thing` or `n things`. */
export function plural(n: number, thing: string, things = `${thing}s`): string {
	return `${formatCount(n)} ${n === 1 ? thing : things}`;
}

/** A number with `digits` significant digits (`–` for one not computed yet). */
export function formatNumber(x: number | undefined, digits = 4): string {
	if (x === undefined) {
		return '–';
	}

	if (!Number.isFinite(x)) {
		return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
	}

	if (x === 0) {
		return '0';
	}

	const magnitude = Math.abs(x);
	// toPrecision rounds 999,999.6 up to 1.000e+6: decide the form after rounding
	const plain = x.toPrecision(digits);
	if (magnitude >= 1e-3 && Math.abs(Number(plain)) < 1e6 && !plain.includes('e')) {
		return plain;
	}

	return x.toExponential(digits - 1);
}

/** The fewest significant digits, at least `digits`, at which `before` and `after` read differently where they differ: an update's old and new weight. */
export function digitsToTell(before: number, after: number, digits = 6): number {
	if (before === after || !Number.isFinite(before) || !Number.isFinite(after)) {
		return digits;
	}

	let d = digits;
	while (d < 17 && formatNumber(before, d) === formatNumber(after, d)) {
		d++;
	}

	return d;
}

/** A learning rate as it was given or made by the keys (0.0005, 0.002, 1e-7): up to 12 significant digits, no trailing zeros. */
export function formatRate(x: number): string {
	return String(Number(x.toPrecision(12)));
}

/** A share as a percentage with 3 significant digits: `9.25 %` (accuracies, on the status line and beside the confusion matrix). */
export function formatPercent(share: number): string {
	return `${formatNumber(share * 100, 3)} %`;
}

/** With a sign on positive numbers too (for changes). */
export function formatSigned(x: number | undefined, digits = 4): string {
	const text = formatNumber(x, digits);
	return x !== undefined && x > 0 ? `+${text}` : text;
}

/**
 * One precision for each quantity, on every panel that shows it: the error (and test error) and
 * a predicted output to 6 significant digits, as the status line; a hidden neuron's activation
 * (the predicted output is the last layer's) to 6; a weight to 6; its gradient to
 * 4 and its change to 4 with its sign. A column too narrow for that loses last digits (formatFit),
 * never its end, and the weights table drops its link column before any digit.
 */
export const DIGITS = {error: 6, predicted: 6, activation: 6, weight: 6, gradient: 4, change: 4} as const;

export const formatError = (x: number | undefined) => formatNumber(x, DIGITS.error);
export const formatPredicted = (x: number | undefined) => formatNumber(x, DIGITS.predicted);
export const formatWeight = (x: number | undefined) => formatNumber(x, DIGITS.weight);
export const formatGradient = (x: number | undefined) => formatNumber(x, DIGITS.gradient);
export const formatChange = (x: number | undefined) => formatSigned(x, DIGITS.change);

/** A line that shows numbers writes its formulas' minus as the numbers' sign, `-`: one minus sign a line (formulas are declared with `−`). */
export const oneMinus = (line: string) => line.replaceAll('−', '-');

/**
 * As many significant digits as fit in `width` columns (at most `digits`), whole: fewer
 * digits, then exponent form, never an ellipsis. Any double fits 9 columns.
 */
export function formatFit(x: number | undefined, width: number, digits = 6, signed = false): string {
	const format = signed ? formatSigned : formatNumber;
	for (let d = digits; d >= 1; d--) {
		const text = format(x, d);
		if (text.length <= width) {
			return text;
		}
	}

	// exponent form with one digit: -1e-300 is 7 columns
	const text = x === undefined || !Number.isFinite(x) || x === 0 ? format(x, 1) : (signed && x > 0 ? '+' : '') + x.toExponential(0);
	return text;
}

/** 0.42 s, 12.3 s, 1 min 05 s */
export function formatDuration(ms: number): string {
	const seconds = ms / 1000;
	// hundredths below 10 s: a fast run's time (0.42 s) is then worth comparing
	if (seconds < 10) {
		return `${seconds.toFixed(2)} s`;
	}

	if (seconds < 60) {
		return `${seconds.toFixed(1)} s`;
	}

	const minutes = Math.floor(seconds / 60);
	return `${minutes} min ${String(Math.floor(seconds - minutes * 60)).padStart(2, '0')} s`;
}

/** Iterations per second as a speed setting: `10,000/s`, or `max`. */
export function formatSpeed(speed: number): string {
	return speed === Number.POSITIVE_INFINITY ? 'max' : `${formatCount(speed)}/s`;
}

/** A data value as short as it can be with at most `digits` significant digits: 0.1 stays 0.1, a generated 0.53193292… is 0.531933. */
export function formatShort(x: number, digits = 6): string {
	const text = formatNumber(x, digits);
	if (!Number.isFinite(x) || x === 0) {
		return text;
	}

	// drop trailing zeros of the mantissa: 0.100000 → 0.1, 1.50000e-7 → 1.5e-7
	return text.replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1');
}

/** A list of data values (`0.1, 0.4, 4.1`). */
export function formatData(values: readonly number[]): string {
	return values.map(value => formatShort(value)).join(', ');
}
