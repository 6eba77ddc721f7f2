import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {NumpyRandom} from '../../source/core/random.js';
import {Trainer} from '../../source/core/trainer.js';
import {fixtures, goldenRuns, maxWeightError, relativeError} from '../helpers/golden.js';

const TOLERANCE = 1e-9;

describe('numpy generator', () => {
	const {streams} = JSON.parse(fs.readFileSync(path.join(fixtures, 'numpy-rand-streams.json'), 'utf8')) as {
		streams: Record<string, number[]>;
	};

	test.each(Object.entries(streams))('seed %s gives numpy.random.rand(8) bit for bit', (seed, expected) => {
		const random = new NumpyRandom(Number(seed));
		expect(Array.from({length: expected.length}, () => random.rand())).toEqual(expected);
	});

	test('rejects seeds numpy rejects', () => {
		expect(() => new NumpyRandom(-1)).toThrow(RangeError);
		expect(() => new NumpyRandom(2 ** 32)).toThrow(RangeError);
		expect(() => new NumpyRandom(1.5)).toThrow(RangeError);
	});
});

describe.each(goldenRuns().map(run => [run.name, run] as const))('reference run %s', (_name, run) => {
	test('the trainer reproduces initial weights, every trace point and the final weights', () => {
		const trainer = new Trainer({
			spec: {layers: run.layers, activation: run.activation, bias: run.bias, samples: run.samples},
			learningRate: run.learningRate,
			iterations: run.iterations,
			seed: run.seed,
		});
		expect(maxWeightError(trainer.network.getWeights(), run.initialWeights)).toBeLessThan(TOLERANCE);
		const checkpoints = Object.keys(run.trace)
			.map(Number)
			.sort((a, b) => a - b);
		expect(checkpoints.length).toBeGreaterThan(0);
		for (const k of checkpoints) {
			trainer.step(k - trainer.iteration);
			expect(trainer.iteration).toBe(k);
			const reference = run.trace[String(k)]!;
			expect(relativeError(trainer.network.loss, reference.error, 1e-9), `error at iteration ${k}`).toBeLessThan(TOLERANCE);
			expect(maxWeightError([trainer.network.getOutputs()], [reference.outputs]), `outputs at iteration ${k}`).toBeLessThan(TOLERANCE);
		}

		trainer.step(run.iterations - trainer.iteration);
		expect(trainer.iteration).toBe(run.iterations);
		expect(trainer.state).toBe('done');
		expect(maxWeightError(trainer.network.getWeights(), run.finalWeights)).toBeLessThan(TOLERANCE);
	});
});
