import {describe, expect, test} from 'vitest';
import {BatchSchedule} from '../../source/core/training/batches.js';
import {phasesOf, runPhase} from '../../source/core/training/iteration.js';
import {kernelFor, manyFor, MAX_UNROLLED_TERMS, unrolledTerms} from '../../source/core/training/kernel.js';
import {Network} from '../../source/core/maths/network.js';
import {NumpyRandom} from '../../source/core/maths/random.js';
import type {Setup} from '../../source/core/setup.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {bitDifference, goldenRuns, setupOf} from '../helpers/golden.js';

/** A network loaded with the setup's initial weights and its whole training set (what a full-batch trainer iterates). */
function fullBatchNetwork(setup: Setup): Network {
	const trainer = new Trainer(setup);
	const {train} = trainer.split;
	const network = new Network(setup, setup, train.length);
	network.weights.set(trainer.initialWeights);
	network.clearIteration();
	network.load(trainer.data, train, train.length);
	return network;
}

/** Every buffer an iteration writes, by name. */
function buffersOf(network: Network): Record<string, ArrayLike<number>> {
	const named: Record<string, ArrayLike<number>> = {
		weights: network.weights,
		previous: network.previousWeights,
		gradients: network.gradients,
		changes: network.changes,
		error: [network.error],
	};
	for (let l = 1; l <= network.depth; l++) {
		named[`sops ${l}`] = network.sops[l]!;
		named[`activations ${l}`] = network.activations[l]!;
		named[`deltas ${l}`] = network.deltas[l]!;
	}

	for (const [name, buffer] of Object.entries(network.optimizerState.buffers)) {
		named[`optimizer ${name}`] = buffer;
	}

	return named;
}

function differences(a: Network, b: Network): string[] {
	const x = buffersOf(a);
	const y = buffersOf(b);
	return Object.keys(y).flatMap(name => {
		const difference = bitDifference(x[name]!, y[name]!);
		return difference === undefined ? [] : [`${name} ${difference}`];
	});
}

/** Runs the unrolled kernel and the loops side by side, comparing every buffer now and then. */
function expectSameRun(setup: Setup, iterations: number): number {
	const unrolledNetwork = fullBatchNetwork(setup);
	const loopNetwork = fullBatchNetwork(setup);
	const unrolled = kernelFor(unrolledNetwork, true, 'always');
	const loops = kernelFor(loopNetwork, true, 'never');
	const every = Math.max(1, Math.floor(iterations / 16));
	for (let k = 1; k <= iterations; k++) {
		const finite = unrolled(setup.learningRate);
		expect(loops(setup.learningRate), `finite at iteration ${k}`).toBe(finite);
		if (k % every === 0 || k === iterations || !finite) {
			expect(differences(unrolledNetwork, loopNetwork), `iteration ${k}`).toEqual([]);
		}

		if (!finite) {
			return k;
		}
	}

	return iterations;
}

const fullBatchRuns = goldenRuns().filter(run => run.batch === undefined);

