import {describe, expect, test} from 'vitest';
import {BucketHistory, type HistoryPoint} from '../../source/core/history.js';
import {NumpyRandom} from '../../source/core/random.js';

/** A bumpy series with spikes both ways, so that a bucket's min, max and last all differ. */
function series(length: number, seed = 1): number[] {
	const random = new NumpyRandom(seed);
	return Array.from({length}, (_, k) => Math.sin(k / 37) + (random.rand() - 0.5) * (random.rand() < 0.02 ? 40 : 1));
}

/** What the buckets must hold, computed from the whole series: each bucket's iterations in full. */
function bruteForce(points: readonly HistoryPoint[], values: readonly number[], first: number): Array<{min: number; max: number; last: number}> {
	let from = first;
	return points.map(point => {
		const slice = values.slice(from - first, point.iteration - first + 1);
		from = point.iteration + 1;
		return {min: Math.min(...slice), max: Math.max(...slice), last: slice.at(-1)!};
	});
}

function fill(history: BucketHistory, values: readonly number[], first = 1): void {
	for (const [k, value] of values.entries()) {
		history.push(first + k, value);
	}
}

describe('BucketHistory', () => {
	test('keeps one point per iteration until it is full', () => {
		const history = new BucketHistory(8);
		const values = series(8);
		fill(history, values);
		expect(history.length).toBe(8);
		expect(history.width).toBe(1);
		expect(history.points()).toEqual(values.map((value, k) => ({iteration: k + 1, min: value, max: value, last: value})));
	});

	test.each([9, 16, 17, 100, 1000, 4097, 12_345])('after %i pushes into 16 buckets: min, max, last and bucket ends match a brute-force computation', pushes => {
		const history = new BucketHistory(16);
		const values = series(pushes, pushes);
		fill(history, values);
		const points = history.points();
		expect(points.length).toBeLessThanOrEqual(16);
		expect(points.length).toBeGreaterThan(16 / 2 - 1);
		// every bucket covers `width` iterations, the newest one up to that many
		const width = history.width;
		expect(Math.log2(width) % 1).toBe(0);
		expect(width * (points.length - 1)).toBeLessThan(pushes);
		expect(width * points.length).toBeGreaterThanOrEqual(pushes);
		expect(points.map(point => point.iteration)).toEqual(points.map((_, b) => Math.min((b + 1) * width, pushes)));
		const expected = bruteForce(points, values, 1);
		expect(points.map(({min, max, last}) => ({min, max, last}))).toEqual(expected);
	});

	test('2 million pushes: never more than `capacity` buckets, and the numbers stay right', () => {
		const capacity = 64;
		const history = new BucketHistory(capacity);
		const pushes = 2_000_000;
		const random = new NumpyRandom(5);
		// the series is kept only as each bucket's expected min/max/last, recomputed below
		const values = new Float64Array(pushes);
		let longest = 0;
		for (let k = 0; k < pushes; k++) {
			const value = random.rand() - 0.5;
			values[k] = value;
			history.push(k + 1, value);
			if (history.length > longest) {
				longest = history.length;
			}
		}

		expect(longest).toBe(capacity);
		const points = history.points();
		expect(points.length).toBeLessThanOrEqual(capacity);
		expect(points.at(-1)!.iteration).toBe(pushes);
		let from = 0;
		for (const point of points) {
			let min = Number.POSITIVE_INFINITY;
			let max = Number.NEGATIVE_INFINITY;
			for (let k = from; k < point.iteration; k++) {
				min = Math.min(min, values[k]!);
				max = Math.max(max, values[k]!);
			}

			expect(point.min).toBe(min);
			expect(point.max).toBe(max);
			expect(point.last).toBe(values[point.iteration - 1]);
			from = point.iteration;
		}
	});

	test('a history that starts later (a resumed run) keeps its start and its iterations', () => {
		const history = new BucketHistory(8);
		history.clear(40_001);
		expect(history.start).toBe(40_001);
		const values = series(50, 3);
		fill(history, values, 40_001);
		const points = history.points();
		expect(points.at(-1)!.iteration).toBe(40_050);
		expect(points.map(({min, max, last}) => ({min, max, last}))).toEqual(bruteForce(points, values, 40_001));
	});

	test('clear() empties it and starts again at width 1', () => {
		const history = new BucketHistory(8);
		fill(history, series(100));
		expect(history.width).toBeGreaterThan(1);
		history.clear();
		expect(history.length).toBe(0);
		expect(history.points()).toEqual([]);
		expect(history.width).toBe(1);
		expect(history.start).toBe(1);
		history.push(1, 42);
		history.push(2, -1);
		expect(history.points()).toEqual([
			{iteration: 1, min: 42, max: 42, last: 42},
			{iteration: 2, min: -1, max: -1, last: -1},
		]);
	});

	test('rejects a capacity that cannot be halved', () => {
		expect(() => new BucketHistory(7)).toThrow(RangeError);
		expect(() => new BucketHistory(0)).toThrow(RangeError);
		expect(() => new BucketHistory(2)).not.toThrow();
	});
});
