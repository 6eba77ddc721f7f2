import {NumpyRandom} from './random.js';
import {MAX_UNROLLED_TERMS, unrolledTerms, unrollIterate, type UnrolledIterate} from './unrolled.js';

export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export type Sample = {
	readonly x: readonly number[];
	readonly t: readonly number[];
};

export type NetworkSpec = {
	/** Neurons per layer, inputs first: `[3, 2, 1]` is the tutorial's network. */
	readonly layers: readonly number[];
	readonly activation: Activation;
	readonly bias: boolean;
	readonly samples: readonly Sample[];
};

/** `weights[l][j][i]`: from neuron i of layer l to neuron j of layer l+1; with bias, the row ends in it. */
export type NestedWeights = number[][][];

const SIGMOID = 0;
const TANH = 1;
const RELU = 2;
const LINEAR = 3;
const activationCode: Record<Activation, number> = {sigmoid: SIGMOID, tanh: TANH, relu: RELU, linear: LINEAR};

function activate(code: number, sop: number): number {
	switch (code) {
		case SIGMOID: {
			return 1 / (1 + Math.exp(-sop));
		}

		case TANH: {
			return Math.tanh(sop);
		}

		case RELU: {
			return sop > 0 ? sop : 0;
		}

		default: {
			return sop;
		}
	}
}

/** dActivation/dSOP, from the SOP and the activation it gave. relu's derivative at 0 is 0. */
export function activationDerivative(activation: Activation, sop: number, value: number): number {
	return derivative(activationCode[activation], sop, value);
}

function derivative(code: number, sop: number, value: number): number {
	switch (code) {
		case SIGMOID: {
			return value * (1 - value);
		}

		case TANH: {
			return 1 - value * value;
		}

		case RELU: {
			return sop > 0 ? 1 : 0;
		}

		default: {
			return 1;
		}
	}
}

/**
 * A fully connected network and everything of its last iteration: SOPs, activations,
 * backpropagated terms, gradients and weight changes. Buffers are allocated once;
 * an iteration allocates nothing.
 */
export class Network {
	readonly layers: readonly number[];
	readonly activation: Activation;
	readonly bias: boolean;
	readonly sampleCount: number;
	/** Row length of each weight layer: inputs of the row, plus one for the bias. */
	readonly stride: readonly number[];
	/** One row-major matrix per weight layer: `weights[l][j * stride[l] + i]`. */
	readonly weights: Float64Array[];
	/** The weights the last iteration's forward pass used, before its update; same layout. */
	readonly previousWeights: Float64Array[];
	/** dLoss/dw of the last iteration, same layout as `weights`. */
	readonly gradients: Float64Array[];
	/** The last iteration's change of each weight (`-learningRate * gradient`). */
	readonly changes: Float64Array[];
	/** Per layer, per sample: `activations[l][s * layers[l] + j]`; layer 0 holds the inputs. */
	readonly activations: Float64Array[];
	/** Same layout as `activations`; layer 0 is unused. */
	readonly sops: Float64Array[];
	/** dError_s/dSOP of each neuron for each sample (the error of one sample, not the mean). */
	readonly deltas: Float64Array[];
	/** `targets[s * outputs + k]`. */
	readonly targets: Float64Array;
	/** Loss of the last iteration's forward pass, before its update. */
	loss = Number.NaN;
	/** Whether the buffers hold an iteration: false after new weights, until the next one. */
	hasIteration = false;

	private readonly code: number;
	// scratch for evaluating a loss without disturbing the last iteration's buffers
	private readonly scratch: Float64Array[];

	/** Network.iterate written out for this shape (small networks only); see unrolled.ts. */
	private readonly unrolled: UnrolledIterate | undefined;

