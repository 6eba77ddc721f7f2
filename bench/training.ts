/**
 * The training-speed groups, each measured in a child process of its own (`bench.js
 * --measure NAME`) so that one group's code paths do not slow another's: the generic
 * Trainer against hand-written loops and the numpy listing, and the Network's kernel
 * unrolled against its loops.
 */
import {kernelFor, MAX_UNROLLED_TERMS, unrolledTerms} from '../source/core/training/kernel.js';
import {PRESETS, TUTORIAL} from '../source/core/presets.js';
import {NumpyRandom} from '../source/core/maths/random.js';
import type {Setup} from '../source/core/setup.js';
import {Trainer} from '../source/core/training/trainer.js';
import {largestDifference, tutorialLoop, xorLoop, type HandResult} from './hand-loop.js';
import {randomAfterWeights, softmaxLoop, SOFTMAX_WEIGHTS, threeClasses} from './hand-softmax.js';
import {measureTogether, timed, type Candidate, type SpeedReport} from './measure.js';
import {startNumpy} from './numpy.js';
import {matrixGroup} from './training-matrix.js';

export type GroupReport = {readonly speeds: readonly SpeedReport[]; readonly notes: readonly string[]; readonly agree: boolean};

// a limit no run reaches: one Trainer serves every run of a candidate, as one serves the app's whole run
const ENDLESS = 1e15;

const presetSetup = (name: string, changes: Partial<Setup> = {}): Setup => ({...PRESETS.get(name)!.setup, seed: 0, limit: ENDLESS, ...changes});

export const XOR_SETUP: Setup = presetSetup('xor', {activation: 'tanh', outputActivation: 'sigmoid', optimizer: 'adam', init: 'xavier', learningRate: 0.03});

export function softmaxSetup(): Setup {
	return {
		...TUTORIAL,
		layers: [2, 16, 16, 3],
		activation: 'tanh',
		outputActivation: 'softmax',
		loss: 'cross-entropy',
		bias: true,
		init: 'xavier',
		batch: 10,
		learningRate: 0.1,
		limit: ENDLESS,
		seed: 0,
		samples: threeClasses(),
	};
}

/** A network of exactly MAX_UNROLLED_TERMS weight × sample terms: the largest that is unrolled. */
export function limitSetup(): Setup {
	const random = new NumpyRandom(3);
	const samples = [{x: Array.from({length: 14}, () => random.rand()), t: [random.rand(), random.rand()]}];
	const setup: Setup = {...TUTORIAL, layers: [14, 8, 2], samples, learningRate: 0.01, limit: ENDLESS, seed: 0};
	if (unrolledTerms(14 * 8 + 8 * 2, 1) !== MAX_UNROLLED_TERMS) {
		throw new Error(`14-8-2 over one sample is no longer MAX_UNROLLED_TERMS (${MAX_UNROLLED_TERMS}) terms: change limitSetup`);
	}

	return setup;
}

/** 64-32-4, sigmoid, no bias, 16 samples with inputs and targets in [0, 1). */
function wideSetup(): Setup {
	const random = new NumpyRandom(2024);
	const samples = Array.from({length: 16}, () => ({x: Array.from({length: 64}, () => random.rand()), t: Array.from({length: 4}, () => random.rand())}));
	return {...TUTORIAL, layers: [64, 32, 4], samples, limit: ENDLESS, seed: 0};
}

const termsOf = (trainer: Trainer) => trainer.network.shape.weightCount * trainer.schedule.batchSize;

/** The app's own path: `Trainer.step(n)` on one Trainer, histories and rewind points included. */
export function generic(name: string, setup: Setup): Candidate {
	const trainer = new Trainer(setup);
	return {
		name,
		terms: termsOf(trainer),
		run(iterations) {
			const took = timed(() => trainer.step(iterations));
			if (trainer.divergedAt !== undefined) {
				throw new Error(`${name} diverged at iteration ${trainer.divergedAt}`);
			}

			return took;
		},
	};
}

function hand(name: string, terms: number, loop: (iterations: number) => HandResult): Candidate {
	return {
		name,
		terms,
		run(iterations) {
			let result: HandResult | undefined;
			const took = timed(() => {
				result = loop(iterations);
			});
			if (!Number.isFinite(result!.error)) {
				throw new Error(`${name} diverged`);
			}

			return took;
		},
	};
}

/** The Network alone: its kernel called in a loop, written out for its shape or with loops. */
function kernel(name: string, setup: Setup, unroll: 'always' | 'never'): Candidate {
	const trainer = new Trainer(setup);
	const iterate = kernelFor(trainer.network, true, unroll);
	const {learningRate} = setup;
	return {
		name,
		terms: termsOf(trainer),
		run: iterations =>
			timed(() => {
				for (let k = 0; k < iterations; k++) {
					iterate(learningRate);
				}
			}),
	};
}

