import {plot} from 'asciichart';
import type {Series} from '../core/training/history.js';
import {formatNumber} from '../session/format.js';

/** One column of a chart: the value it draws and the range of the iterations it covers. */
export type Column = {readonly value: number; readonly min: number; readonly max: number};

/**
 * Places a bucket history on an x axis of `columns` columns covering iterations
 * `axisStart` … `axisEnd`. The first column is the first iteration's value, the last
 * column the latest; each column between takes the last value recorded by its end, with
 * the smallest and largest of its iterations. The series stops at its own last iteration,
 * so two runs of different lengths share one axis.
 */
export function resample(series: Series, axisStart: number, axisEnd: number, columns: number): Column[] {
	const {ends, firsts, mins, maxs, lasts} = series;
	const buckets = ends.length;
	if (buckets === 0) {
		return [];
	}

	const span = Math.max(1, axisEnd - axisStart + 1);
	const count = Math.min(columns, span);
	const lastIteration = ends[buckets - 1]!;
	const result: Column[] = [];
	// the first bucket not yet wholly drawn
	let q = 0;
	for (let column = 0; column < count; column++) {
		const end = axisStart - 1 + Math.ceil(((column + 1) * span) / count);
		let min = Number.POSITIVE_INFINITY;
		let max = Number.NEGATIVE_INFINITY;
		let value = Number.NaN;
		const include = (b: number) => {
			min = Math.min(min, mins[b]!);
			max = Math.max(max, maxs[b]!);
			value = lasts[b]!;
		};

		while (q < buckets && ends[q]! <= end) {
			include(q);
			q++;
		}

		if (Number.isNaN(value) && q < buckets) {
			include(q); // a bucket wider than the column
		}

		result.push({value: column === 0 ? firsts[0]! : value, min, max});
		if (end >= lastIteration) {
			break;
		}
	}

	return result;
}

/** Column of `iteration` on that axis, for marking it. */
export function columnOf(iteration: number, axisStart: number, axisEnd: number, columns: number): number {
	const span = Math.max(1, axisEnd - axisStart + 1);
	const count = Math.min(columns, span);
	return Math.min(count - 1, Math.max(0, Math.floor(((iteration - axisStart) * count) / span)));
}

export type ChartSeries = {
	readonly values: readonly number[];
	/** An asciichart colour (an ANSI code), or undefined for the terminal's own. */
	readonly color?: string;
};

/** The value each row of a chart of `rows + 1` lines stands for, top to bottom, as asciichart places them. */
function rowValues(min: number, max: number, rows: number): number[] {
	// counted up from the bottom row, whose value is min exactly: max − (max − min) leaves a rounding error that,
	// near an error of 1e-18, is larger than the value itself (a label of -5.55e-17 under a curve of errors ≥ 0)
	return Array.from({length: rows + 1}, (_, y) => (y === 0 ? max : min + ((rows - y) * (max - min)) / rows));
}

/** Significant digits for the labels, so that neighbouring rows differ: a curve flattening near 0.3343 needs more than 0.334 on every line. */
function labelDigits(min: number, max: number, rows: number, logScale: boolean): number {
	const values = rowValues(min, max, rows).map(value => (logScale ? 10 ** value : value));
	for (let digits = 3; digits < 8; digits++) {
		if (new Set(values.map(value => formatNumber(value, digits))).size === values.length) {
			return digits;
		}
	}

	return 8;
}

