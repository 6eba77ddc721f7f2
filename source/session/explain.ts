import {chainOf} from '../core/maths/chain.js';
import {activationName, neuronName, sopName, weightRefs, type WeightRef} from '../core/names.js';
import type {Network} from '../core/maths/network.js';
import {parameterOf} from '../core/maths/optimizers.js';
import type {Setup} from '../core/setup.js';
import {Trainer} from '../core/training/trainer.js';
import {explainText} from './explain-text.js';
import {formatCount} from './format.js';
import {InputError} from './input-error.js';
import type {Explained, NeuronWork, SampleWork, WeightWork} from './explain-types.js';
import type {RunOptions} from './options.js';

export type * from './explain-types.js';

/** `--explain N`: iteration N worked out as a textbook would (text), or its values as JSON. */
export function explain(run: RunOptions, iteration: number, form: 'text' | 'json'): string {
	const {worked, network} = workOut(run, iteration);
	return form === 'json' ? `${jsonOf(worked)}\n` : explainText(worked, network);
}

/** Iteration N's values, and the network they were computed on (its text needs it): for --explain and the exercises. */
export function workOut(run: RunOptions, iteration: number): {readonly worked: Explained; readonly network: Network} {
	const trainer = trainerBefore(run, iteration);
	const before = walkIteration(trainer);
	return {worked: explained(trainer, before), network: trainer.network};
}

/** Indented, a list of numbers on one line; a number that is not finite is null, as JSON has it. */
function jsonOf(worked: Explained): string {
	const number = String.raw`(?:-?[\d.]+(?:e[+-]?\d+)?|null)`;
	const list = new RegExp(String.raw`\[\n\s*(${number}(?:,\n\s*${number})*)\n\s*\]`, 'g');
	return JSON.stringify(worked, undefined, 2).replaceAll(list, (_, items: string) => `[${items.split(/,\n\s*/).join(', ')}]`);
}

/** A trainer at the end of iteration N − 1; an InputError when the run never gets to N. */
function trainerBefore(run: RunOptions, n: number): Trainer {
	const trainer = new Trainer(run.setup, run.resume);
	const where = `--explain ${n}`;
	if (n > run.setup.limit) {
		throw new InputError(`${where}: the run stops at iteration ${formatCount(run.setup.limit)} (--iterations sets where)`);
	}

	if (n <= trainer.iteration) {
		throw new InputError(`${where}: the checkpoint is at iteration ${formatCount(trainer.iteration)} already; explain a later one`);
	}

	trainer.step(n - 1 - trainer.iteration);
	if (trainer.divergedAt !== undefined) {
		throw new InputError(`${where}: the run diverged at iteration ${formatCount(trainer.divergedAt)}, before iteration ${formatCount(n)}`);
	}

	if (trainer.reachedAt !== undefined) {
		throw new InputError(`${where}: the run is done at iteration ${formatCount(trainer.reachedAt)}, its error at most --until-error ${run.setup.untilError}`);
	}

	return trainer;
}

/** Iteration N phase by phase; returns the optimizer's buffers as they were before its update. */
function walkIteration(trainer: Trainer): Record<string, Float64Array> {
	const {network} = trainer;
	while (trainer.walk.phases[trainer.walk.count]?.kind !== 'update') {
		if (!trainer.stepPhase()) {
			throw new Error('the trainer stopped inside an iteration');
		}
	}

	const before = Object.fromEntries(network.optimizer.buffers.map(name => [name, network.optimizerState.buffers[name]!.slice()]));
	trainer.stepPhase();
	// the update is shown; this completes the iteration
	trainer.stepPhase();
	return before;
}

function explained(trainer: Trainer, before: Record<string, Float64Array>): Explained {
	const {network, setup} = trainer;
	const batch = Array.from({length: network.batchSize}, (_, b) => trainer.batchSampleAt(b) + 1);
	const {learningRate} = trainer;
	const views = batch.map((_, b) => sampleView(network, b));
	return {
		iteration: trainer.iteration,
		layers: [...setup.layers],
		activation: setup.activation,
		outputActivation: setup.outputActivation,
		bias: setup.bias,
		loss: setup.loss,
		optimizer: setup.optimizer,
		...parameterEntry(setup),
		...(network.optimizer.counted && {step: network.optimizerState.step}),
		l1: setup.l1,
		l2: setup.l2,
		learningRate,
		seed: setup.seed,
		trainingSamples: trainer.split.train.length,
		batch,
		samples: batch.map((sample, b) => sampleWork(network, b, sample)),
		error: network.error,
		weights: Object.fromEntries(weightRefs(setup.layers, setup.bias).map(ref => [ref.name, weightWork(network, views, ref, before, learningRate)])),
	};
}

/** The optimizer's own parameter as the JSON holds it (`"momentum": 0.9`), when it has one. */
function parameterEntry(setup: Setup): Partial<Record<string, number>> | undefined {
	const parameter = parameterOf(setup.optimizer, setup);
	return parameter && {[parameter.declared.name]: parameter.value};
}