describe('the unrolled kernel is the loops, bit for bit', () => {
	test('the full-batch reference runs include every optimizer, loss and penalty', () => {
		const setups = fullBatchRuns.map(setupOf);
		expect(new Set(setups.map(setup => setup.optimizer))).toEqual(new Set(['sgd', 'momentum', 'adam']));
		expect(new Set(setups.map(setup => setup.outputActivation))).toEqual(new Set(['sigmoid', 'tanh', 'relu', 'linear', 'softmax']));
		expect(setups.some(setup => setup.l1 > 0) && setups.some(setup => setup.l2 > 0)).toBe(true);
		expect(setups.some(setup => setup.test > 0)).toBe(true);
	});

	// the tutorial runs' 80,000 iterations would take seconds: their first 3,000 show the same
	test.each(fullBatchRuns.map(run => [run.name, run] as const))('%s, up to 3,000 iterations', (_name, run) => {
		const iterations = Math.min(run.iterations, 3000);
		expect(expectSameRun(setupOf(run), iterations)).toBe(iterations);
	});

	test('a diverging run stops at the same iteration with the same non-finite numbers', () => {
		const setup = setupOf(fullBatchRuns.find(run => run.name === 'tutorial-3-inputs-seed-0')!);
		const diverging = {...setup, activation: 'linear', outputActivation: 'linear', learningRate: 1000} as const;
		const stoppedAt = expectSameRun(diverging, 200);
		expect(stoppedAt).toBeLessThan(200);
	});

	test('random networks: every hidden activation, bias or not, several samples and outputs, penalties', () => {
		const random = new NumpyRandom(7);
		const pick = (n: number) => 1 + Math.floor(random.rand() * n);
		const base = setupOf(fullBatchRuns[0]!);
		let checked = 0;
		for (const activation of ['sigmoid', 'tanh', 'relu', 'linear'] as const) {
			for (const bias of [false, true]) {
				for (let trial = 0; trial < 3; trial++) {
					const layers = Array.from({length: 2 + pick(2)}, () => pick(4));
					const samples = Array.from({length: pick(3)}, () => ({
						x: Array.from({length: layers[0]!}, () => random.rand() * 4 - 2),
						t: Array.from({length: layers.at(-1)!}, () => random.rand()),
					}));
					const setup: Setup = {
						...base,
						layers,
						activation,
						outputActivation: activation,
						bias,
						samples,
						init: 'uniform',
						seed: trial,
						l1: 0.01 * trial,
						l2: 0.01,
					};
					expect(expectSameRun({...setup, learningRate: 0.05}, 60)).toBe(60);
					checked++;
				}
			}
		}

		expect(checked).toBe(24);
	});

	test('small full-batch networks are unrolled by default, mini-batches and large networks keep the loops', () => {
		expect(unrolledTerms(9, 1)).toBe(9);
		expect(unrolledTerms(13, 4)).toBeLessThanOrEqual(MAX_UNROLLED_TERMS);
		expect(unrolledTerms(64 * 32 + 32 * 4, 16)).toBeGreaterThan(MAX_UNROLLED_TERMS);
		const network = fullBatchNetwork(setupOf(fullBatchRuns.find(run => run.name === 'tutorial-3-inputs-seed-0')!));
		// the unrolled kernel is a function written for the shape: its source holds the weights' indices
		expect(kernelFor(network, true).toString()).toContain('W[7]');
		expect(kernelFor(network, false).toString()).not.toContain('W[7]');
	});
});

/**
 * `manyFor`'s run in calls of `chunk` iterations against the loops one at a time: every
 * iteration's error and first outputs, and every buffer after each call, bit for bit.
 */
function expectSameMany(setup: Setup, iterations: number, chunk: number): number {
	const manyNetwork = fullBatchNetwork(setup);
	const loopNetwork = fullBatchNetwork(setup);
	const recorded = setup.layers.at(-1)!;
	const run = manyFor(manyNetwork, kernelFor(manyNetwork, true), recorded)!;
	expect(run).toBeDefined();
	const loops = kernelFor(loopNetwork, true, 'never');
	const errors = new Float64Array(chunk);
	const outputs = new Float64Array(chunk * recorded);
	let done = 0;
	while (done < iterations) {
		const ran = run(Math.min(chunk, iterations - done), setup.learningRate, errors, outputs);
		for (let n = 0; n < Math.abs(ran); n++) {
			const finite = loops(setup.learningRate);
			expect(finite, `finite at iteration ${done + n + 1}`).toBe(ran > 0 || n < Math.abs(ran) - 1);
			expect(bitDifference([errors[n]!], [loopNetwork.error]), `error of iteration ${done + n + 1}`).toBeUndefined();
			const predicted = loopNetwork.activations[loopNetwork.depth]!.subarray(0, recorded);
			expect(bitDifference(outputs.subarray(n * recorded, (n + 1) * recorded), predicted), `outputs of iteration ${done + n + 1}`).toBeUndefined();
		}

		done += Math.abs(ran);
		expect(differences(manyNetwork, loopNetwork), `after iteration ${done}`).toEqual([]);
		if (ran < 0) {
			return done;
		}
	}

	return done;
}

