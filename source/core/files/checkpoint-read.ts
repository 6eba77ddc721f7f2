import {ACTIVATIONS} from '../maths/activations.js';
import {testCount} from '../training/batches.js';
import type {EpochState} from '../training/batches.js';
import {INITIALISATIONS} from '../maths/initialisations.js';
import {LOSSES} from '../maths/losses.js';
import {OPTIMIZER_PARAMETERS, OPTIMIZERS, parameterValues} from '../maths/optimizers.js';
import {TUTORIAL} from '../presets.js';
import {MAX_SEED, NumpyRandom, type RandomState} from '../maths/random.js';
import type {Sample} from '../data/samples.js';
import type {Plane} from '../data/plane.js';
import type {Setup} from '../setup.js';
import {flatten, nestedShapeProblem, shapeOf, type NestedWeights, type Shape} from '../shape.js';
import type {TrainingState} from '../training/trainer-state.js';
import {setupProblem} from '../validate.js';

/**
 * Reading a checkpoint's parts back, field by field: anything missing, of the wrong kind
 * or out of range is a one-line problem, never an exception.
 */
export type Problem = {readonly problem: string};
/** A checkpoint read back: the setup to build the trainer from, the state to resume, and the map's plane when it keeps one. */
export type Resume = {readonly setup: Setup; readonly state: TrainingState; readonly plane?: Plane};

export const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null && 'problem' in value;

const quoted = (setting: string) => `"${setting}"`;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isWhole = (value: unknown, min: number): value is number => Number.isSafeInteger(value) && (value as number) >= min;
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function readSetup(raw: unknown): Setup | Problem {
	if (!isObject(raw)) {
		return {problem: 'no "setup" object'};
	}

	const s = raw;
	const layers = s['layers'];
	if (!Array.isArray(layers) || layers.length < 2 || !layers.every(n => isWhole(n, 1))) {
		return {problem: '"layers" must be a list of at least two positive integers'};
	}

	const settings = settingsProblem(s);
	if (settings !== undefined) {
		return {problem: settings};
	}

	const samples = readSamples(s['samples'], layers[0] as number, layers.at(-1) as number);
	if (isProblem(samples)) {
		return samples;
	}

	// the settings one by one: nothing else of the file (a version 1 file's weights, say) becomes part of the setup
	const setup: Setup = {
		layers,
		activation: s['activation'] as Setup['activation'],
		outputActivation: s['outputActivation'] as Setup['outputActivation'],
		bias: s['bias'] as boolean,
		loss: s['loss'] as Setup['loss'],
		optimizer: s['optimizer'] as Setup['optimizer'],
		// each optimizer's own parameter (checked): the file's value or the entry's default
		...parameterValues(s),
		l1: s['l1'] as number,
		l2: s['l2'] as number,
		init: s['init'] as Setup['init'],
		batch: (s['batch'] as number | null) ?? undefined,
		test: s['test'] as number,
		learningRate: s['learningRate'] as number,
		limit: s['limit'] as number,
		seed: s['seed'] as number,
		samples,
		...(s['untilError'] !== undefined && {untilError: s['untilError'] as number}),
	};
	const problem = setupProblem(setup, quoted);
	return problem === undefined ? setup : {problem};
}