/** Weights after `iterations` of a fresh Trainer on `setup`. */
function trained(setup: Setup, iterations: number): Trainer {
	const trainer = new Trainer({...setup, limit: iterations});
	trainer.step(iterations);
	return trainer;
}

function agreement(what: string, iterations: number, trainer: Trainer, result: HandResult): {note: string; agree: boolean} {
	const difference = largestDifference(trainer.network.weights, result.weights);
	const agree = difference <= 1e-12;
	const text = difference === 0 ? 'agree bit for bit' : `differ by up to ${difference.toExponential(2)} in a weight`;
	return {note: `check: after ${iterations.toLocaleString('en-US')} iterations ${what} and the Trainer ${text}${agree ? '' : ' (MORE than 1e-12)'}`, agree};
}

async function tutorialGroup(benchSource: string): Promise<GroupReport> {
	const setup = presetSetup('tutorial-3');
	const candidates = [generic('generic Trainer, tutorial-3', setup), hand('hand-written 3-2-1 loop', 8, tutorialLoop)];
	const numpy = await startNumpy(benchSource);
	const notes: string[] = [];
	if (typeof numpy === 'string') {
		notes.push(`numpy listing: not measured (${numpy})`);
	} else {
		candidates.push(numpy.candidate);
	}

	try {
		const speeds = await measureTogether(candidates);
		const check = agreement('the hand loop', 80_000, trained(setup, 80_000), tutorialLoop(80_000));
		notes.push(check.note);
		if (typeof numpy !== 'string') {
			const {predicted, iterations} = numpy.last();
			const trainer = trained(setup, iterations);
			const ours = trainer.network.activations[trainer.network.depth]![0]!;
			notes.push(
				`check: the numpy listing (${numpy.versions}) after ${iterations.toLocaleString('en-US')} iterations predicts ${predicted}, the Trainer ${ours} (difference ${Math.abs(predicted - ours).toExponential(2)})`,
			);
		}

		return {speeds, notes, agree: check.agree};
	} finally {
		if (typeof numpy !== 'string') {
			numpy.close();
		}
	}
}

async function xorGroup(): Promise<GroupReport> {
	const initial = new Trainer(XOR_SETUP).initialWeights;
	const {learningRate} = XOR_SETUP;
	const speeds = await measureTogether([
		generic('generic Trainer, xor 2-3-1 Adam', XOR_SETUP),
		hand('hand-written xor loop', 13 * 4, iterations => xorLoop(initial, learningRate, iterations)),
	]);
	const check = agreement('the hand loop', 20_000, trained(XOR_SETUP, 20_000), xorLoop(initial, learningRate, 20_000));
	return {speeds, notes: [check.note], agree: check.agree};
}

async function softmaxGroup(): Promise<GroupReport> {
	const setup = softmaxSetup();
	const initial = new Trainer(setup).initialWeights;
	const loop = (iterations: number) => softmaxLoop(initial, setup.samples, randomAfterWeights(setup.seed, SOFTMAX_WEIGHTS), setup.learningRate, iterations);
	const speeds = await measureTogether([
		generic('generic Trainer, 2-16-16-3 softmax, batch 10', setup),
		hand('hand-written 2-16-16-3 loop', SOFTMAX_WEIGHTS * 10, loop),
	]);
	const check = agreement('the hand loop', 3000, trained(setup, 3000), loop(3000));
	return {speeds, notes: [check.note], agree: check.agree};
}

async function kernelGroup(name: string, setup: Setup): Promise<GroupReport> {
	const speeds = await measureTogether([kernel(`${name} unrolled`, setup, 'always'), kernel(`${name} loops`, setup, 'never')]);
	return {speeds, notes: [], agree: true};
}

export const TRAINING_GROUPS: Record<string, (benchSource: string) => Promise<GroupReport>> = {
	'tutorial-3': tutorialGroup,
	'tutorial-10': async () => ({speeds: await measureTogether([generic('generic Trainer, tutorial-10', presetSetup('tutorial-10'))]), notes: [], agree: true}),
	wide: async () => ({speeds: await measureTogether([generic('generic Trainer, 64-32-4 x 16 samples', wideSetup())]), notes: [], agree: true}),
	xor: xorGroup,
	softmax: softmaxGroup,
	'kernel-tutorial-3': async () => kernelGroup('tutorial-3', presetSetup('tutorial-3')),
	'kernel-limit': async () => kernelGroup('14-8-2', limitSetup()),
	matrix: async benchSource => matrixGroup(benchSource, generic),
};
