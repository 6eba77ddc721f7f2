import {plot} from 'asciichart';
import {describe, expect, test} from 'vitest';
import {BucketHistory} from '../../source/core/history.js';
import {columnOf, mergeColorRuns, renderChart, resample} from '../../source/ui/chart.js';

const strip = (text: string) => text.replaceAll(/\u001B\[\d+m/g, '');

function historyOf(values: readonly number[], capacity = 64): BucketHistory {
	const history = new BucketHistory(capacity);
	for (const [k, value] of values.entries()) {
		history.push(k + 1, value);
	}

	return history;
}

describe('resample', () => {
	test('a short run keeps every iteration', () => {
		expect(resample(historyOf([5, 4, 3]).points(), 1, 3, 40)).toEqual([5, 4, 3]);
	});

	test('a long run gets one value per column, the last of each column', () => {
		const values = Array.from({length: 1000}, (_, k) => 1000 - k);
		const columns = resample(historyOf(values, 1024).points(), 1, 1000, 10);
		expect(columns).toHaveLength(10);
		// column c ends at iteration 100(c+1): value 1000 - 100(c+1) + 1
		expect(columns).toEqual(Array.from({length: 10}, (_, c) => 1000 - 100 * (c + 1) + 1));
	});

	test('on a longer shared axis a shorter run stops where it ends', () => {
		const values = Array.from({length: 100}, (_, k) => k);
		const columns = resample(historyOf(values, 128).points(), 1, 1000, 10);
		expect(columns).toEqual([99]);
		expect(columnOf(500, 1, 1000, 10)).toBe(4);
	});
});

describe('renderChart', () => {
	test('asciichart colours every character; runs of one colour carry one code', () => {
		const values = [5, 4, 3, 2, 1, 1, 1, 0.5];
		const raw = plot(values, {height: 4, colors: ['\u001B[36m']}).split('\n');
		const merged = raw.map(line => mergeColorRuns(line));
		expect(merged.map(line => strip(line))).toEqual(raw.map(line => strip(line)));
		const codes = (lines: string[]) => lines.join('').match(/\u001B\[/g)?.length ?? 0;
		expect(codes(merged)).toBeLessThan(codes(raw));
	});

	test('drops values it cannot draw instead of throwing, and is exactly as tall as asked', () => {
		const lines = renderChart([{values: [1, Number.NaN, 0.5, Number.POSITIVE_INFINITY, 0.25]}], 6, false)!;
		expect(lines).toHaveLength(6);
		expect(renderChart([{values: [Number.NaN]}], 6, false)).toBeUndefined();
		// on a log scale zero has no place either
		expect(renderChart([{values: [0, 0]}], 6, true)).toBeUndefined();
	});
});
