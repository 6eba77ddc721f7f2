import {describe, expect, test} from 'vitest';
import {ACTIVATIONS, HIDDEN_ACTIVATION_NAMES} from '../../source/core/maths/activations.js';
import {Evaluator} from '../../source/core/maths/evaluate.js';
import {GradientCheck, relativeDifference, type WeightCheck} from '../../source/core/maths/gradient-check.js';
import {LOSSES} from '../../source/core/maths/losses.js';
import type {Network} from '../../source/core/maths/network.js';
import {NumpyRandom} from '../../source/core/maths/random.js';
import type {Setup} from '../../source/core/setup.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {setupProblem} from '../../source/core/validate.js';
import {bitDifference, goldenRuns, setupOf} from '../helpers/golden.js';

const LIMIT = 1e-6;
const base = setupOf(goldenRuns().find(run => run.name === 'tutorial-3-inputs-seed-0')!);

/**
 * Whether the check's loss evaluations (w ± h, w ± 2h) straddle a relu kink, where finite
 * differences measure no derivative: a relu neuron whose SOP changes sign for some sample
 * of the batch. Found by running the forward passes themselves, so no margin is guessed.
 * (L1's kink at w = 0 needs no skipping: the check keeps w ± 2h on w's side of 0.)
 */
function crossesKink(network: Network, check: WeightCheck): boolean {
	const w = network.previousWeights[check.index]!;
	const reluLayers = network.shape.layers.map((_, l) => l).filter(l => l > 0 && (l === network.depth ? network.output : network.hidden).name === 'relu');
	if (reluLayers.length === 0) {
		return false;
	}

	const evaluator = new Evaluator(network);
	const probe = network.previousWeights.slice();
	const nIn = network.shape.layers[0]!;
	const pattern = (multiple: number) => {
		probe[check.index] = w + multiple * check.step;
		const signs: boolean[] = [];
		for (let s = 0; s < network.batchSize; s++) {
			const layers = evaluator.forward(probe, network.activations[0]!, s * nIn);
			for (const l of reluLayers) {
				signs.push(...Array.from(layers[l]!, value => value > 0));
			}
		}

		return signs.join();
	};

	const at = pattern(0);
	return [-2, -1, 1, 2].some(multiple => pattern(multiple) !== at);
}

type Outcome = {checked: number; skipped: number; worst: number; where: string};

/** Trains a few iterations, checks every weight of the last one, and reports the worst agreement away from kinks. */
function checkSetup(setup: Setup, iterations = 3): Outcome {
	const trainer = new Trainer(setup);
	trainer.step(iterations);
	const weights = trainer.network.weights.slice();
	const job = new GradientCheck(trainer.network);
	expect(job.run(() => false)).toBe(true);
	expect(bitDifference(trainer.network.weights, weights), 'the check leaves the network as it was').toBeUndefined();
	let outcome: Outcome = {checked: 0, skipped: 0, worst: 0, where: ''};
	for (const check of job.result().weights) {
		if (crossesKink(trainer.network, check)) {
			outcome.skipped++;
			continue;
		}

		outcome.checked++;
		const difference = Number.isNaN(check.relativeDifference) ? Number.POSITIVE_INFINITY : check.relativeDifference;
		if (difference > outcome.worst) {
			outcome = {...outcome, worst: difference, where: `weight ${check.index}: ${check.analytic} vs ${check.numeric}`};
		}
	}

	return outcome;
}

/** The output activation and loss pairs validate.ts allows (for two outputs and targets in [0, 1]). */
const pairs = ACTIVATIONS.names.flatMap(output =>
	LOSSES.names
		.filter(loss => setupProblem({...base, layers: [2, 2], outputActivation: output, loss, samples: [{x: [0, 0], t: [0.5, 0.5]}]}, String) === undefined)
		.map(loss => [output, loss] as const),
);

test('the allowed pairs: squared with every activation but softmax, cross-entropy with sigmoid and softmax', () => {
	expect(pairs.map(pair => pair.join(' '))).toEqual([
		'sigmoid squared',
		'sigmoid cross-entropy',
		'tanh squared',
		'relu squared',
		'linear squared',
		'softmax cross-entropy',
	]);
});

