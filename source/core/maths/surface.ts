import {softmax} from './activations.js';
import type {Network} from './network.js';
import {penaltyOf} from './penalty.js';
import type {SampleData} from '../data/samples.js';

/** The two weights of an error surface, by flat index: `a` along x, `b` along y. */
export type SurfaceAxes = {readonly a: number; readonly b: number};

/** Error over a grid of two weights: `errors[r * xs.length + c]` with a = xs[c], b = ys[r]. */
export type SurfaceGrid = {readonly xs: Float64Array; readonly ys: Float64Array; readonly errors: Float64Array};

/** Values a side of a headless surface (`--grid`), by default and at most. */
export const DEFAULT_GRID = 21;
export const MAX_GRID = 201;

/** The least half-width of an axis: ±1 around the current value. */
const LEAST_HALF_WIDTH = 1;
/** Or ±50 % of the value, when that is wider. */
const SHARE_OF_VALUE = 0.5;

/**
 * An axis of the surface: `count` values evenly spaced from `centre − h` to `centre + h`,
 * the half-width h the largest of 1, half the centre's size and the farthest value of
 * the path from the centre (so the path drawn fits).
 */
export function surfaceAxis(centre: number, path: ArrayLike<number>, count: number): Float64Array {
	let half = Math.max(LEAST_HALF_WIDTH, SHARE_OF_VALUE * Math.abs(centre));
	for (let k = 0; k < path.length; k++) {
		const distance = Math.abs(path[k]! - centre);
		if (Number.isFinite(distance) && distance > half) {
			half = distance;
		}
	}

	return Float64Array.from({length: count}, (_, k) => (count === 1 ? centre : centre - half + (2 * half * k) / (count - 1)));
}

/** The weight layer (0 … depth − 1) of a flat weight index. */
export function weightLayerOf(network: Network, index: number): number {
	const {offset, depth} = network.shape;
	let layer = 0;
	while (layer + 1 < depth && offset[layer + 1]! <= index) {
		layer++;
	}

	return layer;
}

/**
 * The error the status line's final figure is of, over a plane of two weights: the mean
 * data loss over `samples`, plus the penalty (L2·Σw² + L1·Σ|w|, biases left out) when the
 * network has one, with weight a at each of `xs` and b at each of `ys`, every other weight
 * as in `weights`.
 */
export function errorSurface(
	network: Network,
	data: SampleData,
	samples: ArrayLike<number>,
	weights: Float64Array,
	axes: SurfaceAxes,
	xs: ArrayLike<number>,
	ys: ArrayLike<number>,
): SurfaceGrid {
	const plane = new PlaneOfTwo(network, data, samples, weights, axes);
	const errors = new Float64Array(xs.length * ys.length);
	for (let r = 0; r < ys.length; r++) {
		for (let c = 0; c < xs.length; c++) {
			errors[r * xs.length + c] = plane.errorAt(xs[c]!, ys[r]!);
		}
	}

	return {xs: Float64Array.from(xs), ys: Float64Array.from(ys), errors};
}

/** The error as a function of weights a and b (see errorSurface): `errorAt(a, b)`. */
export function planeOfTwo(
	network: Network,
	data: SampleData,
	samples: ArrayLike<number>,
	weights: Float64Array,
	axes: SurfaceAxes,
): {errorAt: (x: number, y: number) => number} {
	return new PlaneOfTwo(network, data, samples, weights, axes);
}

/**
 * The error as a function of two weights. Each sample's layers before the first layer the
 * two weights feed are computed once, and in that layer only the neurons they feed are
 * computed again; from there on every point is an ordinary forward pass.
 */
class PlaneOfTwo {
	private readonly network: Network;
	private readonly data: SampleData;
	private readonly samples: ArrayLike<number>;
	private readonly axes: SurfaceAxes;
	private readonly w: Float64Array;
	private readonly first: number;
	/** Rows of weight layer `first` that a or b is in. */
	private readonly changed: readonly number[];
	private readonly cache: ReturnType<typeof cacheLayers>;
	private readonly acts: Float64Array[];
	private readonly sops: Float64Array[];
	/** The penalty of every weight but a and b. */
	private readonly penaltyRest: number;

	constructor(network: Network, data: SampleData, samples: ArrayLike<number>, weights: Float64Array, axes: SurfaceAxes) {
		const {layers, offset, stride, isBias} = network.shape;
		this.network = network;
		this.data = data;
		this.samples = samples;
		this.axes = axes;
		this.w = weights.slice();
		const first = Math.min(weightLayerOf(network, axes.a), weightLayerOf(network, axes.b));
		this.first = first;
		const inFirst = [axes.a, axes.b].filter(index => weightLayerOf(network, index) === first);
		this.changed = [...new Set(inFirst.map(index => Math.floor((index - offset[first]!) / stride[first]!)))];
		this.cache = cacheLayers(network, data, samples, this.w, first);
		this.acts = layers.map(n => new Float64Array(n));
		this.sops = layers.map(n => new Float64Array(n));
		let rest = 0;
		for (let k = 0; k < this.w.length; k++) {
			if (isBias[k] === 0 && k !== axes.a && k !== axes.b) {
				rest += penaltyOf(this.w[k]!, network);
			}
		}

		this.penaltyRest = rest;
	}

