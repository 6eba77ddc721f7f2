import {neuronName} from '../core/names.js';
import {formatNumber} from './format.js';

/** A run of text in a diagram line; `highlight` marks the selected connection. */
export type Segment = {readonly text: string; readonly highlight?: boolean};
export type DiagramLine = readonly Segment[];

export type DiagramInput = {
	readonly layers: readonly number[];
	/** Activation of every neuron for one sample, per layer (layer 0: the inputs); undefined where not computed yet. */
	readonly activations: ReadonlyArray<ArrayLike<number> | undefined>;
	/** The selected weight: from neuron `from` of layer `layer` to neuron `to` of the next; `from` is the layer's size for a bias. */
	readonly selected?: {readonly layer: number; readonly from: number; readonly to: number};
};

/** Layers wider than this are summarised instead of drawn. */
export const MAX_DRAWN_NEURONS = 12;
const GAP = 7;

export function isDrawable(layers: readonly number[]): boolean {
	return layers.every(n => n <= MAX_DRAWN_NEURONS);
}

/** Width the drawn diagram needs, for the layout. */
export function diagramWidth(layers: readonly number[]): number {
	return layers.length * 12 + (layers.length - 1) * GAP;
}

/**
 * The network as the tutorial draws it: a column per layer, each neuron with its current
 * activation, neurons centred vertically, and the selected weight's connection drawn
 * between its two neurons.
 */
export function drawDiagram({layers, activations, selected}: DiagramInput): DiagramLine[] {
	const height = Math.max(...layers) * 2 - 1;
	const labels = layers.map((n, l) =>
		Array.from({length: n}, (_, j) => `${neuronName(layers, l, j)} ${formatNumber(activations[l]?.[j], 3)}`),
	);
	const columnWidth = layers.map((_, l) => Math.max(...labels[l]!.map(label => label.length)));
	// neuron j of a layer of n sits on line top + 2j, the layer centred in the height
	const lineOf = (l: number, j: number) => Math.floor((height - (layers[l]! * 2 - 1)) / 2) + 2 * j;
	const lines: Segment[][] = [];
	for (let y = 0; y < height; y++) {
		const line: Segment[] = [];
		for (let l = 0; l < layers.length; l++) {
			const j = (y - lineOf(l, 0)) / 2;
			const isNeuron = Number.isInteger(j) && j >= 0 && j < layers[l]!;
			const label = isNeuron ? labels[l]![j]! : '';
			const endpoint =
				selected !== undefined &&
				isNeuron &&
				((l === selected.layer && j === selected.from) || (l === selected.layer + 1 && j === selected.to));
			line.push({text: label.padEnd(columnWidth[l]!), highlight: endpoint});
			if (l < layers.length - 1) {
				line.push(connection(y, l));
			}
		}

		lines.push(line);
	}

	return lines;

	function connection(y: number, l: number): Segment {
		if (selected?.layer !== l) {
			return {text: ' '.repeat(GAP)};
		}

		// a bias has no neuron of its own: its connection starts at the receiving neuron's line
		const from = selected.from < layers[l]! ? lineOf(l, selected.from) : lineOf(l + 1, selected.to);
		const to = lineOf(l + 1, selected.to);
		const middle = Math.floor(GAP / 2);
		const left = ' ─'.padEnd(middle, '─');
		const right = '─'.repeat(GAP - middle - 3) + '▶ ';
		if (from === to) {
			return y === from ? {text: `${left}─${right}`, highlight: true} : {text: ' '.repeat(GAP)};
		}

		const top = Math.min(from, to);
		const bottom = Math.max(from, to);
		if (y < top || y > bottom) {
			return {text: ' '.repeat(GAP)};
		}

		const pad = ' '.repeat(middle);
		const padRight = ' '.repeat(GAP - middle - 1);
		const down = from < to;
		if (y === from) {
			return {text: `${left}${down ? '┐' : '┘'}${padRight}`, highlight: true};
		}

		if (y === to) {
			return {text: `${pad}${down ? '└' : '┌'}${right}`, highlight: true};
		}

		return {text: `${pad}│${padRight}`, highlight: true};
	}
}

/** For networks too wide to draw: one line per layer. */
export function summariseLayers(layers: readonly number[], activations: ReadonlyArray<ArrayLike<number> | undefined>): string[] {
	return layers.map((n, l) => {
		const layer = activations[l];
		if (!layer) {
			return `${l === 0 ? 'inputs' : l === layers.length - 1 ? 'outputs' : `hidden layer ${l}`}: ${n} neurons`;
		}

		const values = Array.from(layer).slice(0, n);
		const kind = l === 0 ? 'inputs' : l === layers.length - 1 ? 'outputs' : `hidden layer ${l}`;
		const min = Math.min(...values);
		const max = Math.max(...values);
		const mean = values.reduce((sum, v) => sum + v, 0) / n;
		return `${kind}: ${n} neurons, activation min ${formatNumber(min, 3)} mean ${formatNumber(mean, 3)} max ${formatNumber(max, 3)}`;
	});
}