/** The first of the choices and numbers that is missing or not what a setup holds. */
function settingsProblem(s: Record<string, unknown>): string | undefined {
	const choices = [
		['activation', ACTIVATIONS],
		['outputActivation', ACTIVATIONS],
		['loss', LOSSES],
		['optimizer', OPTIMIZERS],
		['init', INITIALISATIONS],
	] as const;
	for (const [key, registry] of choices) {
		if (typeof s[key] !== 'string' || !registry.has(s[key])) {
			return `"${key}" must be one of ${registry.names.join(', ')}`;
		}
	}

	const parameter = parameterProblem(s);
	if (parameter !== undefined) {
		return parameter;
	}

	const numbers: Array<[string, boolean]> = [
		['l1', isFiniteNumber(s['l1']) && s['l1'] >= 0],
		['l2', isFiniteNumber(s['l2']) && s['l2'] >= 0],
		['test', isFiniteNumber(s['test']) && s['test'] >= 0 && s['test'] < 1],
		['learningRate', isFiniteNumber(s['learningRate']) && s['learningRate'] > 0],
		['limit', isWhole(s['limit'], 1)],
		['seed', isWhole(s['seed'], 0) && s['seed'] <= MAX_SEED],
		['batch', s['batch'] === null || isWhole(s['batch'], 1)],
		['bias', typeof s['bias'] === 'boolean'],
		['untilError', s['untilError'] === undefined || (isFiniteNumber(s['untilError']) && s['untilError'] >= 0)],
	];
	const bad = numbers.find(([, ok]) => !ok);
	return bad && `"${bad[0]}" is missing or out of range`;
}

/**
 * Each optimizer's own parameter (momentum's μ), by its entry: in its range; left out, the
 * entry's default, but for a run of that optimizer, whose numbers it decides (a file from
 * before an optimizer was added holds none of its runs).
 */
function parameterProblem(s: Record<string, unknown>): string | undefined {
	for (const {name, optimizer, min, max, range} of OPTIMIZER_PARAMETERS) {
		const value = s[name];
		if (value === undefined && s['optimizer'] === optimizer) {
			return `"${name}" is missing: a run of ${optimizer} needs it`;
		}

		if (value !== undefined && !(isFiniteNumber(value) && value >= min && value < max)) {
			return `"${name}" must be ${range}`;
		}
	}

	return undefined;
}

function readSamples(raw: unknown, inputs: number, outputs: number): Sample[] | Problem {
	const numbers = (value: unknown, length: number) => Array.isArray(value) && value.length === length && value.every(v => isFiniteNumber(v));
	if (!Array.isArray(raw) || raw.length === 0 || !raw.every(sample => isObject(sample) && numbers(sample['x'], inputs) && numbers(sample['t'], outputs))) {
		return {problem: `"samples" must be a list of {"x": ${inputs} numbers, "t": ${outputs} numbers}`};
	}

	return raw as Sample[];
}

export function readTraining(raw: unknown, setup: Setup): TrainingState | Problem {
	if (!isObject(raw)) {
		return {problem: 'no "training" object'};
	}

	const shape = shapeOf(setup.layers, setup.bias);
	const weights = readWeights(shape, raw['weights'], 'weights');
	const iteration = raw['iteration'];
	const learningRate = raw['learningRate'];
	if (!isProblem(weights) && (!isWhole(iteration, 0) || !isFiniteNumber(learningRate) || learningRate <= 0)) {
		return {problem: '"iteration" must be a whole number and "learningRate" a positive number'};
	}

	const optimizer = readOptimizer(raw['optimizer'], setup, shape);
	const random = readRandom(raw['random']);
	const epoch = readEpoch(raw['epoch'], setup);
	const problem = [weights, optimizer, random, epoch].find(part => isProblem(part));
	if (problem) {
		return problem;
	}

	return {
		iteration: iteration as number,
		learningRate: learningRate as number,
		weights: weights as Float64Array,
		optimizer: optimizer as TrainingState['optimizer'],
		random: random as RandomState,
		epoch: epoch as EpochState,
		divergedAt: undefined,
	};
}

/** A checkpoint's state one iteration before its own (see `Checkpoint`), when it holds one. */
export function readPrevious(raw: unknown, setup: Setup, iteration: number): TrainingState | undefined | Problem {
	if (raw === undefined) {
		return undefined;
	}

	const previous = readTraining(raw, setup);
	if (isProblem(previous)) {
		return {problem: `"previous": ${previous.problem.replace(/^no "training" object$/, 'not an object')}`};
	}

	return previous.iteration === iteration - 1
		? previous
		: {problem: `"previous" must be the state one iteration before the checkpoint's, at iteration ${iteration - 1}; it is at ${previous.iteration}`};
}

