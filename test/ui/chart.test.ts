import {stripVTControlCharacters} from 'node:util';
import {describe, expect, test} from 'vitest';
import {BucketHistory, EMPTY_SERIES, pointsOf, type Series} from '../../source/core/training/history.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {chartFrame, fitChart, rangeOf, rangeOfValues, renderChart, resample} from '../../source/ui/chart.js';
import {runOptions} from '../helpers/ui.js';

/** The tutorial trained `iterations` iterations one at a time: its history, and every iteration's error as it happened. */
function tutorialRun(iterations: number): {points: Series; errors: number[]} {
	const trainer = new Trainer(runOptions(['--seed', '0']).setup);
	const errors: number[] = [];
	for (let k = 0; k < iterations; k++) {
		trainer.step(1);
		errors.push(trainer.network.error);
	}

	return {points: trainer.records.error.series(), errors};
}

const history = (values: readonly number[], capacity = 1024): Series => {
	const buckets = new BucketHistory(capacity);
	for (const [k, value] of values.entries()) {
		buckets.push(k + 1, value);
	}

	return buckets.series();
};

/** The label of each line of a chart (the text before its axis), and the lines with one. */
const labelsOf = (lines: readonly string[]) =>
	lines
		.map(line => stripVTControlCharacters(line))
		.filter(line => /[┤┼]/.test(line))
		.map(line => line.split(/[┤┼]/)[0]!.trim())
		.filter(label => label !== '');

const long = tutorialRun(3000);

describe('resample', () => {
	test("the first column is iteration 1's value and the last the latest, when buckets have merged", () => {
		const {points, errors} = long;
		// the history holds 1,024 buckets: 3,000 iterations have been merged into buckets of several
		expect(points.ends.length).toBeLessThan(3000);
		expect(points.ends[0]).toBeGreaterThan(1);
		for (const columns of [7, 60, 200]) {
			const resampled = resample(points, 1, 3000, columns);
			expect(resampled).toHaveLength(columns);
			expect(resampled[0]!.value).toBe(errors[0]);
			expect(resampled.at(-1)!.value).toBe(errors.at(-1));
		}
	});

	test('fewer iterations than columns: a column each; a shorter series stops at its own last iteration', () => {
		const {points, errors} = tutorialRun(10);
		const resampled = resample(points, 1, 10, 60);
		expect(resampled.map(column => column.value)).toEqual(errors);
		const shorter = resample(points, 1, 40, 40);
		expect(shorter).toHaveLength(10);
		expect(shorter.at(-1)!.value).toBe(errors.at(-1));
	});
});

describe('rangeOf', () => {
	test('spans the true smallest and largest value recorded, inside merged buckets too', () => {
		const values = Array.from({length: 100}, (_, k) => 1 - k / 200);
		values[37] = 5;
		values[71] = -2;
		const points = history(values, 8);
		expect(points.ends).toHaveLength(7);
		// the spike is no bucket's first or last value: only its max holds it
		expect(pointsOf(points).flatMap(point => [point.first, point.last])).not.toContain(5);
		expect(rangeOf([points], false)).toEqual({min: -2, max: 5});
		expect(rangeOf([points, history([7])], false)).toEqual({min: -2, max: 7});
		// on a log scale, in powers of ten of the positive values
		expect(rangeOf([history([0.001, -1, 0, 10])], true)).toEqual({min: -3, max: 1});
		expect(rangeOf([EMPTY_SERIES], false)).toBeUndefined();
	});

	test("the tutorial's range is its first and latest error: it only falls", () => {
		const {points, errors} = long;
		expect(rangeOf([points], false)).toEqual({min: Math.min(...errors), max: Math.max(...errors)});
		expect(Math.max(...errors)).toBe(errors[0]);
	});
});

describe('renderChart', () => {
	test("after 2 iterations: a curve whose top label is iteration 1's error, its first point on the top row", () => {
		const {points, errors} = tutorialRun(2);
		const range = rangeOf([points], false)!;
		const frame = chartFrame(range, 10, 60, false);
		const values = resample(points, 1, 2, frame.columns).map(column => column.value);
		const lines = renderChart([{values}], frame, false).map(line => stripVTControlCharacters(line));
		expect(lines).toHaveLength(frame.rows + 1);
		expect(lines[0]).toMatch(/^0\.334635 ┼/);
		expect(Number(labelsOf(lines)[0])).toBeCloseTo(errors[0]!, 6);
		// the last point on the bottom row: the second iteration's, the smallest
		expect(Number(labelsOf(lines).at(-1))).toBeCloseTo(errors[1]!, 6);
		expect(lines.at(-1)).toMatch(/┤.*╰/);
	});

	test('a flat series is drawn as one line labelled with its value, 0.0900000, not 0', () => {
		const points = history(Array.from({length: 50}, () => 0.09));
		const range = rangeOf([points], false)!;
		const frame = chartFrame(range, 8, 50, false);
		expect(frame.flat).toBe(true);
		const lines = renderChart([{values: resample(points, 1, 50, frame.columns).map(column => column.value)}], frame, false);
		expect(labelsOf(lines)).toEqual(['0.0900000']);
		expect(lines.find(line => line.includes('┼'))).toMatch(/^0\.0900000 ┼─+$/);
		for (const line of lines) {
			expect(line.length).toBeLessThanOrEqual(50);
		}
	});

	test('huge values keep every digit of their labels: each parses back to a number on the axis', () => {
		const values = Array.from({length: 80}, (_, k) => 1.71e129 + k * 1.3e126);
		const points = history(values);
		const range = rangeOf([points], false)!;
		for (const [height, width] of [
			[12, 60],
			[5, 30],
			[20, 120],
		] as const) {
			const frame = chartFrame(range, height, width, false);
			const lines = renderChart([{values: resample(points, 1, 80, frame.columns).map(column => column.value)}], frame, false);
			const labels = labelsOf(lines);
			expect(labels).toHaveLength(frame.rows + 1);
			expect(new Set(labels).size).toBe(labels.length);
			// each label is its row's value, rounded: within half a row of the axis
			const step = (range.max - range.min) / frame.rows;
			for (const [row, label] of labels.entries()) {
				expect(label, label).toMatch(/^\d\.\d+e\+129$/);
				expect(Math.abs(Number(label) - (range.max - row * step))).toBeLessThan(step / 2);
			}

			for (const line of lines) {
				expect(stripVTControlCharacters(line).length, line).toBeLessThanOrEqual(width);
				expect(line).not.toMatch(/…/);
			}
		}
	});
});

