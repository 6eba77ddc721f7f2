import {ACTIVATIONS, softmax, type Activation} from './activations.js';
import {LOSSES, type Loss} from './losses.js';
import {addPenalty} from './penalty.js';
import {createOptimizerState, OPTIMIZERS, type Optimizer, type OptimizerName, type OptimizerParameters, type OptimizerState} from './optimizers.js';
import type {SampleData} from '../data/samples.js';
import {shapeOf, type NetworkSpec, type Shape} from '../shape.js';

/** How the weights are trained: the optimizer (its own parameter among these values, else its default) and the penalties on the weights. */
export type UpdateRule = Partial<OptimizerParameters> & {
	readonly optimizer: OptimizerName;
	readonly l1: number;
	readonly l2: number;
};

/**
 * A fully connected network and everything of its last iteration over a batch of samples:
 * SOPs, activations, dError/dSOP, gradients and weight changes. Buffers are allocated once;
 * an iteration allocates nothing.
 *
 * An iteration is a sequence of phases, in the order the tutorial explains them:
 * `forwardLayer(1 … depth)`, `measureError()`, `backwardOutput()`,
 * `backwardLayer(depth − 1 … 1)`, `computeGradients()`, `update(learningRate)`.
 */
export class Network {
	readonly spec: NetworkSpec;
	readonly shape: Shape;
	readonly hidden: Activation;
	readonly output: Activation;
	readonly loss: Loss;
	readonly optimizer: Optimizer;
	readonly optimizerState: OptimizerState;
	readonly l1: number;
	readonly l2: number;
	/** Flat, in the order of `shape` (layer by layer, row by row, bias last in its row). */
	readonly weights: Float64Array;
	/** The weights the last iteration's forward pass used, before its update. */
	readonly previousWeights: Float64Array;
	/** dLoss/dw of the last iteration, the penalty included. */
	readonly gradients: Float64Array;
	/** The last iteration's change of each weight. */
	readonly changes: Float64Array;
	/** Samples a batch can hold. */
	readonly capacity: number;
	/** Per layer, per sample of the batch: `activations[l][s * layers[l] + j]`; layer 0 holds the inputs. */
	readonly activations: Float64Array[];
	/** Same layout; layer 0 is unused. */
	readonly sops: Float64Array[];
	/** dError_s/dSOP of each neuron for each sample of the batch (one sample's error, not the mean). */
	readonly deltas: Float64Array[];
	/** `targets[s * outputs + k]` of the batch. */
	readonly targets: Float64Array;
	/** Samples in the current batch. */
	batchSize = 0;
	/** The last iteration's error: the mean data loss of its batch, before its update (no penalty). */
	error = Number.NaN;
	/** Whether the buffers hold an iteration: false after new weights, until the next one. */
	hasIteration = false;

	readonly activateHidden: (sop: number) => number;
	readonly activateOutput: (sop: number) => number;
	readonly derivativeHidden: (sop: number, activation: number) => number;
	readonly outputError: (predicted: number, target: number) => number;
	readonly outputDelta: (predicted: number, target: number, sop: number) => number;

	constructor(spec: NetworkSpec, rule: UpdateRule, capacity: number) {
		this.spec = spec;
		this.shape = shapeOf(spec.layers, spec.bias);
		this.hidden = ACTIVATIONS.entries[spec.activation];
		this.output = ACTIVATIONS.entries[spec.outputActivation];
		this.loss = LOSSES.entries[spec.loss];
		this.optimizer = OPTIMIZERS.entries[rule.optimizer];
		this.l1 = rule.l1;
		this.l2 = rule.l2;
		const count = this.shape.weightCount;
		this.weights = new Float64Array(count);
		this.previousWeights = new Float64Array(count);
		this.gradients = new Float64Array(count);
		this.changes = new Float64Array(count);
		this.optimizerState = createOptimizerState(rule.optimizer, count, rule);
		this.capacity = capacity;
		const perLayer = () => spec.layers.map(n => new Float64Array(n * capacity));
		this.activations = perLayer();
		this.sops = perLayer();
		this.deltas = perLayer();
		this.targets = new Float64Array(spec.layers.at(-1)! * capacity);
		this.activateHidden = this.hidden.activate;
		this.activateOutput = this.output.activate;
		this.derivativeHidden = this.hidden.derivative;
		this.outputError = this.loss.error(this.output);
		this.outputDelta = this.loss.outputDelta(this.output);
	}

	get depth(): number {
		return this.shape.depth;
	}

	/** Makes `samples[0 … count)` (indices into `data`) the batch: their inputs and targets. */
	load(data: SampleData, samples: ArrayLike<number>, count: number): void {
		const {inputCount, outputCount} = data;
		const inputs = this.activations[0]!;
		for (let b = 0; b < count; b++) {
			const s = samples[b]!;
			inputs.set(data.inputs.subarray(s * inputCount, (s + 1) * inputCount), b * inputCount);
			this.targets.set(data.targets.subarray(s * outputCount, (s + 1) * outputCount), b * outputCount);
		}

		this.batchSize = count;
	}