	/** `unroll`: write iterate out for this shape when it is small (default), never, or always. */
	constructor(spec: NetworkSpec, {unroll = 'auto'}: {unroll?: 'auto' | 'never' | 'always'} = {}) {
		const {layers, activation, bias, samples} = spec;
		this.layers = [...layers];
		this.activation = activation;
		this.bias = bias;
		this.code = activationCode[activation];
		this.sampleCount = samples.length;
		const depth = layers.length - 1;
		const stride: number[] = [];
		this.weights = [];
		this.previousWeights = [];
		this.gradients = [];
		this.changes = [];
		for (let l = 0; l < depth; l++) {
			const rowLength = layers[l]! + (bias ? 1 : 0);
			stride.push(rowLength);
			const size = layers[l + 1]! * rowLength;
			this.weights.push(new Float64Array(size));
			this.previousWeights.push(new Float64Array(size));
			this.gradients.push(new Float64Array(size));
			this.changes.push(new Float64Array(size));
		}

		this.stride = stride;
		const perLayer = () => layers.map(n => new Float64Array(n * samples.length));
		this.activations = perLayer();
		this.sops = perLayer();
		this.deltas = perLayer();
		this.scratch = perLayer();
		const outputs = layers[depth]!;
		this.targets = new Float64Array(outputs * samples.length);
		for (const [s, sample] of samples.entries()) {
			this.activations[0]!.set(sample.x, s * layers[0]!);
			this.scratch[0]!.set(sample.x, s * layers[0]!);
			this.targets.set(sample.t, s * outputs);
		}

		const small = unrolledTerms(layers, bias, samples.length) <= MAX_UNROLLED_TERMS;
		this.unrolled = unroll === 'always' || (unroll === 'auto' && small) ? unrollIterate(this) : undefined;
	}

	get depth(): number {
		return this.layers.length - 1;
	}

	get weightCount(): number {
		return this.weights.reduce((sum, layer) => sum + layer.length, 0);
	}

	/** numpy.random.seed(seed), then one rand(rowLength) per row, layer by layer. */
	initialise(seed: number): void {
		const random = new NumpyRandom(seed);
		for (const layer of this.weights) {
			for (let k = 0; k < layer.length; k++) {
				layer[k] = random.rand();
			}
		}

		this.clearIteration();
	}

	setWeights(nested: NestedWeights): void {
		for (const [l, layer] of this.weights.entries()) {
			const stride = this.stride[l]!;
			for (let j = 0; j < this.layers[l + 1]!; j++) {
				layer.set(nested[l]![j]!, j * stride);
			}
		}

		this.clearIteration();
	}

	getWeights(): NestedWeights {
		return this.weights.map((layer, l) => {
			const stride = this.stride[l]!;
			return Array.from({length: this.layers[l + 1]!}, (_, j) => [...layer.subarray(j * stride, (j + 1) * stride)]);
		});
	}

	/** Output layer activations of the last iteration's forward pass, per sample. */
	getOutputs(): number[][] {
		const outputs = this.layers[this.depth]!;
		const last = this.activations[this.depth]!;
		return Array.from({length: this.sampleCount}, (_, s) => [...last.subarray(s * outputs, (s + 1) * outputs)]);
	}

	/**
	 * One full-batch gradient-descent iteration: forward pass, loss, backpropagation,
	 * then `w -= learningRate * gradient` with every gradient taken before the update.
	 * Returns false when the loss or a weight is no longer a finite number.
	 */
	iterate(learningRate: number): boolean {
		if (this.unrolled) {
			return this.unrolled(learningRate);
		}

		const loss = this.forward(this.activations, this.sops);
		this.loss = loss;
		this.hasIteration = true;
		this.backward();
		let finite = Number.isFinite(loss);
		for (let l = 0; l < this.weights.length; l++) {
			const weights = this.weights[l]!;
			const previous = this.previousWeights[l]!;
			const gradients = this.gradients[l]!;
			const changes = this.changes[l]!;
			for (let k = 0; k < weights.length; k++) {
				const change = -learningRate * gradients[k]!;
				changes[k] = change;
				const before = weights[k]!;
				previous[k] = before;
				const weight = before + change;
				weights[k] = weight;
				if (weight - weight !== 0) {
					finite = false; // NaN or ±Infinity
				}
			}
		}

		return finite;
	}

	/** Loss of the current weights, leaving the last iteration's buffers untouched. */
	evaluate(): number {
		return this.forward(this.scratch, this.scratch);
	}

	/** A network of the same shape, samples and current weights, with no last iteration. */
	clone(): Network {
		const inputs = this.layers[0]!;
		const outputs = this.layers[this.depth]!;
		const samples = Array.from({length: this.sampleCount}, (_, s) => ({
			x: [...this.activations[0]!.subarray(s * inputs, (s + 1) * inputs)],
			t: [...this.targets.subarray(s * outputs, (s + 1) * outputs)],
		}));
		const copy = new Network({layers: this.layers, activation: this.activation, bias: this.bias, samples});
		for (const [l, layer] of this.weights.entries()) {
			copy.weights[l]!.set(layer);
		}

		copy.clearIteration();
		return copy;
	}

