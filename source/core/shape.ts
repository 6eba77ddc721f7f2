import type {ActivationName} from './maths/activations.js';
import type {LossName} from './maths/losses.js';

/** What a network is: its layers, activations, bias and loss. */
export type NetworkSpec = {
	/** Neurons per layer, inputs first: `[3, 2, 1]` is the tutorial's network. */
	readonly layers: readonly number[];
	/** The hidden layers' activation (and the output's unless `outputActivation` differs). */
	readonly activation: ActivationName;
	readonly outputActivation: ActivationName;
	readonly bias: boolean;
	readonly loss: LossName;
};

/** `weights[l][j][i]`: from neuron i of layer l to neuron j of layer l+1; with bias, the row ends in it. */
export type NestedWeights = number[][][];

/**
 * Where each weight lives in the flat arrays (weights, gradients, changes, optimizer
 * buffers): layer by layer, row by row (a row per receiving neuron), bias last in its row.
 */
export type Shape = {
	readonly layers: readonly number[];
	readonly bias: boolean;
	/** Weight layers: layers.length − 1. */
	readonly depth: number;
	/** Row length of weight layer l: its inputs, plus one for the bias. */
	readonly stride: readonly number[];
	/** First flat index of weight layer l. */
	readonly offset: readonly number[];
	readonly weightCount: number;
	/** 1 where the flat weight is a bias (penalties skip them). */
	readonly isBias: Uint8Array;
};

export function shapeOf(layers: readonly number[], bias: boolean): Shape {
	const depth = layers.length - 1;
	const stride: number[] = [];
	const offset: number[] = [];
	let weightCount = 0;
	for (let l = 0; l < depth; l++) {
		stride.push(layers[l]! + (bias ? 1 : 0));
		offset.push(weightCount);
		weightCount += layers[l + 1]! * stride[l]!;
	}

	const isBias = new Uint8Array(weightCount);
	if (bias) {
		for (let l = 0; l < depth; l++) {
			for (let j = 0; j < layers[l + 1]!; j++) {
				isBias[offset[l]! + j * stride[l]! + layers[l]!] = 1;
			}
		}
	}

	return {layers: [...layers], bias, depth, stride, offset, weightCount, isBias};
}

/** Weights of a network with these layers: the number the user is told before a large one starts. */
export function weightCount(layers: readonly number[], bias: boolean): number {
	let count = 0;
	for (let l = 0; l + 1 < layers.length; l++) {
		count += layers[l + 1]! * (layers[l]! + (bias ? 1 : 0));
	}

	return count;
}

export function nest(shape: Shape, flat: ArrayLike<number>): NestedWeights {
	const {layers, stride, offset} = shape;
	return stride.map((rowLength, l) =>
		Array.from({length: layers[l + 1]!}, (_, j) => Array.from({length: rowLength}, (_, i) => flat[offset[l]! + j * rowLength + i]!)),
	);
}

export function flatten(shape: Shape, nested: NestedWeights, into: Float64Array): void {
	for (let l = 0; l < shape.depth; l++) {
		for (let j = 0; j < shape.layers[l + 1]!; j++) {
			into.set(nested[l]![j]!, shape.offset[l]! + j * shape.stride[l]!);
		}
	}
}

/** The problem, in one line, when nested weights do not have this shape; undefined when they do. */
export function nestedShapeProblem(shape: Shape, nested: unknown): string | undefined {
	const {layers, stride} = shape;
	const where = `layers ${layers.join(',')}${shape.bias ? ' with bias' : ''}`;
	if (!Array.isArray(nested) || nested.length !== shape.depth) {
		return `expected ${shape.depth} weight layers for ${where}`;
	}

	for (const [l, layer] of (nested as unknown[]).entries()) {
		if (!Array.isArray(layer) || layer.length !== layers[l + 1]) {
			return `weight layer ${l + 1} needs ${layers[l + 1]} rows (one per neuron of layer ${l + 2}) for ${where}`;
		}

		for (const [j, row] of (layer as unknown[]).entries()) {
			if (!Array.isArray(row) || row.length !== stride[l]) {
				return `weight layer ${l + 1}, row ${j + 1} needs ${stride[l]} numbers (${layers[l]} inputs${shape.bias ? ' then the bias' : ''}) for ${where}`;
			}

			if (!row.every(value => typeof value === 'number' && Number.isFinite(value))) {
				return `weight layer ${l + 1}, row ${j + 1} holds something that is not a finite number`;
			}
		}
	}

	return undefined;
}
