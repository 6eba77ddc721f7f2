import {ACTIVATIONS} from './activations.js';
import {testCount} from './batches.js';
import {INITIALISATIONS} from './initialisations.js';
import {LOSSES} from './losses.js';
import {OPTIMIZERS} from './optimizers.js';
import {MAX_SEED, NumpyRandom} from './random.js';
import type {Sample} from './samples.js';
import type {Setup} from './setup.js';
import {flatten, nest, nestedShapeProblem, shapeOf, type NestedWeights} from './shape.js';
import type {Trainer} from './trainer.js';
import type {TrainingState} from './trainer-state.js';
import {setupProblem} from './validate.js';

/** What `--save` writes and `--load` resumes from: the setup, and where training stands. */
export type Checkpoint = {
	readonly format: 'descent-checkpoint';
	readonly version: 2;
	readonly setup: Omit<Setup, 'weights' | 'batch'> & {readonly batch: number | null};
	readonly training: {
		readonly iteration: number;
		readonly learningRate: number;
		readonly weights: NestedWeights;
		readonly optimizer: {readonly buffers: Readonly<Record<string, NestedWeights>>; readonly step: number};
		readonly random: {readonly key: readonly number[]; readonly position: number; readonly gauss?: number};
		readonly epoch: {readonly epoch: number; readonly cursor: number; readonly order: readonly number[]};
		/** Informative: the samples held out, as the seed's split gave them. */
		readonly testSamples: readonly number[];
	};
};

/** A checkpoint read back: the setup to build the trainer from, and the state to resume. */
export type Resume = {readonly setup: Setup; readonly state: TrainingState};

/** The trainer as a checkpoint; a diverged run has no finite weights to continue from. */
export function checkpointOf(trainer: Trainer): Checkpoint | {readonly problem: string} {
	if (trainer.divergedAt !== undefined) {
		return {problem: `diverged at iteration ${trainer.divergedAt}: the weights are not finite numbers, so there is no checkpoint to write`};
	}

	const {setup, network} = trainer;
	const state = trainer.saveTraining();
	const {weights: _given, ...rest} = setup;
	return {
		format: 'descent-checkpoint',
		version: 2,
		setup: {...rest, batch: setup.batch ?? null},
		training: {
			iteration: state.iteration,
			learningRate: state.learningRate,
			weights: nest(network.shape, state.weights),
			optimizer: {
				buffers: Object.fromEntries(network.optimizer.buffers.map((name, k) => [name, nest(network.shape, state.optimizer.buffers[k]!)])),
				step: state.optimizer.step,
			},
			random: {key: Array.from(state.random.key), position: state.random.position, ...(state.random.gauss !== undefined && {gauss: state.random.gauss})},
			epoch: {epoch: state.epoch.epoch, cursor: state.epoch.cursor, order: [...state.epoch.order]},
			testSamples: [...trainer.split.test],
		},
	};
}

type Problem = {readonly problem: string};
const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null && 'problem' in value;

/** Reads a checkpoint's text; a problem is one line (without the file's name, which the caller adds). */
export function parseCheckpoint(text: string): Resume | Problem {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return {problem: 'not a complete JSON checkpoint (truncated or not JSON)'};
	}

	if (typeof data !== 'object' || data === null || (data as {format?: unknown}).format !== 'descent-checkpoint') {
		return {problem: 'not a descent checkpoint (no "format": "descent-checkpoint")'};
	}

	const {version} = data as {version?: unknown};
	if (version === 1) {
		return fromVersion1(data as Record<string, unknown>);
	}

	if (version !== 2) {
		return {problem: `checkpoint version ${String(version)} is not one this descent reads (1 or 2)`};
	}

	const {setup: rawSetup, training} = data as {setup?: unknown; training?: unknown};
	const setup = readSetup(rawSetup);
	if (isProblem(setup)) {
		return setup;
	}

	const state = readTraining(training, setup);
	return isProblem(state) ? state : {setup, state};
}