	/** Layer l of the batch (1 … depth): each neuron's SOP, then its activation. */
	forwardLayer(l: number): void {
		const {layers, stride, offset, bias} = this.shape;
		const nIn = layers[l - 1]!;
		const nOut = layers[l]!;
		const rowLength = stride[l - 1]!;
		const first = offset[l - 1]!;
		const {weights} = this;
		const input = this.activations[l - 1]!;
		const output = this.activations[l]!;
		const sop = this.sops[l]!;
		const isOutput = l === this.depth;
		const activate = isOutput ? this.activateOutput : this.activateHidden;
		const layerwise = isOutput && this.output.outputOnly;
		for (let s = 0; s < this.batchSize; s++) {
			for (let j = 0; j < nOut; j++) {
				const row = first + j * rowLength;
				let sum = 0;
				for (let i = 0; i < nIn; i++) {
					sum += weights[row + i]! * input[s * nIn + i]!;
				}

				if (bias) {
					sum += weights[row + nIn]!;
				}

				sop[s * nOut + j] = sum;
				output[s * nOut + j] = activate(sum);
			}

			if (layerwise) {
				softmax(sop, output, s * nOut, nOut);
			}
		}
	}

	/** The batch's mean data loss (no penalty): sets `error` and returns it. */
	measureError(): number {
		const nOut = this.shape.layers[this.depth]!;
		const predicted = this.activations[this.depth]!;
		const {targets, outputError} = this;
		let total = 0;
		for (let s = 0; s < this.batchSize; s++) {
			let sampleError = 0;
			for (let k = 0; k < nOut; k++) {
				sampleError += outputError(predicted[s * nOut + k]!, targets[s * nOut + k]!);
			}

			total += sampleError;
		}

		this.error = total / this.batchSize;
		this.hasIteration = true;
		return this.error;
	}

	/** dError/dSOP of every output neuron: where backpropagation starts. */
	backwardOutput(): void {
		const depth = this.depth;
		const count = this.batchSize * this.shape.layers[depth]!;
		const predicted = this.activations[depth]!;
		const sop = this.sops[depth]!;
		const delta = this.deltas[depth]!;
		const {targets, outputDelta} = this;
		for (let x = 0; x < count; x++) {
			delta[x] = outputDelta(predicted[x]!, targets[x]!, sop[x]!);
		}
	}

	/** dError/dSOP of hidden layer l: (Σ w · dError/dSOP of the next layer) · activation′(SOP). */
	backwardLayer(l: number): void {
		const {layers, stride, offset} = this.shape;
		const n = layers[l]!;
		const nNext = layers[l + 1]!;
		const rowLength = stride[l]!;
		const first = offset[l]!;
		const {weights, derivativeHidden} = this;
		const next = this.deltas[l + 1]!;
		const delta = this.deltas[l]!;
		const activation = this.activations[l]!;
		const sop = this.sops[l]!;
		for (let s = 0; s < this.batchSize; s++) {
			for (let j = 0; j < n; j++) {
				let sum = 0;
				for (let k = 0; k < nNext; k++) {
					sum += weights[first + k * rowLength + j]! * next[s * nNext + k]!;
				}

				const x = s * n + j;
				delta[x] = sum * derivativeHidden(sop[x]!, activation[x]!);
			}
		}
	}

	/** Each weight's gradient: the mean over the batch of dError/dSOP · input, then the penalty's term. */
	computeGradients(): void {
		const {layers, stride, offset, bias, depth} = this.shape;
		const {gradients, batchSize} = this;
		for (let l = 0; l < depth; l++) {
			const nIn = layers[l]!;
			const nOut = layers[l + 1]!;
			const input = this.activations[l]!;
			const delta = this.deltas[l + 1]!;
			for (let j = 0; j < nOut; j++) {
				const row = offset[l]! + j * stride[l]!;
				for (let i = 0; i < nIn; i++) {
					let sum = 0;
					for (let s = 0; s < batchSize; s++) {
						sum += delta[s * nOut + j]! * input[s * nIn + i]!;
					}

					gradients[row + i] = sum / batchSize;
				}

				if (bias) {
					let sum = 0;
					for (let s = 0; s < batchSize; s++) {
						sum += delta[s * nOut + j]!;
					}

					gradients[row + nIn] = sum / batchSize;
				}
			}
		}

		addPenalty(gradients, this.weights, this.shape.isBias, this);
	}

	/** The optimizer's change to every weight, every gradient taken before it. False when a weight is no longer finite. */
	update(learningRate: number): boolean {
		const {weights, previousWeights, gradients, changes, optimizer, optimizerState} = this;
		optimizer.begin(optimizerState);
		let finite = Number.isFinite(this.error);
		for (let k = 0; k < weights.length; k++) {
			const change = optimizer.change(optimizerState, k, gradients[k]!, learningRate);
			changes[k] = change;
			const before = weights[k]!;
			previousWeights[k] = before;
			const weight = before + change;
			weights[k] = weight;
			if (weight - weight !== 0) {
				finite = false; // NaN or ±Infinity
			}
		}

		return finite;
	}

	/** Resets the last-iteration buffers (after new weights are set). */
	clearIteration(): void {
		this.error = Number.NaN;
		this.hasIteration = false;
		this.gradients.fill(0);
		this.changes.fill(0);
		for (let l = 1; l <= this.depth; l++) {
			this.activations[l]!.fill(0);
			this.sops[l]!.fill(0);
			this.deltas[l]!.fill(0);
		}

		this.previousWeights.set(this.weights);
	}
}
