/** Thousands separated by commas: 80,000. */
export function formatCount(n: number): string {
	return Math.round(n).toLocaleString('en-US');
}

/**
 * A number with `digits` significant digits (`–` for a value not there yet), in a form a learner can read: plain
 * decimals between 0.001 and 10^6, exponent form outside. Always a fixed width is the
 * caller's business (padStart).
 */
export function formatNumber(x: number | undefined, digits = 4): string {
	if (x === undefined) {
		return '–'; // not yet: before the first iteration there is no gradient
	}

	if (Number.isNaN(x)) {
		return 'NaN';
	}

	if (!Number.isFinite(x)) {
		return x > 0 ? 'Infinity' : '-Infinity';
	}

	if (x === 0) {
		return '0';
	}

	const magnitude = Math.abs(x);
	if (magnitude >= 1e-3 && magnitude < 1e6) {
		return x.toPrecision(digits);
	}

	return x.toExponential(digits - 1);
}

/** Like formatNumber, with a sign on positive numbers too (for changes). */
export function formatSigned(x: number | undefined, digits = 4): string {
	const text = formatNumber(x, digits);
	return x !== undefined && x > 0 ? `+${text}` : text;
}

/** 1.2 s, 1 min 05 s */
export function formatDuration(ms: number): string {
	const seconds = ms / 1000;
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

/** Cuts `text` to `width` columns with an ellipsis. */
export function fit(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}