export function readWeights(shape: Shape, nested: unknown, what: string): Float64Array | Problem {
	const problem = nestedShapeProblem(shape, nested);
	if (problem !== undefined) {
		return {problem: `"${what}": ${problem}`};
	}

	const into = new Float64Array(shape.weightCount);
	flatten(shape, nested as NestedWeights, into);
	return into;
}

function readOptimizer(raw: unknown, setup: Setup, shape: Shape): TrainingState['optimizer'] | Problem {
	const buffers: Float64Array[] = [];
	for (const name of OPTIMIZERS.entries[setup.optimizer].buffers) {
		const buffer =
			isObject(raw) && isObject(raw['buffers']) ? readWeights(shape, raw['buffers'][name], `optimizer ${name}`) : {problem: `no "optimizer" buffer "${name}"`};
		if (isProblem(buffer)) {
			return buffer;
		}

		buffers.push(buffer);
	}

	if (!isObject(raw) || !isWhole(raw['step'], 0)) {
		return {problem: '"optimizer" must hold its step count'};
	}

	return {buffers, step: raw['step']};
}

function readRandom(raw: unknown): RandomState | Problem {
	const key = isObject(raw) ? raw['key'] : undefined;
	if (!isObject(raw) || !Array.isArray(key) || key.length !== 624 || !key.every(k => isWhole(k, 0) && k <= MAX_SEED) || !isWhole(raw['position'], 0)) {
		return {problem: '"random" must hold the generator\'s 624 numbers and its position'};
	}

	const gauss = isFiniteNumber(raw['gauss']) ? raw['gauss'] : undefined;
	return {key: key as number[], position: raw['position'], ...(gauss !== undefined && {gauss})};
}

function readEpoch(raw: unknown, setup: Setup): EpochState | Problem {
	if (!isObject(raw) || !isWhole(raw['epoch'], 0) || !isWhole(raw['cursor'], 0) || !Array.isArray(raw['order'])) {
		return {problem: '"epoch" must hold the epoch, the cursor and the order'};
	}

	const trainCount = setup.samples.length - testCount(setup.samples.length, setup.test);
	const order = raw['order'] as unknown[];
	if (setup.batch !== undefined && setup.batch < trainCount) {
		// mini-batches: the cursor is within the epoch and, once an epoch has begun, its order is a permutation of the training samples
		const seen = new Set(order);
		const permutation = order.length === trainCount && seen.size === trainCount && order.every(k => isWhole(k, 0) && k < trainCount);
		if (raw['cursor'] >= trainCount || !(permutation || (order.length === 0 && raw['cursor'] === 0))) {
			return {problem: `"epoch" must hold a cursor below ${trainCount} and an order of the ${trainCount} training samples`};
		}
	}

	return {epoch: raw['epoch'], cursor: raw['cursor'], order: order as number[]};
}

/** Version 1 (descent 0.1: the tutorial's choices only) holds all a full-batch SGD run needs. */
export function fromVersion1(v1: Record<string, unknown>): Resume | Problem {
	// the tutorial's choices (as JSON: no batch is null) under what version 1 held
	const setup = readSetup({...TUTORIAL, batch: null, ...v1, outputActivation: v1['activation'], limit: v1['iterations']});
	if (isProblem(setup)) {
		return setup;
	}

	// the generator as it stood after drawing the weights: a full batch draws nothing more
	const random = new NumpyRandom(setup.seed);
	for (let k = 0; k < shapeOf(setup.layers, setup.bias).weightCount; k++) {
		random.rand();
	}

	const state = readTraining(
		{
			weights: v1['weights'],
			iteration: v1['iteration'],
			learningRate: v1['learningRate'],
			optimizer: {buffers: {}, step: 0},
			random: {...random.state, key: Array.from(random.state.key)},
			epoch: {epoch: 0, cursor: 0, order: []},
		},
		setup,
	);
	// descent 0.1 drew the weights from the seed: the run's start is known
	return isProblem(state) ? state : {setup, state: {...state, past: {records: undefined, learningRates: [], initialWeights: 'seed'}}};
}
