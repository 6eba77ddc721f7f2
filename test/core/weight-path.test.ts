import {describe, expect, test} from 'vitest';
import type {Setup} from '../../source/core/setup.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {PATH_BUDGET, PATH_CAPACITY, WeightPath} from '../../source/core/training/weight-path.js';
import {goldenRuns, setupOf} from '../helpers/golden.js';

const runs = Object.fromEntries(goldenRuns().map(run => [run.name, setupOf(run)]));

describe('WeightPath', () => {
	test('a point at the start and every stride-th iteration; full, the stride doubles and every other point goes', () => {
		const path = new WeightPath(2);
		expect(path.capacity).toBe(PATH_CAPACITY);
		path.start(0, Float64Array.of(0, 0));
		for (let iteration = 1; iteration <= 5000; iteration++) {
			if (path.due(iteration)) {
				path.push(iteration, Float64Array.of(iteration, -iteration));
			}
		}

		const {iterations, a, b} = path.pair(0, 1);
		expect(path.stride).toBe(8);
		expect(iterations[0]).toBe(0);
		expect(iterations.slice(1).every(iteration => iteration % 8 === 0)).toBe(true);
		expect(iterations.at(-1)).toBe(5000);
		expect(a).toEqual(iterations);
		expect(b).toEqual(iterations.map(iteration => 0 - iteration));
		expect(iterations.length).toBeLessThanOrEqual(PATH_CAPACITY);
	});

	test('the current weights end the pair when they are later; forgetAfter keeps the start', () => {
		const path = new WeightPath(3);
		path.start(10, Float64Array.of(1, 2, 3));
		path.push(12, Float64Array.of(4, 5, 6));
		expect(path.pair(2, 0, {iteration: 13, weights: [7, 8, 9]})).toEqual({iterations: [10, 12, 13], a: [3, 6, 9], b: [1, 4, 7]});
		path.forgetAfter(11);
		expect(path.pair(0, 1).iterations).toEqual([10]);
		path.forgetAfter(0);
		expect(path.length).toBe(1);
	});

	test('a network too large for 16 points in the budget records none', () => {
		const path = new WeightPath(PATH_BUDGET / 8);
		expect(path.capacity).toBe(0);
		path.start(0, new Float64Array(PATH_BUDGET / 8));
		expect(path.length).toBe(0);
		expect(path.due(1)).toBe(false);
	});
});

describe("the trainer's path: each point the weights of that iteration", () => {
	const cases: Array<[string, Setup]> = [
		['sgd, full batch (the written-out loop, many iterations a call)', {...runs['tutorial-3-inputs-seed-0']!, limit: 100_000}],
		['adam, full batch', {...runs['more-adam-tutorial']!, limit: 100_000}],
		['mini-batches, momentum and a test split', {...runs['more-momentum-minibatch-test']!, limit: 100_000}],
	];
	test.each(cases)('%s', (_name, setup) => {
		const trainer = new Trainer(setup);
		trainer.step(3000);
		const {iterations, a, b} = trainer.path.pair(0, trainer.network.shape.weightCount - 1);
		expect(iterations[0]).toBe(0);
		expect(iterations.length).toBeGreaterThan(100);
		const stepped = new Trainer(setup);
		for (const [k, iteration] of iterations.entries()) {
			stepped.step(iteration - stepped.iteration);
			expect([a[k], b[k]]).toEqual([stepped.network.weights[0], stepped.network.weights.at(-1)]);
		}
	});

	test('back: the points after the iteration gone back to go with it, and come back the same', () => {
		const setup = {...runs['tutorial-3-inputs-seed-0']!, limit: 100_000};
		const trainer = new Trainer(setup);
		trainer.step(40);
		const before = trainer.path.pair(0, 1);
		for (let k = 0; k < 5; k++) {
			trainer.back();
		}

		expect(trainer.path.pair(0, 1).iterations.at(-1)).toBe(35);
		trainer.step(5);
		expect(trainer.path.pair(0, 1)).toEqual(before);
	});
});
