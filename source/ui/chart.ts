import {plot} from 'asciichart';
import type {HistoryPoint} from '../core/history.js';

export type ChartSeries = {
	readonly values: readonly number[];
	/** An asciichart colour (an ANSI code), or undefined for the terminal's own. */
	readonly color?: string;
};

/** Width of the y-axis labels; the plot takes the rest of the panel. */
export const LABEL_WIDTH = 9;

/**
 * Places a bucket history on an x axis of `columns` columns covering iterations
 * `axisStart` … `axisEnd`: each column takes the last value recorded by its end. The
 * series stops at its own last iteration, so two runs of different lengths share one
 * axis, and the chart is as wide as the panel however long the run (asciichart does
 * not downsample).
 */
export function resample(points: readonly HistoryPoint[], axisStart: number, axisEnd: number, columns: number): number[] {
	const values: number[] = [];
	if (points.length === 0) {
		return values;
	}

	const span = Math.max(1, axisEnd - axisStart + 1);
	const count = Math.min(columns, span);
	const lastIteration = points.at(-1)!.iteration;
	let p = 0;
	for (let column = 0; column < count; column++) {
		const end = axisStart - 1 + Math.ceil(((column + 1) * span) / count);
		while (p + 1 < points.length && points[p + 1]!.iteration <= end) {
			p++;
		}

		values.push(points[p]!.last);
		if (end >= lastIteration) {
			break;
		}
	}

	return values;
}

/** Column of `iteration` on that axis, for marking it. */
export function columnOf(iteration: number, axisStart: number, axisEnd: number, columns: number): number {
	const span = Math.max(1, axisEnd - axisStart + 1);
	const count = Math.min(columns, span);
	return Math.min(count - 1, Math.max(0, Math.floor(((iteration - axisStart) * count) / span)));
}

/** Columns a plot of `width` panel columns has for points. */
export function plotWidth(width: number): number {
	return Math.max(2, width - LABEL_WIDTH - 1);
}

/**
 * A y-axis label with enough digits that neighbouring labels differ: a curve flattening
 * near 0.3343 needs more than 0.334 on every line. Fits LABEL_WIDTH.
 */
function axisLabel(value: number, logScale: boolean, digits: number): string {
	const x = logScale ? 10 ** value : value;
	const magnitude = Math.abs(x);
	let text: string;
	if (x === 0) {
		text = '0';
	} else if (magnitude >= 1e-3 && magnitude < 1e5) {
		text = x.toPrecision(Math.min(digits, magnitude < 1 ? 5 : 6));
	} else {
		text = x.toExponential(Math.min(digits - 1, 3));
	}

	return text.padStart(LABEL_WIDTH - 1).slice(-(LABEL_WIDTH - 1)) + ' ';
}

/** Significant digits for labels `step` apart around values as large as `magnitude`. */
function labelDigits(magnitude: number, step: number): number {
	if (!(step > 0) || !(magnitude > 0)) {
		return 3;
	}

	return Math.max(3, Math.min(6, Math.ceil(Math.log10(magnitude / step)) + 1));
}

/**
 * The chart's lines: asciichart over the given series, `height` lines tall. Non-finite
 * values are dropped (asciichart throws on them) and, on a log scale, so are values ≤ 0.
 * Returns undefined when no series has a point to draw.
 */
export function renderChart(series: readonly ChartSeries[], height: number, logScale: boolean): string[] | undefined {
	const cleaned = series
		.map(({values, color}) => ({
			values: values
				.filter(v => Number.isFinite(v) && (!logScale || v > 0))
				.map(v => (logScale ? Math.log10(v) : v)),
			color,
		}))
		.filter(s => s.values.length > 0);
	if (cleaned.length === 0) {
		return undefined;
	}

	const all = cleaned.flatMap(s => s.values);
	const min = Math.min(...all);
	const max = Math.max(...all);
	const rows = Math.max(1, height - 1);
	// on a log scale labels are a decade fraction apart; on a linear one, (max - min) / rows
	const digits = logScale ? 3 : labelDigits(Math.max(Math.abs(min), Math.abs(max)), (max - min) / rows);
	const text = plot(
		cleaned.map(s => s.values),
		{
			height: rows,
			offset: 2,
			colors: cleaned.map(s => s.color),
			format: (value: number) => axisLabel(value, logScale, digits),
		},
	);
	return text.split('\n').map(line => mergeColorRuns(line));
}

const RESET = '\u001B[0m';

/**
 * asciichart colours every character on its own (`ESC[36m─ESC[0m` each); Ink then parses
 * every code on every frame. A reset followed by the colour just reset is dropped, so a
 * run of one colour carries one code.
 */
export function mergeColorRuns(line: string): string {
	let result = '';
	let open = '';
	let k = 0;
	while (k < line.length) {
		if (line.startsWith(RESET, k)) {
			const next = /^\u001B\[\d+m/.exec(line.slice(k + RESET.length, k + RESET.length + 8))?.[0];
			if (next !== undefined && next === open) {
				k += RESET.length + next.length;
				continue;
			}

			result += RESET;
			open = '';
			k += RESET.length;
			continue;
		}

		const code = /^\u001B\[\d+m/.exec(line.slice(k, k + 8))?.[0];
		if (code !== undefined) {
			result += code;
			open = code;
			k += code.length;
			continue;
		}

		result += line[k];
		k++;
	}

	return result;
}