const quoted = (setting: string) => `"${setting}"`;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isWhole = (value: unknown, min: number): value is number => Number.isSafeInteger(value) && (value as number) >= min;
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function readSetup(raw: unknown): Setup | Problem {
	if (!isObject(raw)) {
		return {problem: 'no "setup" object'};
	}

	const s = raw;
	const layers = s['layers'];
	if (!Array.isArray(layers) || layers.length < 2 || !layers.every(n => isWhole(n, 1))) {
		return {problem: '"layers" must be a list of at least two positive integers'};
	}

	const choices = [
		['activation', ACTIVATIONS],
		['outputActivation', ACTIVATIONS],
		['loss', LOSSES],
		['optimizer', OPTIMIZERS],
		['init', INITIALISATIONS],
	] as const;
	for (const [key, registry] of choices) {
		if (typeof s[key] !== 'string' || !registry.has(s[key])) {
			return {problem: `"${key}" must be one of ${registry.names.join(', ')}`};
		}
	}

	const numbers: Array<[string, boolean]> = [
		['momentum', isFiniteNumber(s['momentum']) && s['momentum'] >= 0 && s['momentum'] < 1],
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
	if (bad) {
		return {problem: `"${bad[0]}" is missing or out of range`};
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
		momentum: s['momentum'] as number,
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

function readSamples(raw: unknown, inputs: number, outputs: number): Sample[] | Problem {
	const numbers = (value: unknown, length: number) => Array.isArray(value) && value.length === length && value.every(v => isFiniteNumber(v));
	if (!Array.isArray(raw) || raw.length === 0 || !raw.every(sample => isObject(sample) && numbers(sample['x'], inputs) && numbers(sample['t'], outputs))) {
		return {problem: `"samples" must be a list of {"x": ${inputs} numbers, "t": ${outputs} numbers}`};
	}

	return raw as Sample[];
}

function readTraining(raw: unknown, setup: Setup): TrainingState | Problem {
	if (!isObject(raw)) {
		return {problem: 'no "training" object'};
	}

	const shape = shapeOf(setup.layers, setup.bias);
	const flat = (nested: unknown, what: string): Float64Array | Problem => {
		const problem = nestedShapeProblem(shape, nested);
		if (problem !== undefined) {
			return {problem: `"${what}": ${problem}`};
		}

		const into = new Float64Array(shape.weightCount);
		flatten(shape, nested as NestedWeights, into);
		return into;
	};

	const weights = flat(raw['weights'], 'weights');
	if (isProblem(weights)) {
		return weights;
	}

	const iteration = raw['iteration'];
	const learningRate = raw['learningRate'];
	if (!isWhole(iteration, 0) || !isFiniteNumber(learningRate) || learningRate <= 0) {
		return {problem: '"iteration" must be a whole number and "learningRate" a positive number'};
	}

	const optimizer = raw['optimizer'];
	const names = OPTIMIZERS.entries[setup.optimizer].buffers;
	const buffers: Float64Array[] = [];
	for (const name of names) {
		const buffer =
			isObject(optimizer) && isObject(optimizer['buffers'])
				? flat(optimizer['buffers'][name], `optimizer ${name}`)
				: {problem: `no "optimizer" buffer "${name}"`};
		if (isProblem(buffer)) {
			return buffer;
		}

		buffers.push(buffer);
	}

	const random = raw['random'];
	const epoch = raw['epoch'];
	const key = isObject(random) ? random['key'] : undefined;
	if (!isObject(random) || !Array.isArray(key) || key.length !== 624 || !key.every(k => isWhole(k, 0) && k <= MAX_SEED) || !isWhole(random['position'], 0)) {
		return {problem: '"random" must hold the generator\'s 624 numbers and its position'};
	}

	if (!isObject(epoch) || !isWhole(epoch['epoch'], 0) || !isWhole(epoch['cursor'], 0) || !Array.isArray(epoch['order'])) {
		return {problem: '"epoch" must hold the epoch, the cursor and the order'};
	}

	const trainCount = setup.samples.length - testCount(setup.samples.length, setup.test);
	if (setup.batch !== undefined && setup.batch < trainCount) {
		// mini-batches: the cursor is within the epoch and, once an epoch has begun, its order is a permutation of the training samples
		const order = epoch['order'] as unknown[];
		const seen = new Set(order);
		const permutation = order.length === trainCount && seen.size === trainCount && order.every(k => isWhole(k, 0) && k < trainCount);
		if (epoch['cursor'] >= trainCount || !(permutation || (order.length === 0 && epoch['cursor'] === 0))) {
			return {problem: `"epoch" must hold a cursor below ${trainCount} and an order of the ${trainCount} training samples`};
		}
	}

	if (!isObject(optimizer) || !isWhole(optimizer['step'], 0)) {
		return {problem: '"optimizer" must hold its step count'};
	}

	const step = optimizer['step'];
	const gauss = isFiniteNumber(random['gauss']) ? random['gauss'] : undefined;
	return {
		iteration,
		learningRate,
		weights,
		optimizer: {buffers, step},
		random: {key: key as number[], position: random['position'], ...(gauss !== undefined && {gauss})},
		epoch: {epoch: epoch['epoch'], cursor: epoch['cursor'], order: epoch['order'] as number[]},
		divergedAt: undefined,
	};
}

/** Version 1 (descent 0.1: the tutorial's choices only) holds all a full-batch SGD run needs. */
function fromVersion1(v1: Record<string, unknown>): Resume | Problem {
	const setup = readSetup({
		...v1,
		outputActivation: v1['activation'],
		loss: 'squared',
		optimizer: 'sgd',
		momentum: 0.9,
		l1: 0,
		l2: 0,
		init: 'rand',
		batch: null,
		test: 0,
		limit: v1['iterations'],
	});
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
	return isProblem(state) ? state : {setup, state};
}