describe('many iterations a call (manyFor) are the loops, bit for bit', () => {
	const tutorial = setupOf(fullBatchRuns.find(run => run.name === 'tutorial-3-inputs-seed-0')!);

	test('the tutorial, in calls of 1, 7 and 1,000 iterations', () => {
		for (const chunk of [1, 7, 1000]) {
			expect(expectSameMany(tutorial, 3000, chunk)).toBe(3000);
		}
	});

	test('a run that diverges stops after the iteration that diverged, its buffers written as the loops write them', () => {
		const diverging = {...tutorial, activation: 'linear', outputActivation: 'linear', learningRate: 1000} as const;
		const stoppedAt = expectSameMany(diverging, 200, 50);
		expect(stoppedAt).toBeLessThan(200);
		expect(stoppedAt).toBe(expectSameRun(diverging, 200));
	});

	test('random small networks: every hidden activation, bias or not, several samples and outputs, penalties', () => {
		const random = new NumpyRandom(11);
		const pick = (n: number) => 1 + Math.floor(random.rand() * n);
		let checked = 0;
		for (const activation of ['sigmoid', 'tanh', 'relu', 'linear'] as const) {
			for (const bias of [false, true]) {
				// at most (2 + 1)·2 + (2 + 1)·2 weights over 2 samples: 24 terms, LOCALS_TERMS
				const layers = [pick(2), pick(2), pick(2)];
				const samples = Array.from({length: pick(2)}, () => ({
					x: Array.from({length: layers[0]!}, () => random.rand() * 4 - 2),
					t: Array.from({length: layers.at(-1)!}, () => random.rand()),
				}));
				const setup: Setup = {...tutorial, layers, activation, outputActivation: activation, bias, samples, init: 'uniform', l1: 0.01, l2: 0.01};
				expect(expectSameMany({...setup, learningRate: 0.05}, 60, 16)).toBe(60);
				checked++;
			}
		}

		expect(checked).toBe(8);
	});

	test('only for small networks trained by sgd without a softmax: the others run an iteration a call', () => {
		const network = (changes: Partial<Setup>) => fullBatchNetwork({...tutorial, ...changes});
		const of = (changes: Partial<Setup>) => {
			const n = network(changes);
			return manyFor(n, kernelFor(n, true), 1);
		};

		expect(of({})).toBeDefined();
		expect(of({optimizer: 'momentum'})).toBeUndefined();
		expect(of({optimizer: 'adam'})).toBeUndefined();
		expect(of({layers: [3, 8, 1]})).toBeUndefined();
	});
});

describe('a mini-batch run: the loops and the phases one by one', () => {
	test('more-relu-adam-l2-batch: the same numbers after every iteration, across epochs', () => {
		const setup = setupOf(goldenRuns().find(run => run.name === 'more-relu-adam-l2-batch')!);
		expect(setup.batch).toBeLessThan(setup.samples.length);
		const trainer = new Trainer(setup);
		const make = () => {
			const network = new Network(setup, setup, setup.batch!);
			network.weights.set(trainer.initialWeights);
			network.clearIteration();
			return network;
		};

		const [byLoops, byPhases] = [make(), make()];
		const loops = kernelFor(byLoops, false);
		const phases = phasesOf(byPhases.depth);
		const random = new NumpyRandom(setup.seed);
		const schedule = new BatchSchedule(
			Int32Array.from({length: setup.samples.length}, (_, k) => k),
			setup.batch,
		);
		const batch = new Int32Array(setup.batch!);
		for (let k = 1; k <= 200; k++) {
			const {start, count} = schedule.next(random);
			for (let b = 0; b < count; b++) {
				batch[b] = schedule.order[start + b]!;
			}

			byLoops.load(trainer.data, batch, count);
			byPhases.load(trainer.data, batch, count);
			const finite = loops(setup.learningRate);
			const phased = phases.map(phase => runPhase(byPhases, phase, setup.learningRate)).every(Boolean);
			expect(phased).toBe(finite);
			expect(differences(byPhases, byLoops), `iteration ${k}`).toEqual([]);
		}

		// 15 samples in batches of 5: three iterations an epoch
		expect(schedule.epoch).toBe(66);
	});
});
