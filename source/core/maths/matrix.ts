/**
 * The batched matrix path: one iteration over the whole batch as blocked matrix products
 * (forward, error, backward, gradients), in native code built from
 * source/core/maths/native/matrix.cc by build.mjs; then the penalty and the update in
 * TypeScript, as the scalar path does them. Used for networks of many weight × sample terms
 * (MATRIX_TERMS), where it runs many times as fast as the loops; the tutorial's networks keep
 * the scalar path. Where the native code is not built (no compiler) or cannot load, or a
 * choice has no code below, the scalar path trains: never other numbers. The products sum
 * in another order than the loops: the results agree with them and with numpy within 1e-9
 * (test/core/matrix.test.ts), not to the last bit.
 */
import fs from 'node:fs';
import {createRequire} from 'node:module';
import {isMainThread} from 'node:worker_threads';
import {addPenalty} from './penalty.js';
import {Network} from './network.js';
import type {SampleData} from '../data/samples.js';

/**
 * From how many weights, and weight × sample terms an iteration, the matrix path trains:
 * below a few thousand terms its call and set-up cost as much as the loops save, and the
 * tutorial's networks (the spiral's 2-8-8-1 has 105 weights) keep their path, its speed and
 * its numbers to the last bit.
 */
export const MATRIX_WEIGHTS = 1024;
export const MATRIX_TERMS = 8192;

export function matrixWorthIt(weightCount: number, samples: number): boolean {
	return weightCount >= MATRIX_WEIGHTS && weightCount * samples >= MATRIX_TERMS;
}

/**
 * How many times as fast as the scalar loops the matrix path trains a network well above
 * MATRIX_TERMS, a little under what was measured: 64-32-10 over 1,500 samples, 50x by the
 * wall clock on both cores and 34x per CPU-second (npm run bench, part 1; the dashboard's
 * worker trains on one core). The rewind spaces its points by an iteration's cost, and the
 * start-up line estimates an iteration's time by it.
 */
export const MATRIX_SPEEDUP = 32;

export type Native = {
	iterate: (config: Int32Array, ...arrays: Float64Array[]) => number;
	adam: (...arguments_: [...Float64Array[], number, number, number]) => boolean;
};

// the codes of matrix.cc; a choice not listed here trains on the scalar path
const ACTIVATION_CODES: Readonly<Record<string, number>> = {sigmoid: 0, tanh: 1, relu: 2, linear: 3, softmax: 4};
const LOSS_CODES: Readonly<Record<string, number>> = {squared: 0, 'cross-entropy': 1};
const MAX_LAYERS = 15;

// where the build puts it, from the source (tests), the bundle and its chunks
const PLACES = ['matrix.node', '../matrix.node', '../../matrix.node', '../../../dist/matrix.node'];

let loaded: Native | string | undefined;
// the networks that train on the matrix path
const onPath = new WeakSet<Network>();

/** Whether this network trains on the matrix path. */
export function onMatrixPath(network: Network): boolean {
	return onPath.has(network);
}

/** Runs `work` as if the matrix path were not built: what the scalar path gives, for the tests and the bench. */
export function withoutMatrix<T>(work: () => T): T {
	const before = nativeMatrix();
	loaded = 'left out for a comparison';
	try {
		return work();
	} finally {
		loaded = before;
	}
}

/** The native code, or why there is none. `DESCENT_MATRIX=off` leaves it out. */
export function nativeMatrix(): Native | string {
	if (loaded === undefined) {
		loaded = load();
	}

	return loaded;
}

function load(): Native | string {
	if (process.env['DESCENT_MATRIX'] === 'off') {
		return 'DESCENT_MATRIX=off';
	}

	const file = PLACES.map(place => new URL(place, import.meta.url)).find(url => url.protocol === 'file:' && fs.existsSync(url));
	if (!file) {
		return 'matrix.node is not built (build.mjs builds it where a C++ compiler is found)';
	}

	try {
		const native = createRequire(import.meta.url)(file.pathname) as Native;
		return typeof native.iterate === 'function' && typeof native.adam === 'function' ? native : 'matrix.node is of another version: npm run build';
	} catch (error) {
		return `matrix.node does not load: ${error instanceof Error ? error.message : String(error)}`;
	}
}