describe('backpropagation agrees with finite differences', () => {
	test.each(HIDDEN_ACTIVATION_NAMES.map(hidden => [hidden]))('%s hidden layers: every allowed output and loss, bias or not, L1/L2', hidden => {
		const random = new NumpyRandom(HIDDEN_ACTIVATION_NAMES.indexOf(hidden) + 1);
		const pick = (n: number) => 1 + Math.floor(random.rand() * n);
		const total: Outcome = {checked: 0, skipped: 0, worst: 0, where: ''};
		let networks = 0;
		for (const [outputActivation, loss] of pairs) {
			for (const bias of [false, true]) {
				for (const [l1, l2] of [
					[0, 0],
					[0.01, 0],
					[0, 0.02],
					[0.005, 0.01],
				] as const) {
					const outputs = outputActivation === 'softmax' ? 1 + pick(3) : pick(3);
					const layers = [pick(4), ...Array.from({length: pick(2)}, () => pick(4)), outputs];
					const samples = Array.from({length: pick(4)}, () => {
						const t = Array.from({length: outputs}, () => random.rand());
						const sum = t.reduce((a, b) => a + b, 0);
						// softmax with cross-entropy: targets are a distribution, for which p − t is the exact dError/dSOP
						return {x: Array.from({length: layers[0]!}, () => random.uniform(-2, 2)), t: outputActivation === 'softmax' ? t.map(v => v / sum) : t};
					});
					const setup: Setup = {...base, layers, activation: hidden, outputActivation, loss, bias, l1, l2, samples, init: 'uniform', learningRate: 0.1};
					const outcome = checkSetup({...setup, seed: networks});
					networks++;
					total.checked += outcome.checked;
					total.skipped += outcome.skipped;
					if (outcome.worst > total.worst) {
						total.worst = outcome.worst;
						total.where = `${layers.join('-')} ${outputActivation} ${loss} bias ${bias} L1 ${l1} L2 ${l2}, ${outcome.where}`;
					}
				}
			}
		}

		expect(networks).toBe(pairs.length * 8);
		expect(total.worst, total.where).toBeLessThan(LIMIT);
		// the kinks are rare: nearly every weight was compared
		expect(total.skipped).toBeLessThan(total.checked / 20);
		expect(total.checked).toBeGreaterThan(500);
	});

	test.each(goldenRuns().map(run => [run.name, run] as const))('reference run %s after 10 iterations (its last batch)', (_name, run) => {
		const outcome = checkSetup(setupOf(run), 10);
		expect(outcome.worst, outcome.where).toBeLessThan(LIMIT);
		expect(outcome.checked).toBeGreaterThan(0);
	});

	test('a wrong gradient is found, and named as the worst', () => {
		const trainer = new Trainer(base);
		trainer.step(1);
		trainer.network.gradients[4] = trainer.network.gradients[4]! * 1.001;
		const job = new GradientCheck(trainer.network);
		job.run(() => false);
		const {worst, total, weights} = job.result();
		expect(worst.index).toBe(4);
		expect(worst.relativeDifference).toBeGreaterThan(5e-4);
		expect(total).toBe(8);
		expect(weights.filter(check => check.relativeDifference > LIMIT).map(check => check.index)).toEqual([4]);
	});

	test('run() stops when asked and goes on where it stopped, with the same results', () => {
		const trainer = new Trainer(setupOf(goldenRuns().find(run => run.name === 'xor-2-3-1-bias')!));
		trainer.step(5);
		const whole = new GradientCheck(trainer.network);
		whole.run(() => false);
		const parts = new GradientCheck(trainer.network, [0, 3, 12]);
		let calls = 0;
		expect(parts.run(() => ++calls >= 1)).toBe(false);
		expect(parts.checks.map(check => check.index)).toEqual([0]);
		expect(parts.done).toBe(false);
		expect(parts.run(() => false)).toBe(true);
		expect(parts.checks).toEqual([0, 3, 12].map(k => whole.checks[k]));
	});

	test('cancelled within a weight: asked before every sample, the weight cut short is dropped, and the check goes on from it', () => {
		const trainer = new Trainer(setupOf(goldenRuns().find(run => run.name === 'xor-2-3-1-bias')!));
		trainer.step(5);
		const whole = new GradientCheck(trainer.network);
		whole.run(() => false);
		const samples = trainer.network.batchSize;
		expect(samples).toBeGreaterThan(1);
		const job = new GradientCheck(trainer.network);
		let asked = 0;
		// the first weight's four losses ask once a sample each; stop in the middle of its second loss
		const stopAt = samples + 2;
		expect(
			job.run(
				() => false,
				() => ++asked >= stopAt,
			),
		).toBe(false);
		expect(asked).toBe(stopAt);
		expect(job.checks).toEqual([]);
		expect(job.run(() => false)).toBe(true);
		expect(job.checks).toEqual(whole.checks);
	});

	test('relativeDifference is symmetric, against the larger gradient or 1e-8', () => {
		expect(relativeDifference(1, 1.5)).toBe(0.5 / 1.5);
		expect(relativeDifference(1.5, 1)).toBe(0.5 / 1.5);
		expect(relativeDifference(2, -2)).toBe(2);
		expect(relativeDifference(3e-9, -4e-9)).toBe(7e-9 / 1e-8);
		expect(relativeDifference(0, 0)).toBe(0);
	});
});
