import {describe, expect, test} from 'vitest';
import {BucketHistory, SampledHistory, type HistoryPoint} from '../../source/core/training/history.js';
import {NumpyRandom} from '../../source/core/maths/random.js';

/** A bumpy series with spikes both ways, so that a bucket's first, min, max and last all differ. */
function series(length: number, seed = 1): number[] {
	const random = new NumpyRandom(seed);
	return Array.from({length}, (_, k) => Math.sin(k / 37) + (random.rand() - 0.5) * (random.rand() < 0.02 ? 40 : 1));
}

function fill(history: BucketHistory, values: readonly number[], first = 1): void {
	for (const [k, value] of values.entries()) {
		history.push(first + k, value);
	}
}

/** What each bucket must hold, from the whole series: its iterations' first, min, max and last value. */
function bruteForce(points: readonly HistoryPoint[], values: readonly number[], first: number): HistoryPoint[] {
	let from = first;
	return points.map(point => {
		const slice = values.slice(from - first, point.iteration - first + 1);
		from = point.iteration + 1;
		return {iteration: point.iteration, first: slice[0]!, min: Math.min(...slice), max: Math.max(...slice), last: slice.at(-1)!};
	});
}

describe('BucketHistory', () => {
	test('one point per iteration until it is full', () => {
		const history = new BucketHistory(8);
		const values = series(8);
		fill(history, values);
		expect(history.length).toBe(8);
		expect(history.width).toBe(1);
		expect(history.points()).toEqual(values.map((value, k) => ({iteration: k + 1, first: value, min: value, max: value, last: value})));
	});

	test.each([9, 16, 17, 100, 1000, 4097, 12_345])('%i pushes into 16 buckets: first, min, max, last and ends as the whole series says', pushes => {
		const history = new BucketHistory(16);
		const values = series(pushes, pushes);
		fill(history, values);
		const points = history.points();
		expect(points.length).toBeLessThanOrEqual(16);
		expect(points.length).toBeGreaterThanOrEqual(8);
		// every bucket covers `width` iterations, the newest up to that many
		const {width} = history;
		expect(Number.isInteger(Math.log2(width))).toBe(true);
		expect(points.map(point => point.iteration)).toEqual(points.map((_, b) => Math.min((b + 1) * width, pushes)));
		expect(points).toEqual(bruteForce(points, values, 1));
	});

	test('merging pairs: the first of the left bucket, the last of the right, the extremes of both', () => {
		const history = new BucketHistory(4);
		fill(history, [5, 1, 9, 3]);
		expect(history.width).toBe(1);
		history.push(5, 4);
		expect(history.width).toBe(2);
		expect(history.points()).toEqual([
			{iteration: 2, first: 5, min: 1, max: 5, last: 1},
			{iteration: 4, first: 9, min: 3, max: 9, last: 3},
			{iteration: 5, first: 4, min: 4, max: 4, last: 4},
		]);
		history.push(6, 0);
		expect(history.points().at(-1)).toEqual({iteration: 6, first: 4, min: 0, max: 4, last: 0});
	});

	test('a long run never holds more than its capacity, and stays right', () => {
		const history = new BucketHistory(64);
		const values = series(200_000, 5);
		let longest = 0;
		for (const [k, value] of values.entries()) {
			history.push(k + 1, value);
			longest = Math.max(longest, history.length);
		}

		expect(longest).toBe(64);
		const points = history.points();
		expect(points.at(-1)!.iteration).toBe(200_000);
		expect(points).toEqual(bruteForce(points, values, 1));
	});

	test('a history that starts later (a resumed run) keeps its start', () => {
		const history = new BucketHistory(8);
		history.clear(40_001);
		expect(history.start).toBe(40_001);
		const values = series(50, 3);
		fill(history, values, 40_001);
		const points = history.points();
		expect(points.at(-1)!.iteration).toBe(40_050);
		expect(points).toEqual(bruteForce(points, values, 40_001));
	});

	test.each([5, 8, 11, 300])('saved after %i pushes and restored, it goes on as if never interrupted', pushes => {
		const values = series(pushes + 100, 2);
		const straight = new BucketHistory(8);
		fill(straight, values);
		const first = new BucketHistory(8);
		first.clear(1);
		fill(first, values.slice(0, pushes));
		const saved = first.save();
		// the save is a copy: pushing on changes nothing in it
		fill(first, [1e9, -1e9], pushes + 1);
		const restored = new BucketHistory(8);
		restored.push(1, 42);
		restored.restore(saved);
		expect(restored.length).toBe(Math.min(pushes, saved.count));
		fill(restored, values.slice(pushes), pushes + 1);
		expect(restored.points()).toEqual(straight.points());
		expect(restored.width).toBe(straight.width);
	});

	test('clear() empties it and starts again at width 1', () => {
		const history = new BucketHistory(8);
		fill(history, series(100));
		expect(history.width).toBeGreaterThan(1);
		history.clear();
		expect([history.length, history.width, history.start]).toEqual([0, 1, 1]);
		history.push(1, 42);
		history.push(2, -1);
		expect(history.points()).toEqual([
			{iteration: 1, first: 42, min: 42, max: 42, last: 42},
			{iteration: 2, first: -1, min: -1, max: -1, last: -1},
		]);
	});

	test('rejects a capacity that cannot be halved', () => {
		expect(() => new BucketHistory(7)).toThrow(RangeError);
		expect(() => new BucketHistory(0)).toThrow(RangeError);
		expect(new BucketHistory(2).capacity).toBe(2);
	});
});

describe('SampledHistory', () => {
	/** Measures every due iteration up to `end`, the value being the iteration itself. */
	function run(history: SampledHistory, end: number, from = 1): void {
		for (let k = from; k <= end; k++) {
			if (history.due(k)) {
				history.push(k, k * 10);
			}
		}
	}

	test('every iteration until full, then the stride doubles and iteration 1 stays', () => {
		const history = new SampledHistory(8);
		run(history, 7);
		expect(history.stride).toBe(1);
		expect(history.points().map(point => point.iteration)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		run(history, 8, 8);
		expect(history.stride).toBe(2);
		expect(history.points().map(point => point.iteration)).toEqual([1, 2, 4, 6, 8]);
		run(history, 100, 9);
		expect(history.stride).toBe(16);
		const iterations = history.points().map(point => point.iteration);
		expect(iterations[0]).toBe(1);
		expect(iterations.slice(1).every(k => k % 16 === 0)).toBe(true);
		expect(iterations.length).toBeLessThan(8);
		expect(history.points().every(point => point.first === point.iteration * 10 && point.min === point.last && point.max === point.last)).toBe(true);
	});

	test('stays spread over the whole run', () => {
		const history = new SampledHistory(512);
		run(history, 1_000_000);
		const iterations = history.points().map(point => point.iteration);
		expect(iterations.length).toBeGreaterThanOrEqual(256);
		expect(iterations.length).toBeLessThan(512);
		expect(iterations[0]).toBe(1);
		expect(iterations.at(-1)).toBeGreaterThan(1_000_000 - history.stride);
	});

	test('save and restore: the same points and stride, and a copy', () => {
		const history = new SampledHistory(8);
		run(history, 40);
		const saved = history.save();
		const restored = new SampledHistory(8);
		restored.restore(saved);
		run(history, 90, 41);
		expect(saved.iterations.at(-1)).toBeLessThanOrEqual(40);
		run(restored, 90, 41);
		expect(restored.points()).toEqual(history.points());
		expect(restored.stride).toBe(history.stride);
		history.clear();
		expect([history.points().length, history.stride]).toEqual([0, 1]);
	});
});
