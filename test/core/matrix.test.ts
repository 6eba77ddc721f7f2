import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {nativeMatrix, onMatrixPath, updateOf, withoutMatrix} from '../../source/core/maths/matrix.js';
import {Network} from '../../source/core/maths/network.js';
import {NumpyRandom} from '../../source/core/maths/random.js';
import {TUTORIAL} from '../../source/core/presets.js';
import type {Setup} from '../../source/core/setup.js';
import {flatten} from '../../source/core/shape.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {bitDifference, relativeError, type GoldenRun} from '../helpers/golden.js';
import {runNumpy} from '../helpers/numpy.js';

/** Inputs in [-1, 1), targets one-hot over the outputs (or in [0, 1) for one output). */
function samples(seed: number, count: number, inputs: number, outputs: number): Setup['samples'] {
	const random = new NumpyRandom(seed);
	return Array.from({length: count}, () => {
		const x = Array.from({length: inputs}, () => random.uniform(-1, 1));
		const hot = Math.floor(random.rand() * outputs);
		return {x, t: Array.from({length: outputs}, (_, k) => (k === hot ? 1 : 0))};
	});
}

function setupOf(changes: Partial<Setup> & Pick<Setup, 'layers'>, count: number): Setup {
	const {layers} = changes;
	return {...TUTORIAL, init: 'xavier', limit: 1e9, seed: 5, learningRate: 0.05, ...changes, samples: samples(7, count, layers[0]!, layers.at(-1)!)};
}

const CASES: Array<[string, Setup]> = [
	['64-32-10 sigmoid, bias, sgd, full batch', setupOf({layers: [64, 32, 10], bias: true, learningRate: 0.5}, 300)],
	[
		'20-48-48-5 tanh, no bias, momentum, batches of 16, L2',
		setupOf({layers: [20, 48, 48, 5], activation: 'tanh', outputActivation: 'tanh', optimizer: 'momentum', l2: 0.001, batch: 16}, 120),
	],
	[
		'30-64-4 relu, softmax, cross-entropy, Adam, L1, batches of 25, a test split',
		setupOf(
			{
				layers: [30, 64, 4],
				activation: 'relu',
				outputActivation: 'softmax',
				loss: 'cross-entropy',
				optimizer: 'adam',
				init: 'he',
				bias: true,
				l1: 0.0005,
				batch: 25,
				test: 0.2,
				learningRate: 0.01,
			},
			150,
		),
	],
	[
		'40-40-3 tanh, sigmoid outputs, cross-entropy, Adam, L1 and L2, full batch',
		setupOf(
			{
				layers: [40, 40, 3],
				activation: 'tanh',
				outputActivation: 'sigmoid',
				loss: 'cross-entropy',
				optimizer: 'adam',
				bias: true,
				l1: 0.001,
				l2: 0.002,
				learningRate: 0.01,
			},
			80,
		),
	],
	[
		'50-30-30-2 linear hidden, sigmoid outputs, batches of 30 with a short last one',
		setupOf({layers: [50, 30, 30, 2], activation: 'linear', outputActivation: 'sigmoid', batch: 30}, 100),
	],
	[
		'784-32-10 relu, softmax, Adam, batches of 32 (the mnist preset)',
		setupOf(
			{
				layers: [784, 32, 10],
				activation: 'relu',
				outputActivation: 'softmax',
				loss: 'cross-entropy',
				optimizer: 'adam',
				init: 'he',
				bias: true,
				batch: 32,
				test: 0.2,
				learningRate: 0.001,
			},
			200,
		),
	],
];

/** Largest relative difference (against max(|b|, 1e-6)) of two arrays of the same length. */
function largest(a: ArrayLike<number>, b: ArrayLike<number>): number {
	expect(a.length).toBe(b.length);
	let worst = 0;
	for (let k = 0; k < a.length; k++) {
		worst = Math.max(worst, relativeError(a[k]!, b[k]!, 1e-6));
	}

	return worst;
}

function trained(setup: Setup, iterations: number): Trainer {
	const trainer = new Trainer(setup);
	trainer.step(iterations);
	return trainer;
}

test('the matrix path is built (build.mjs, with a C++ compiler) and loads', () => {
	expect(nativeMatrix(), 'run npm run build first').not.toBeTypeOf('string');
});