/** The rows (from the top) at which a single series' chart draws column `x` of its plot: its corners and flat segments, not the │ between. */
function rowsAt(lines: readonly string[], labelWidth: number, x: number): number[] {
	return lines.flatMap((line, row) => (/[─╭╮╰╯]/.test(stripVTControlCharacters(line)[labelWidth + 1 + x] ?? '') ? [row] : []));
}

/** The row (from the top) whose value is nearest `value`: its label is that value rounded (checked above). */
const nearestRow = (range: {min: number; max: number}, rows: number, value: number) => Math.round(((range.max - value) * rows) / (range.max - range.min));

describe('the axis spans the curve drawn, each point on its nearest label (issue 21, bug 5)', () => {
	test('an error that drops in one iteration and stays: the axis ends at the flat value, the flat line on its own label', () => {
		// iterations 1 … 3,000 in buckets: the largest errors are in the first bucket, not drawn as a column
		const values = Array.from({length: 3000}, (_, k) => (k < 40 ? 0.2 - k * 0.004 : 0.04));
		const points = history(values);
		const fitted = fitChart(rangeOf([points], false)!, 14, 44, false, columns => [resample(points, 1, 3000, columns).map(column => column.value)])!;
		const drawn = fitted.values[0]!;
		const lines = renderChart([{values: drawn}], fitted.frame, false);
		const labels = labelsOf(lines);
		expect(labels).toHaveLength(fitted.frame.rows + 1);
		expect(Number(labels[0])).toBeCloseTo(Math.max(...drawn), 2);
		expect(labels.at(-1)).toBe('0.0400');
		expect(stripVTControlCharacters(lines.at(-1)!)).toMatch(/^0\.0400 ┤╰─+ *$/);
	});

	test.each([
		['the tutorial, 3,000 iterations', long.points, 3000],
		['a noisy mini-batch error', history(Array.from({length: 100}, (_, k) => 0.3 + 0.25 * Math.sin(k * 1.7) * Math.exp(-k / 60))), 100],
	] as const)('%s: every point on the row of its nearest label; no row beyond the curve', (_name, points, end) => {
		for (const [height, width] of [
			[10, 40],
			[17, 60],
			[30, 100],
		] as const) {
			const fitted = fitChart(rangeOf([points], false)!, height, width, false, columns => [resample(points, 1, end, columns).map(column => column.value)])!;
			const drawn = fitted.values[0]!;
			const lines = renderChart([{values: drawn}], fitted.frame, false);
			const labels = labelsOf(lines);
			// the top row holds the largest value drawn and the bottom the smallest
			const {range, rows} = fitted.frame;
			expect(range).toEqual({min: Math.min(...drawn), max: Math.max(...drawn)});
			expect(labels).toHaveLength(rows + 1);
			expect(Number(labels[0])).toBeCloseTo(range.max, 2);
			expect(Number(labels.at(-1))).toBeCloseTo(range.min, 2);
			for (let x = 0; x + 1 < drawn.length; x++) {
				const drawnRows = rowsAt(lines, fitted.frame.labelWidth, x);
				expect(drawnRows, `column ${x}: ${drawn[x]} and ${drawn[x + 1]}`).toEqual(
					[...new Set([nearestRow(range, rows, drawn[x]!), nearestRow(range, rows, drawn[x + 1]!)])].sort((a, b) => a - b),
				);
			}
		}
	});

	test('a second series starting on the axis leaves it a tick (┤); only the main series, drawn last, starts with ┼', () => {
		const main = Array.from({length: 30}, (_, k) => 1 / (k + 1));
		const second = Array.from({length: 30}, (_, k) => 0.5 / (k + 1) + 0.2);
		const frame = chartFrame(rangeOfValues([main, second], false)!, 10, 50, false);
		const lines = renderChart([{values: second}, {values: main}], frame, false).map(line => stripVTControlCharacters(line));
		const axis = lines.map(line => line[frame.labelWidth]);
		expect(axis.filter(symbol => symbol === '┼')).toHaveLength(1);
		expect(axis[0]).toBe('┼');
	});
});