	errorAt(x: number, y: number): number {
		const {network, data, samples, w, acts, sops, first, cache, axes} = this;
		const {layers, depth, isBias} = network.shape;
		w[axes.a] = x;
		w[axes.b] = y;
		const nOut = layers[first + 1]!;
		const sop = sops[first + 1]!;
		const act = acts[first + 1]!;
		let total = 0;
		for (let k = 0; k < samples.length; k++) {
			for (let j = 0; j < nOut; j++) {
				sop[j] = cache.sops[k * nOut + j]!;
				act[j] = cache.activations[k * nOut + j]!;
			}

			this.refeed(k);
			forwardFrom(network, w, acts, sops, first + 2);
			total += sampleLoss(network, data, samples[k]!, acts[depth]!);
		}

		let penalty = this.penaltyRest;
		if (isBias[axes.a] === 0) {
			penalty += penaltyOf(x, network);
		}

		if (isBias[axes.b] === 0) {
			penalty += penaltyOf(y, network);
		}

		return total / samples.length + penalty;
	}

	/** The neurons of layer first + 1 that a or b feeds, from sample k's cached input. */
	private refeed(k: number): void {
		const {network, w, acts, sops, first, changed} = this;
		const {layers, offset, stride, bias, depth} = network.shape;
		const input = this.cache.inputs;
		const nIn = layers[first]!;
		const isOutput = first + 1 === depth;
		for (let c = 0; c < changed.length; c++) {
			const j = changed[c]!;
			const row = offset[first]! + j * stride[first]!;
			let sum = 0;
			for (let i = 0; i < nIn; i++) {
				sum += w[row + i]! * input[k * nIn + i]!;
			}

			if (bias) {
				sum += w[row + nIn]!;
			}

			sops[first + 1]![j] = sum;
			acts[first + 1]![j] = isOutput ? network.activateOutput(sum) : network.activateHidden(sum);
		}

		if (isOutput && network.output.outputOnly) {
			softmax(sops[depth]!, acts[depth]!, 0, layers[depth]!);
		}
	}
}

/** Each sample's input to weight layer `first` and the SOPs and activations of the layer it feeds, with these weights. */
function cacheLayers(network: Network, data: SampleData, samples: ArrayLike<number>, w: Float64Array, first: number) {
	const {layers} = network.shape;
	const acts = layers.map(n => new Float64Array(n));
	const sops = layers.map(n => new Float64Array(n));
	const nIn = layers[first]!;
	const nOut = layers[first + 1]!;
	const cache = {
		inputs: new Float64Array(samples.length * nIn),
		sops: new Float64Array(samples.length * nOut),
		activations: new Float64Array(samples.length * nOut),
	};
	for (let k = 0; k < samples.length; k++) {
		acts[0]!.set(data.inputs.subarray(samples[k]! * data.inputCount, (samples[k]! + 1) * data.inputCount));
		forwardFrom(network, w, acts, sops, 1, first + 1);
		cache.inputs.set(acts[first]!, k * nIn);
		cache.sops.set(sops[first + 1]!, k * nOut);
		cache.activations.set(acts[first + 1]!, k * nOut);
	}

	return cache;
}

/** Layers `from` … `to` of one sample's forward pass, in the order the evaluator sums (so the same numbers). */
function forwardFrom(network: Network, w: Float64Array, acts: Float64Array[], sops: Float64Array[], from: number, to = network.depth): void {
	const {layers, offset, stride, bias, depth} = network.shape;
	for (let l = from; l <= to; l++) {
		const nIn = layers[l - 1]!;
		const input = acts[l - 1]!;
		const output = acts[l]!;
		const sop = sops[l]!;
		const activate = l === depth ? network.activateOutput : network.activateHidden;
		for (let j = 0; j < layers[l]!; j++) {
			const row = offset[l - 1]! + j * stride[l - 1]!;
			let sum = 0;
			for (let i = 0; i < nIn; i++) {
				sum += w[row + i]! * input[i]!;
			}

			if (bias) {
				sum += w[row + nIn]!;
			}

			sop[j] = sum;
			output[j] = activate(sum);
		}

		if (l === depth && network.output.outputOnly) {
			softmax(sop, output, 0, layers[l]!);
		}
	}
}

function sampleLoss(network: Network, data: SampleData, sample: number, predicted: Float64Array): number {
	let error = 0;
	for (let o = 0; o < data.outputCount; o++) {
		error += network.outputError(predicted[o]!, data.targets[sample * data.outputCount + o]!);
	}

	return error;
}
