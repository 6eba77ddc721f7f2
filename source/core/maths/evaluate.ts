import {softmax} from './activations.js';
import type {Network} from './network.js';
import type {SampleData} from '../data/samples.js';
import {matrixForward, matrixWorthIt, type BatchedForward} from './matrix.js';

// sets of samples whose matrix-path buffers are kept
const KEPT_SETS = 4;

/**
 * Forward passes outside the training loop, one sample at a time in buffers of its own,
 * so that the last iteration's buffers stay as they are: the test error, the accuracy,
 * predictions over the input plane for the map, the loss of the gradient check. For a
 * large network a whole set of samples at once, by the matrix path; a set is known by its
 * array (a run's training or test samples, which never change), so that its inputs are
 * copied for the matrix path once.
 */
export class Evaluator {
	private readonly network: Network;
	private readonly activations: Float64Array[];
	private readonly sops: Float64Array[];
	// the matrix path's forward pass over each set of samples asked (the training and the test samples), made once for it
	private readonly batched = new Map<ArrayLike<number>, {readonly data: SampleData; readonly forward: BatchedForward | undefined}>();

	constructor(network: Network) {
		this.network = network;
		this.activations = network.shape.layers.map(n => new Float64Array(n));
		this.sops = network.shape.layers.map(n => new Float64Array(n));
	}

	/**
	 * The activations of every layer for one input (from `inputs` at `offset`) with these
	 * weights; returns the layers' buffers, valid until the next call.
	 */
	forward(weights: Float64Array, inputs: ArrayLike<number>, offset = 0): readonly Float64Array[] {
		const {layers, stride, offset: first, bias, depth} = this.network.shape;
		const {activations, sops, network} = this;
		const input0 = activations[0]!;
		for (let i = 0; i < layers[0]!; i++) {
			input0[i] = inputs[offset + i]!;
		}

		for (let l = 1; l <= depth; l++) {
			const nIn = layers[l - 1]!;
			const input = activations[l - 1]!;
			const output = activations[l]!;
			const sop = sops[l]!;
			const activate = l === depth ? network.activateOutput : network.activateHidden;
			for (let j = 0; j < layers[l]!; j++) {
				const row = first[l - 1]! + j * stride[l - 1]!;
				let sum = 0;
				for (let i = 0; i < nIn; i++) {
					sum += weights[row + i]! * input[i]!;
				}

				if (bias) {
					sum += weights[row + nIn]!;
				}

				sop[j] = sum;
				output[j] = activate(sum);
			}

			if (l === depth && network.output.outputOnly) {
				softmax(sop, output, 0, layers[l]!);
			}
		}

		return activations;
	}

	/**
	 * Over these samples, in one forward pass each: the mean data loss (no penalty; NaN for
	 * none) and the share whose class is right (one output above or below 0.5, or the
	 * largest of several); with `predicted`, each sample's class is written at its index.
	 * By the matrix path (matrix.ts) for a network of many weight × sample terms, where it is built.
	 */
	measure(weights: Float64Array, data: SampleData, samples: ArrayLike<number>, predicted?: Int32Array): {error: number; accuracy: number} {
		const batched = this.batchedFor(data, samples);
		let total = 0;
		let right = 0;
		const outputCount = this.network.shape.layers[this.network.depth]!;
		const error = batched?.error(weights);
		for (let k = 0; k < samples.length; k++) {
			if (!batched) {
				total += this.sampleError(weights, data, samples[k]!);
			}

			const outputs = batched ? batched.outputs.subarray(k * outputCount, (k + 1) * outputCount) : this.activations[this.network.depth]!;
			const outputClass = classOf(outputs);
			right += outputClass === classOf(this.targetsOf(data, samples[k]!)) ? 1 : 0;
			if (predicted) {
				predicted[samples[k]!] = outputClass;
			}
		}

		return {error: error ?? total / samples.length, accuracy: right / samples.length};
	}

	/** The mean data loss over these samples (NaN for none), as `measure`. */
	meanError(weights: Float64Array, data: SampleData, samples: ArrayLike<number>): number {
		const batched = this.batchedFor(data, samples);
		return batched ? batched.error(weights) : this.measure(weights, data, samples).error;
	}

	private batchedFor(data: SampleData, samples: ArrayLike<number>): BatchedForward | undefined {
		if (!matrixWorthIt(this.network.shape.weightCount, samples.length)) {
			return undefined;
		}

		let entry = this.batched.get(samples);
		if (entry?.data !== data) {
			// a run asks for two sets (its training and test samples); a few more at most are kept
			if (this.batched.size >= KEPT_SETS) {
				this.batched.delete(this.batched.keys().next().value!);
			}

			entry = {data, forward: matrixForward(this.network, data, samples)};
			this.batched.set(samples, entry);
		}

		return entry.forward;
	}

	/**
	 * The mean data loss over these samples; undefined when `stop()`, asked before each
	 * sample, says to stop (a cancelled gradient check does not wait for a whole batch).
	 */
	errorOver(weights: Float64Array, data: SampleData, samples: ArrayLike<number>, stop: () => boolean = never): number | undefined {
		let total = 0;
		for (let k = 0; k < samples.length; k++) {
			if (stop()) {
				return undefined;
			}

			total += this.sampleError(weights, data, samples[k]!);
		}

		return total / samples.length;
	}

	/** One sample's data loss, its forward pass left in the buffers. */
	private sampleError(weights: Float64Array, data: SampleData, sample: number): number {
		const predicted = this.forward(weights, data.inputs, sample * data.inputCount)[this.network.depth]!;
		const targets = this.targetsOf(data, sample);
		let error = 0;
		for (let o = 0; o < data.outputCount; o++) {
			error += this.network.outputError(predicted[o]!, targets[o]!);
		}

		return error;
	}

	private targetsOf(data: SampleData, sample: number): Float64Array {
		return data.targets.subarray(sample * data.outputCount, (sample + 1) * data.outputCount);
	}
}

const never = () => false;

/** The class an output layer says: 0 or 1 for one output (threshold 0.5), else the index of the largest. */
export function classOf(outputs: ArrayLike<number>): number {
	if (outputs.length === 1) {
		return outputs[0]! >= 0.5 ? 1 : 0;
	}

	let best = 0;
	for (let k = 1; k < outputs.length; k++) {
		if (outputs[k]! > outputs[best]!) {
			best = k;
		}
	}

	return best;
}