function sampleWork(network: Network, b: number, sample: number): SampleWork {
	const {layers, depth} = network.shape;
	const values = (l: number, from: Float64Array) =>
		Object.fromEntries(Array.from({length: layers[l]!}, (_, j) => [neuronName(layers, l, j), from[b * layers[l]! + j]!]));
	const neurons: Record<string, NeuronWork> = {};
	for (let l = 1; l <= depth; l++) {
		for (let j = 0; j < layers[l]!; j++) {
			neurons[neuronName(layers, l, j)] = neuronWork(network, b, l, j);
		}
	}

	let error = 0;
	for (let k = 0; k < layers[depth]!; k++) {
		error += neurons[neuronName(layers, depth, k)]!.error!;
	}

	return {
		sample,
		inputs: values(0, network.activations[0]!),
		targets: values(depth, network.targets),
		neurons,
		predicted: values(depth, network.activations[depth]!),
		error,
	};
}

function neuronWork(network: Network, b: number, l: number, j: number): NeuronWork {
	const {layers, depth} = network.shape;
	const x = b * layers[l]! + j;
	const sop = network.sops[l]![x]!;
	const activation = network.activations[l]![x]!;
	const names = {layer: l, sopName: sopName(layers, l, j), sop, activationName: activationName(layers, l, j), activation};
	const delta = network.deltas[l]![x]!;
	if (l < depth) {
		return {...names, dErrorDActivation: backpropagatedSum(network, b, l, j), dActivationDSop: network.derivativeHidden(sop, activation), delta};
	}

	const target = network.targets[x]!;
	const {errorDerivative} = network.loss;
	const error = network.outputError(activation, target);
	if (!errorDerivative) {
		return {...names, error, delta};
	}

	return {...names, error, dErrorDActivation: errorDerivative(activation, target), dActivationDSop: network.output.derivative(sop, activation), delta};
}

/** Σ over the next layer of w · δ, in the order backpropagation adds them. */
function backpropagatedSum(network: Network, b: number, l: number, j: number): number {
	const {layers, stride, offset} = network.shape;
	const nNext = layers[l + 1]!;
	let sum = 0;
	for (let k = 0; k < nNext; k++) {
		sum += network.previousWeights[offset[l]! + k * stride[l]! + j]! * network.deltas[l + 1]![b * nNext + k]!;
	}

	return sum;
}

/**
 * The network as if its batch were sample `s` alone: its buffers narrowed to that sample,
 * all else shared. `chainOf` on it costs one sample, not the batch.
 */
function sampleView(network: Network, s: number): Network {
	const {layers} = network.shape;
	const narrow = (buffers: readonly Float64Array[]) => buffers.map((buffer, l) => buffer.subarray(s * layers[l]!, (s + 1) * layers[l]!));
	const nOut = layers.at(-1)!;
	return Object.create(network, {
		batchSize: {value: 1},
		activations: {value: narrow(network.activations)},
		sops: {value: narrow(network.sops)},
		deltas: {value: narrow(network.deltas)},
		targets: {value: network.targets.subarray(s * nOut, (s + 1) * nOut)},
	}) as Network;
}

function weightWork(network: Network, views: readonly Network[], ref: WeightRef, before: Record<string, Float64Array>, learningRate: number): WeightWork {
	const k = ref.index;
	const chains = views.map(view => chainOf(view, ref, 0, learningRate, network.previousWeights));
	const first = chains[0]!;
	const chain = first.factors.map(({symbol, derivative, formula}, n) => ({symbol, derivative, formula, values: chains.map(c => c.factors[n]!.value)}));
	const buffers = network.optimizer.buffers;
	return {
		from: ref.from,
		to: ref.to,
		bias: ref.isBias,
		weight: network.previousWeights[k]!,
		chain,
		products: chains.map(c => c.products[0]!),
		...(first.penalty && {dataGradient: dataGradientOf(network, ref), penalty: first.penalty.term}),
		gradient: network.gradients[k]!,
		...(buffers.length > 0 && {before: Object.fromEntries(buffers.map(name => [name, before[name]![k]!]))}),
		steps: first.steps.map(({formula, value}) => ({formula, value})),
		change: network.changes[k]!,
		newWeight: network.weights[k]!,
	};
}

/** The mean over the batch of δ · input, added in the trainer's order. */
function dataGradientOf(network: Network, ref: WeightRef): number {
	const {layers} = network.shape;
	const nIn = layers[ref.layer]!;
	const nOut = layers[ref.layer + 1]!;
	let sum = 0;
	for (let s = 0; s < network.batchSize; s++) {
		const delta = network.deltas[ref.layer + 1]![s * nOut + ref.row]!;
		sum += ref.isBias ? delta : delta * network.activations[ref.layer]![s * nIn + ref.col]!;
	}

	return sum / network.batchSize;
}