/** The smallest and largest finite value (positive, on a log scale) of these histories: the axis spans all of what was recorded. */
export function rangeOf(histories: readonly Series[], logScale: boolean, extra: readonly number[] = []): {min: number; max: number} | undefined {
	let min = Number.POSITIVE_INFINITY;
	let max = Number.NEGATIVE_INFINITY;
	const take = (value: number) => {
		if (Number.isFinite(value) && (!logScale || value > 0)) {
			const v = logScale ? Math.log10(value) : value;
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
	};

	for (const series of histories) {
		for (const value of series.mins) {
			take(value);
		}

		for (const value of series.maxs) {
			take(value);
		}
	}

	for (const value of extra) {
		take(value);
	}

	return min <= max ? {min, max} : undefined;
}

export type ChartFrame = {
	readonly range: {readonly min: number; readonly max: number};
	readonly rows: number;
	readonly flat: boolean;
	readonly label: (value: number) => string;
	readonly labelWidth: number;
	/** Columns left for the plot. */
	readonly columns: number;
};

/** The y axis of a chart `height` lines tall and `width` wide over `range`: its labels, whole, and the columns left for the plot. */
export function chartFrame(range: {min: number; max: number}, height: number, width: number, logScale: boolean): ChartFrame {
	const rows = Math.max(1, height - 1);
	const flat = range.max - range.min <= 1e-12 * Math.max(1, Math.abs(range.max));
	const digits = flat ? 6 : labelDigits(range.min, range.max, rows, logScale);
	const label = (value: number) => formatNumber(logScale ? 10 ** value : value, digits);
	const labelWidth = flat ? label(range.min).length + 1 : Math.max(...rowValues(range.min, range.max, rows).map(value => label(value).length)) + 1;
	return {range, rows, flat, label, labelWidth, columns: Math.max(2, width - labelWidth - 2)};
}

/** The range of the values drawn (finite, positive on a log scale; in log10 there): the axis spans the curve, not more. */
export function rangeOfValues(values: ReadonlyArray<readonly number[]>, logScale: boolean): {min: number; max: number} | undefined {
	let min = Number.POSITIVE_INFINITY;
	let max = Number.NEGATIVE_INFINITY;
	for (const value of values.flat()) {
		if (Number.isFinite(value) && (!logScale || value > 0)) {
			const v = logScale ? Math.log10(value) : value;
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
	}

	return min <= max ? {min, max} : undefined;
}

/**
 * The frame and the values of a chart whose axis spans exactly what is drawn: `draw` gives
 * the series' columns for a plot of so many columns; the labels' width (from the range)
 * decides the columns, so the two are settled together, starting from `recorded`.
 */
export function fitChart(
	recorded: {min: number; max: number},
	height: number,
	width: number,
	logScale: boolean,
	draw: (columns: number) => number[][],
): {frame: ChartFrame; values: number[][]} | undefined {
	let frame = chartFrame(recorded, height, width, logScale);
	for (let attempt = 0; attempt < 4; attempt++) {
		const values = draw(frame.columns);
		const range = rangeOfValues(values, logScale);
		if (!range) {
			return undefined;
		}

		const next = chartFrame(range, height, width, logScale);
		if (next.columns === frame.columns || attempt === 3) {
			// settled (or, after 3 tries, the columns drawn kept and the labels a column wider at most)
			return {frame: {...next, columns: frame.columns}, values};
		}

		frame = next;
	}

	return undefined;
}

/** asciichart's symbols with its first-value mark `┼` made an axis tick: only the main series' start is marked, below. */
const SYMBOLS = ['┤', '┤', '╶', '╴', '─', '╰', '╭', '╮', '╯', '│'] as const;

/**
 * The chart's lines: asciichart over the series (already `frame.columns` long at most), on
 * the frame's axis. Non-finite values are dropped (asciichart throws on them) and, on a
 * log scale, so are values ≤ 0. A series that does not move is drawn as a flat line
 * labelled with its value. The last series is the main one: its start is marked `┼`.
 */
export function renderChart(series: readonly ChartSeries[], frame: ChartFrame, logScale: boolean): string[] {
	const cleaned = series
		.map(({values, color}) => ({
			values: values.filter(v => Number.isFinite(v) && (!logScale || v > 0)).map(v => (logScale ? Math.log10(v) : v)),
			color,
		}))
		.filter(s => s.values.length > 0);
	if (frame.flat) {
		return flatChart(cleaned, frame);
	}

	// asciichart rounds min and each value apart (round(v·ratio) − round(min·ratio)), which can put a
	// point a row off its nearest label: measured from the axis's bottom, each lands on its nearest row
	const {min, max} = frame.range;
	const text = plot(
		cleaned.map(s => s.values.map(v => v - min)),
		{
			height: frame.rows,
			min: 0,
			max: max - min,
			offset: 2,
			colors: cleaned.map(s => s.color),
			symbols: [...SYMBOLS],
			// each row's label from its index (from the top), as the frame measured them, not from asciichart's arithmetic
			format: (_value: number, row: number) => frame.label(rowValues(min, max, frame.rows)[row]!).padStart(frame.labelWidth - 1) + ' ',
		},
	);
	const lines = text.split('\n');
	const main = cleaned.at(-1);
	if (main) {
		const row = frame.rows - Math.round((main.values[0]! - min) * (frame.rows / (max - min)));
		const line = lines[row]!;
		const at = line.indexOf('┤', frame.labelWidth);
		lines[row] = `${line.slice(0, at)}┼${line.slice(at + 1)}`;
	}

	return lines.map(line => mergeColorRuns(line));
}

function flatChart(series: ReadonlyArray<{values: readonly number[]}>, frame: ChartFrame): string[] {
	const label = frame.label(frame.range.min);
	const length = Math.max(0, ...series.map(s => s.values.length));
	const middle = Math.floor(frame.rows / 2);
	return Array.from({length: frame.rows + 1}, (_, y) =>
		y === middle ? `${label} ┼${'─'.repeat(Math.max(0, length - 1))}` : `${' '.repeat(frame.labelWidth)}┤`,
	);
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
			// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
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

		// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
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