	/** Resets the last-iteration buffers (after new weights are set). */
	clearIteration(): void {
		this.loss = Number.NaN;
		this.hasIteration = false;
		for (const buffers of [this.gradients, this.changes, this.deltas, this.sops]) {
			for (const buffer of buffers) {
				buffer.fill(0);
			}
		}

		for (let l = 1; l < this.activations.length; l++) {
			this.activations[l]!.fill(0);
		}

		for (const [l, previous] of this.previousWeights.entries()) {
			previous.set(this.weights[l]!);
		}
	}

	/**
	 * Forward pass of every sample; returns the mean over samples of the sum over outputs
	 * of (predicted - target)^2. `sops` may be the same buffers as `activations` when the
	 * SOPs are not needed afterwards.
	 */
	private forward(activations: Float64Array[], sops: Float64Array[]): number {
		const {layers, weights, stride, code, bias, sampleCount, targets} = this;
		const depth = layers.length - 1;
		let total = 0;
		for (let s = 0; s < sampleCount; s++) {
			for (let l = 0; l < depth; l++) {
				const nIn = layers[l]!;
				const nOut = layers[l + 1]!;
				const w = weights[l]!;
				const rowLength = stride[l]!;
				const input = activations[l]!;
				const inputOffset = s * nIn;
				const output = activations[l + 1]!;
				const sop = sops[l + 1]!;
				const outputOffset = s * nOut;
				for (let j = 0; j < nOut; j++) {
					const row = j * rowLength;
					let sum = 0;
					for (let i = 0; i < nIn; i++) {
						sum += w[row + i]! * input[inputOffset + i]!;
					}

					if (bias) {
						sum += w[row + nIn]!;
					}

					sop[outputOffset + j] = sum;
					output[outputOffset + j] = activate(code, sum);
				}
			}

			const nOut = layers[depth]!;
			const predicted = activations[depth]!;
			let sampleError = 0;
			for (let k = 0; k < nOut; k++) {
				const difference = predicted[s * nOut + k]! - targets[s * nOut + k]!;
				sampleError += difference * difference;
			}

			total += sampleError;
		}

		return total / sampleCount;
	}

	/** Backpropagation: deltas from the output layer down, then gradients as means over samples. */
	private backward(): void {
		const {layers, weights, stride, code, bias, sampleCount, targets, activations, sops, deltas, gradients} = this;
		const depth = layers.length - 1;
		for (let s = 0; s < sampleCount; s++) {
			const nOut = layers[depth]!;
			const predicted = activations[depth]!;
			const sop = sops[depth]!;
			const delta = deltas[depth]!;
			for (let k = 0; k < nOut; k++) {
				const index = s * nOut + k;
				// dError/dPredicted * dPredicted/dSOP
				delta[index] = 2 * (predicted[index]! - targets[index]!) * derivative(code, sop[index]!, predicted[index]!);
			}

			for (let l = depth - 1; l >= 1; l--) {
				const n = layers[l]!;
				const nNext = layers[l + 1]!;
				const w = weights[l]!;
				const rowLength = stride[l]!;
				const next = deltas[l + 1]!;
				const current = deltas[l]!;
				const activation = activations[l]!;
				const sopHere = sops[l]!;
				for (let j = 0; j < n; j++) {
					let sum = 0;
					for (let k = 0; k < nNext; k++) {
						sum += w[k * rowLength + j]! * next[s * nNext + k]!;
					}

					const index = s * n + j;
					current[index] = sum * derivative(code, sopHere[index]!, activation[index]!);
				}
			}
		}

		for (let l = 0; l < depth; l++) {
			const nIn = layers[l]!;
			const nOut = layers[l + 1]!;
			const gradient = gradients[l]!;
			const rowLength = stride[l]!;
			const input = activations[l]!;
			const delta = deltas[l + 1]!;
			for (let j = 0; j < nOut; j++) {
				const row = j * rowLength;
				for (let i = 0; i < nIn; i++) {
					let sum = 0;
					for (let s = 0; s < sampleCount; s++) {
						sum += delta[s * nOut + j]! * input[s * nIn + i]!;
					}

					gradient[row + i] = sum / sampleCount;
				}

				if (bias) {
					let sum = 0;
					for (let s = 0; s < sampleCount; s++) {
						sum += delta[s * nOut + j]!;
					}

					gradient[row + nIn] = sum / sampleCount;
				}
			}
		}
	}
}