/** The config matrix.cc reads, or undefined when the network has a choice it has no code for. */
function configOf(network: Network, errorOnly: boolean): Int32Array | undefined {
	const {layers, depth, bias} = network.shape;
	const hidden = ACTIVATION_CODES[network.hidden.name];
	const output = ACTIVATION_CODES[network.output.name];
	const loss = LOSS_CODES[network.loss.name];
	// softmax only as an output with cross-entropy, as the registries allow it
	const softmaxFits = !network.hidden.outputOnly && (!network.output.outputOnly || network.loss.name === 'cross-entropy');
	if (hidden === undefined || output === undefined || loss === undefined || depth > MAX_LAYERS || !softmaxFits) {
		return undefined;
	}

	// the dashboard trains in a worker thread: there the screen keeps the other core (both halves on this thread, the same numbers)
	return Int32Array.from([depth, bias ? 1 : 0, hidden, output, loss, 0, errorOnly ? 1 : 0, isMainThread ? 1 : 0, ...layers]);
}

/** The matrix path's iteration for this network, or undefined when it has none for its choices. */
export function matrixIterate(network: Network): ((learningRate: number) => boolean) | undefined {
	const native = nativeMatrix();
	const config = configOf(network, false);
	if (typeof native === 'string' || !config) {
		return undefined;
	}

	const arrays = [network.weights, network.gradients, network.targets, ...network.activations, ...network.sops, ...network.deltas];
	onPath.add(network);
	const update = updateOf(network, native);
	return learningRate => {
		config[5] = network.batchSize;
		network.error = native.iterate(config, ...arrays);
		network.hasIteration = true;
		addPenalty(network.gradients, network.weights, network.shape.isBias, network);
		return update(learningRate);
	};
}

/**
 * The update: Network.update, or for Adam the same operations in matrix.cc (the same
 * numbers to the last bit, test/core/matrix.test.ts), many times as fast over many weights.
 */
export function updateOf(network: Network, native: Native): (learningRate: number) => boolean {
	const {optimizer, optimizerState: state} = network;
	if (optimizer.name !== 'adam') {
		return learningRate => network.update(learningRate);
	}

	const arrays = [network.weights, network.previousWeights, network.gradients, network.changes, state.buffers['m']!, state.buffers['v']!];
	return learningRate => {
		optimizer.begin(state);
		const finite = native.adam(...arrays, learningRate, state.correction1, state.correction2);
		return finite && Number.isFinite(network.error);
	};
}

/** The matrix path's forward pass over a fixed set of samples: the mean data loss, each sample's outputs left in `outputs`. */
export type BatchedForward = {readonly error: (weights: Float64Array) => number; readonly outputs: Float64Array};

/**
 * The forward pass of these weights over a fixed set of samples (the training or the test
 * samples) by the matrix path: their inputs and targets copied once into buffers of its
 * own, so that the last iteration's buffers stay as they are. Undefined when the path has
 * no code for the network's choices.
 */
export function matrixForward(network: Network, data: SampleData, samples: ArrayLike<number>): BatchedForward | undefined {
	const native = nativeMatrix();
	const config = configOf(network, true);
	if (typeof native === 'string' || !config || samples.length === 0) {
		return undefined;
	}

	const count = samples.length;
	const batch = new Network(network.spec, {optimizer: 'sgd', l1: 0, l2: 0}, count);
	batch.load(data, samples, count);
	config[5] = count;
	const rest = [batch.targets, ...batch.activations, ...batch.sops, ...batch.sops];
	return {error: weights => native.iterate(config, weights, weights, ...rest), outputs: batch.activations[batch.depth]!};
}