describe.concurrent('the matrix path and the scalar path agree within 1e-9', () => {
	test.each(CASES)('%s', (_name, setup) => {
		const matrix = trained(setup, 40);
		const scalar = withoutMatrix(() => trained(setup, 40));
		expect(onMatrixPath(matrix.network)).toBe(true);
		expect(onMatrixPath(scalar.network)).toBe(false);
		const [a, b] = [matrix.network, scalar.network];
		expect(largest(a.weights, b.weights)).toBeLessThan(1e-9);
		expect(largest(a.gradients, b.gradients)).toBeLessThan(1e-9);
		expect(largest(a.changes, b.changes)).toBeLessThan(1e-9);
		expect(relativeError(a.error, b.error, 1e-9)).toBeLessThan(1e-9);
		for (let l = 1; l <= a.depth; l++) {
			const used = a.batchSize * a.shape.layers[l]!;
			expect(largest(a.activations[l]!.subarray(0, used), b.activations[l]!.subarray(0, used))).toBeLessThan(1e-9);
			expect(largest(a.sops[l]!.subarray(0, used), b.sops[l]!.subarray(0, used))).toBeLessThan(1e-9);
			expect(largest(a.deltas[l]!.subarray(0, used), b.deltas[l]!.subarray(0, used))).toBeLessThan(1e-9);
		}

		expect(
			relativeError(
				matrix.trainError(),
				withoutMatrix(() => scalar.trainError()),
				1e-9,
			),
		).toBeLessThan(1e-9);
		// the dashboard's evaluation: the error, the accuracy and each sample's class
		const [ours, theirs] = [new Int32Array(setup.samples.length), new Int32Array(setup.samples.length)];
		const measured = matrix.evaluator.measure(a.weights, matrix.data, matrix.split.train, ours);
		const expected = withoutMatrix(() => scalar.evaluator.measure(a.weights, scalar.data, scalar.split.train, theirs));
		expect(relativeError(measured.error, expected.error, 1e-9)).toBeLessThan(1e-9);
		expect(measured.accuracy).toBe(expected.accuracy);
		expect(ours).toEqual(theirs);
		if (setup.test > 0) {
			expect(
				relativeError(
					matrix.testError(),
					withoutMatrix(() => scalar.testError()),
					1e-9,
				),
			).toBeLessThan(1e-9);
		}
	});
});

test("Adam's update in matrix.cc gives Network.update's numbers to the last bit", () => {
	const native = nativeMatrix();
	if (typeof native === 'string') {
		throw new TypeError(native);
	}

	const spec = {layers: [30, 40, 5], activation: 'tanh', outputActivation: 'sigmoid', bias: true, loss: 'squared'} as const;
	const [ours, theirs] = [0, 1].map(() => new Network(spec, {optimizer: 'adam', momentum: 0.9, l1: 0, l2: 0}, 1));
	const random = new NumpyRandom(11);
	for (const k of ours!.weights.keys()) {
		ours!.weights[k] = theirs!.weights[k] = random.uniform(-1, 1);
	}

	ours!.error = theirs!.error = 0.5;
	const update = updateOf(ours!, native);
	for (let iteration = 1; iteration <= 20; iteration++) {
		for (const k of ours!.gradients.keys()) {
			ours!.gradients[k] = theirs!.gradients[k] = random.uniform(-1, 1) * 10 ** (1 - (k % 9));
		}

		expect(update(0.01)).toBe(true);
		expect(theirs!.update(0.01)).toBe(true);
		for (const name of ['weights', 'previousWeights', 'changes'] as const) {
			expect(bitDifference(ours![name], theirs![name]), `${name} at iteration ${iteration}`).toBeUndefined();
		}

		expect(bitDifference(ours!.optimizerState.buffers['v']!, theirs!.optimizerState.buffers['v']!)).toBeUndefined();
	}
});

describe('on the matrix path', () => {
	const setup = CASES[2]![1];

	test('the phase walk gives the numbers of step() within 1e-9', () => {
		const stepped = trained(setup, 6);
		const phased = trained(setup, 5);
		while (phased.iteration < 6) {
			phased.stepPhase();
		}

		expect(onMatrixPath(phased.network)).toBe(true);
		expect(largest(phased.network.weights, stepped.network.weights)).toBeLessThan(1e-9);
		expect(relativeError(phased.network.error, stepped.network.error, 1e-9)).toBeLessThan(1e-9);
	});

	test('back and a checkpoint give the numbers of a straight run, bit for bit', () => {
		const straight = trained(setup, 30);
		const back = trained(setup, 37);
		for (let k = 0; k < 7; k++) {
			expect(back.back()).toBe(true);
		}

		expect(bitDifference(back.network.weights, straight.network.weights)).toBeUndefined();
		const resumed = new Trainer(setup, trained(setup, 18).saveTraining());
		resumed.step(12);
		expect(bitDifference(resumed.network.weights, straight.network.weights)).toBeUndefined();
	});
});

test('64-32-10 sigmoid over 200 samples, full batch: numpy trains the same weights within 1e-9', () => {
	const setup = CASES[0]![1];
	const iterations = 25;
	const spec = {
		name: 'matrix-64-32-10',
		note: 'the matrix path against numpy',
		layers: setup.layers,
		activation: setup.activation,
		bias: setup.bias,
		learningRate: setup.learningRate,
		iterations,
		seed: setup.seed,
		init: setup.init,
		samples: setup.samples.slice(0, 200),
		traceAt: [1, iterations],
	};
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'descent-matrix-')), 'spec.json');
	fs.writeFileSync(file, JSON.stringify(spec));
	const reference = runNumpy('numpy_trainer.py', [file]) as GoldenRun;
	const trainer = trained({...setup, samples: spec.samples}, iterations);
	expect(onMatrixPath(trainer.network)).toBe(true);
	const expected = new Float64Array(trainer.network.weights.length);
	flatten(trainer.network.shape, reference.finalWeights, expected);
	expect(largest(trainer.network.weights, expected)).toBeLessThan(1e-9);
	expect(relativeError(trainer.network.error, reference.trace[String(iterations)]!.error, 1e-9)).toBeLessThan(1e-9);
});
