import {weightCount} from './shape.js';

/**
 * Names a reader of the tutorial recognises. Its 3-2-1 network calls the weights into
 * hidden neuron j `W1j, W2j, W3j` and those into the output `W41, W42`; its SOPs are
 * numbered SOP1, SOP2 (hidden), SOP3 (output) and the hidden activations Activ1, Activ2.
 * Other shapes get names from the layout `weights[l][j][i]`, 1-based.
 */
export type WeightRef = {
	/** Position in the flat list of all weights, layer by layer, row by row. */
	readonly index: number;
	/** Weight layer: from layer `layer` to layer `layer + 1`. */
	readonly layer: number;
	/** Receiving neuron j in layer `layer + 1`. */
	readonly row: number;
	/** Sending neuron i in layer `layer`, or the layer's size for the bias. */
	readonly col: number;
	readonly isBias: boolean;
	readonly name: string;
	/** Sending neuron's name, or `1` for a bias. */
	readonly from: string;
	readonly to: string;
};

/** The tutorial's shape: one hidden layer and one output, or no hidden layer (its earlier parts). */
export function isTutorialShape(layers: readonly number[]): boolean {
	return (layers.length === 3 || layers.length === 2) && layers.at(-1) === 1;
}

export function neuronName(layers: readonly number[], layer: number, j: number): string {
	const depth = layers.length - 1;
	if (layer === 0) {
		return `x${j + 1}`;
	}

	if (layer === depth) {
		return layers[depth] === 1 ? 'out' : `out${j + 1}`;
	}

	return depth === 2 ? `h${j + 1}` : `h${layer}.${j + 1}`;
}

/** `SOP3` in the tutorial's numbering (non-input neurons counted in order), else `SOP(h1.2)`. */
export function sopName(layers: readonly number[], layer: number, j: number): string {
	if (isTutorialShape(layers)) {
		let number = j + 1;
		for (let l = 1; l < layer; l++) {
			number += layers[l]!;
		}

		return `SOP${number}`;
	}

	return `SOP(${neuronName(layers, layer, j)})`;
}

/** `Activ1` for a hidden neuron of the tutorial's network, `Predicted` for its output. */
export function activationName(layers: readonly number[], layer: number, j: number): string {
	const depth = layers.length - 1;
	if (layer === depth) {
		return layers[depth] === 1 ? 'Predicted' : `Predicted(${neuronName(layers, layer, j)})`;
	}

	return isTutorialShape(layers) ? `Activ${j + 1}` : `Activ(${neuronName(layers, layer, j)})`;
}

function weightName(layers: readonly number[], layer: number, j: number, i: number, isBias: boolean): string {
	if (isBias) {
		return isTutorialShape(layers) ? `b(${neuronName(layers, layer + 1, j)})` : `b${layer + 1}[${j + 1}]`;
	}

	if (layers.length === 2 && layers[1] === 1) {
		return `W${i + 1}`;
	}

	if (isTutorialShape(layers)) {
		// W{input}{hidden} into the hidden layer, W{inputs+1}{hidden} into the output;
		// a comma once an index can have two digits (tutorial-10 has W10,1 and W11,2)
		const first = layer === 0 ? i + 1 : layers[0]! + 1;
		const hidden = layer === 0 ? j + 1 : i + 1;
		const separator = layers[0]! > 8 || layers[1]! > 9 ? ',' : '';
		return `W${first}${separator}${hidden}`;
	}

	return `w${layer + 1}[${j + 1},${i + 1}]`;
}

/** The weight at flat position `index` (layer by layer, row by row, bias last in its row). */
export function weightRefAt(layers: readonly number[], bias: boolean, index: number): WeightRef {
	let first = 0;
	for (let l = 0; l + 1 < layers.length; l++) {
		const nIn = layers[l]!;
		const rowLength = nIn + (bias ? 1 : 0);
		const size = rowLength * layers[l + 1]!;
		if (index < first + size) {
			const row = Math.floor((index - first) / rowLength);
			const col = (index - first) % rowLength;
			const isBias = col === nIn;
			return {
				index,
				layer: l,
				row,
				col,
				isBias,
				name: weightName(layers, l, row, col, isBias),
				from: isBias ? '1' : neuronName(layers, l, col),
				to: neuronName(layers, l + 1, row),
			};
		}

		first += size;
	}

	throw new RangeError(`no weight ${index} in layers ${layers.join(',')}`);
}

export function weightRefs(layers: readonly number[], bias: boolean): WeightRef[] {
	return Array.from({length: weightCount(layers, bias)}, (_, index) => weightRefAt(layers, bias, index));
}

/** `3 → 2 → 1` */
export function describeLayers(layers: readonly number[]): string {
	return layers.join(' → ');
}
