import fs from 'node:fs';
import path from 'node:path';
import type {ActivationName} from '../../source/core/maths/activations.js';
import type {InitialisationName} from '../../source/core/maths/initialisations.js';
import type {LossName} from '../../source/core/maths/losses.js';
import {OPTIMIZER_PARAMETERS, parameterValues, type OptimizerName, type OptimizerParameters} from '../../source/core/maths/optimizers.js';
import type {Sample} from '../../source/core/data/samples.js';
import type {Setup} from '../../source/core/setup.js';
import type {NestedWeights} from '../../source/core/shape.js';
import type {Trainer} from '../../source/core/training/trainer.js';

/** A numpy reference run (shared/golden's format; see its README, copied rules in test/reference): its optimizer's own parameter under its name (`momentum`). */
export type GoldenRun = Partial<OptimizerParameters> & {
	name: string;
	layers: number[];
	activation: ActivationName;
	bias: boolean;
	learningRate: number;
	iterations: number;
	seed: number;
	samples: Sample[];
	outputActivation?: ActivationName;
	loss?: LossName;
	batch?: number;
	test?: number;
	l1?: number;
	l2?: number;
	optimizer?: OptimizerName;
	init?: InitialisationName;
	initialWeightsGiven?: boolean;
	initialWeights: NestedWeights;
	finalWeights: NestedWeights;
	testSamples?: number[];
	finalTrainError?: number;
	finalTestError?: number;
	trace: Record<string, {error: number; outputs?: number[][]}>;
};

export const fixtures = path.join(import.meta.dirname, '..', 'fixtures');

export function readFixture<T>(file: string): T {
	return JSON.parse(fs.readFileSync(path.join(fixtures, file), 'utf8')) as T;
}

/** Every numpy reference run in test/fixtures: the files that hold a training trace. */
export function goldenRuns(): GoldenRun[] {
	return fs
		.readdirSync(fixtures)
		.filter(file => file.endsWith('.json'))
		.sort()
		.map(file => readFixture<Partial<GoldenRun>>(file))
		.filter((run): run is GoldenRun => run.trace !== undefined && Array.isArray(run.layers));
}

/** The run's setup: an absent key has the tutorial's value, as the reference README says. */
export function setupOf(run: GoldenRun): Setup {
	return {
		layers: run.layers,
		activation: run.activation,
		outputActivation: run.outputActivation ?? run.activation,
		bias: run.bias,
		loss: run.loss ?? 'squared',
		optimizer: run.optimizer ?? 'sgd',
		...parameterValues(run),
		l1: run.l1 ?? 0,
		l2: run.l2 ?? 0,
		init: run.init ?? 'rand',
		batch: run.batch,
		test: run.test ?? 0,
		learningRate: run.learningRate,
		limit: run.iterations,
		seed: run.seed,
		samples: run.samples,
		...(run.initialWeightsGiven && {weights: run.initialWeights}),
	};
}

/** Relative difference as the golden README asks: against max(|reference|, floor). */
export function relativeError(actual: number, reference: number, floor: number): number {
	return Math.abs(actual - reference) / Math.max(Math.abs(reference), floor);
}

/** Largest relative difference between two nested arrays of the same shape (weights or outputs). */
export function maxWeightError(actual: unknown[], reference: unknown[]): number {
	const a = actual.flat(2) as number[];
	const r = reference.flat(2) as number[];
	if (a.length !== r.length) {
		return Number.POSITIVE_INFINITY;
	}

	return Math.max(0, ...a.map((value, k) => relativeError(value, r[k]!, 1e-6)));
}

/** The first place two arrays differ in their bits (Object.is: NaN equals NaN, 0 and −0 differ), or undefined when they do not. */
export function bitDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): string | undefined {
	if (actual.length !== expected.length) {
		return `length ${actual.length} instead of ${expected.length}`;
	}

	for (let k = 0; k < actual.length; k++) {
		if (!Object.is(actual[k], expected[k])) {
			return `[${k}]: ${actual[k]} instead of ${expected[k]}`;
		}
	}

	return undefined;
}

/**
 * Everything by which two trainers' runs could differ, as named arrays of numbers: the
 * weights and the last iteration's buffers, the optimizer, the generator, the epoch.
 */
export function trainingOf(trainer: Trainer): Record<string, ArrayLike<number>> {
	const {network} = trainer;
	const state = trainer.saveTraining();
	const parts: Record<string, ArrayLike<number>> = {
		weights: network.weights,
		previousWeights: network.previousWeights,
		gradients: network.gradients,
		changes: network.changes,
		counters: [trainer.iteration, trainer.epoch, trainer.walk.count, network.optimizerState.step, network.error, trainer.learningRate],
		random: [...Array.from(state.random.key), state.random.position],
		epoch: [state.epoch.epoch, state.epoch.cursor, ...state.epoch.order],
	};
	for (const name of network.optimizer.buffers) {
		parts[`optimizer ${name}`] = network.optimizerState.buffers[name]!;
	}

	return parts;
}

/** Where two trainers differ (see `trainingOf`): an empty list when they are the same to the bit. */
export function trainingDifferences(actual: Trainer, expected: Trainer): string[] {
	const a = trainingOf(actual);
	const b = trainingOf(expected);
	return Object.keys(b).flatMap(name => {
		const difference = a[name] ? bitDifference(a[name], b[name]!) : 'missing';
		return difference === undefined ? [] : [`${name} ${difference}`];
	});
}

/** worked-example-2-2-2.json: a reference run with its first iteration worked out by hand, phase by phase. */
export type WorkedExample = GoldenRun & {
	readonly iteration1: {
		readonly sops: number[][];
		readonly activations: number[][];
		readonly error: number;
		readonly halfError: number;
		readonly dErrorDOutput: number[];
		readonly deltas: {readonly hidden: number[][]; readonly output: number[]};
		readonly gradients: number[][][];
		readonly newWeights: number[][][];
	};
};

/** The flags that describe a reference run, as a user would type them (files written in `folder`): the samples through --data, given weights through --weights. */
export function flagsOf(run: GoldenRun, folder: string): string[] {
	const data = path.join(folder, `${run.name}.csv`);
	fs.writeFileSync(data, run.samples.map(sample => [...sample.x, ...sample.t].join(',')).join('\n') + '\n');
	const flags = [
		'--headless',
		'--json',
		'--layers',
		run.layers.join(','),
		'--activation',
		run.activation,
		run.bias ? '--bias' : '--no-bias',
		'--data',
		data,
		'--lr',
		String(run.learningRate),
		'--iterations',
		String(run.iterations),
		'--seed',
		String(run.seed),
	];
	// a choice the run leaves out has its default: leaving the flag out tests the default too
	const optional: Array<[string, string | number | undefined]> = [
		['--output-activation', run.outputActivation],
		['--loss', run.loss],
		['--optimizer', run.optimizer],
		...OPTIMIZER_PARAMETERS.map(({name, optimizer}): [string, number | undefined] => [`--${name}`, run.optimizer === optimizer ? run[name] : undefined]),
		['--l1', run.l1],
		['--l2', run.l2],
		['--init', run.init],
		['--batch', run.batch],
		['--test', run.test || undefined],
	];
	for (const [flag, value] of optional) {
		if (value !== undefined) {
			flags.push(flag, String(value));
		}
	}

	if (run.initialWeightsGiven) {
		const weights = path.join(folder, `${run.name}.weights.json`);
		fs.writeFileSync(weights, JSON.stringify({weights: run.initialWeights}));
		flags.push('--weights', weights);
	}

	return flags;
}
