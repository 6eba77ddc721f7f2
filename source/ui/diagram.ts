import {neuronName} from '../core/names.js';
import type {Diagram} from '../session/views/diagram.js';
import {DIGITS, formatFit, formatNumber, formatShort, plural} from '../session/format.js';
import type {Segment} from './text.js';

const GAP = 7;
/** Columns for a neuron's value: an activation to its 6 digits with a sign (`-0.772127`), fewer digits only where it is tiny (formatFit). */
const VALUE = 9;
const HEIGHTS = '▁▂▃▄▅▆▇█';
// without colour a negative weight needs a shape of its own: widths instead of heights
const WIDTHS = '▏▎▍▌▋▊▉█';
export const POSITIVE = 'blue';
export const NEGATIVE = 'red';

/** The selected weight: from neuron `from` of layer `layer` (its size for a bias) to neuron `to` of the next. */
export type Selected = {readonly layer: number; readonly from: number; readonly to: number};

/**
 * One glyph per connection: its height the weight's size against the largest in the
 * network, its colour the sign (the Playground's blue and orange-red); without colour,
 * negative weights are drawn as widths.
 */
export function weightGlyph(weight: number, largest: number, colour: boolean): Segment {
	if (weight === 0 || !(largest > 0)) {
		return {text: '·', dim: true};
	}

	const level = Math.min(7, Math.max(0, Math.ceil((8 * Math.abs(weight)) / largest) - 1));
	if (weight > 0) {
		return colour ? {text: HEIGHTS[level]!, color: POSITIVE} : {text: HEIGHTS[level]!};
	}

	// the widest width would be the full block, the tallest height's glyph: the largest negative weights stop one short
	return colour ? {text: HEIGHTS[level]!, color: NEGATIVE} : {text: WIDTHS[Math.min(level, WIDTHS.length - 2)]!};
}

/** Width the drawn diagram needs, for the layout: each column's widest name, a value of up to VALUE characters, and its strip. */
export function diagramWidth(layers: readonly number[], bias: boolean): number {
	const column = (n: number, l: number) => {
		const name = Math.max(...Array.from({length: n}, (_, j) => neuronName(layers, l, j).length));
		return name + 1 + VALUE + (l === 0 ? 0 : layers[l - 1]! + (bias ? 1 : 0) + 1);
	};

	return layers.reduce((sum, n, l) => sum + column(n, l), 0) + (layers.length - 1) * GAP;
}

/** The lines of the drawing that hold a neuron: a short panel keeps these and drops the spacing between them. */
export function neuronLines(layers: readonly number[]): ReadonlySet<number> {
	const height = Math.max(...layers) * 2 - 1;
	return new Set(layers.flatMap(n => Array.from({length: n}, (_, j) => Math.floor((height - (n * 2 - 1)) / 2) + 2 * j)));
}

export function isDrawable(diagram: Diagram): boolean {
	return diagram.weights.length > 0;
}

type Cell = {readonly strip: readonly Segment[]; readonly label: string};

/** Each neuron's strip of incoming weights (the selected one inverse) and its label: name and activation (blank when not computed yet). */
function cellsOf({layers, bias, weights, activations}: Diagram, selected: Selected | undefined, colour: boolean): Cell[][] {
	const largest = weights.reduce((most, w) => Math.max(most, Math.abs(w)), 0);
	let offset = 0;
	return layers.map((n, l) => {
		const stride = l === 0 ? 0 : layers[l - 1]! + (bias ? 1 : 0);
		const first = offset;
		offset += n * stride;
		return Array.from({length: n}, (_, j) => {
			const strip = Array.from({length: stride}, (_, i) => {
				const glyph = weightGlyph(weights[first + j * stride + i]!, largest, colour);
				return selected?.layer === l - 1 && selected.to === j && selected.from === i ? {...glyph, inverse: true} : glyph;
			});
			const value = activations[l]?.[j];
			return {strip, label: `${neuronName(layers, l, j)} ${value === undefined ? '' : valueLabel(value, l === 0)}`};
		});
	});
}

/** An input as the samples panel writes it (`0.1`, `4.1`), an activation to its digits; whole in VALUE columns. */
function valueLabel(value: number, input: boolean): string {
	const short = formatShort(value);
	return input && short.length <= VALUE ? short : formatFit(value, VALUE, DIGITS.activation);
}

/**
 * The network as the tutorial draws it: a column per layer, each neuron with its
 * activation for one sample (blank where a phase walk has not computed it yet), and before
 * it a strip of its incoming weights, every connection a glyph; the selected weight's
 * connection drawn between its two neurons.
 */
export function drawDiagram(diagram: Diagram, selected: Selected | undefined, colour: boolean): Segment[][] {
	const {layers} = diagram;
	const height = Math.max(...layers) * 2 - 1;
	const lineOf = (l: number, j: number) => Math.floor((height - (layers[l]! * 2 - 1)) / 2) + 2 * j;
	const cells = cellsOf(diagram, selected, colour);
	const stripWidth = (column: readonly Cell[]) => (column[0]!.strip.length > 0 ? column[0]!.strip.length + 1 : 0);
	const width = cells.map(column => Math.max(...column.map(cell => cell.label.length)) + stripWidth(column));
	const isEndpoint = (l: number, j: number) =>
		selected !== undefined && ((l === selected.layer && j === selected.from) || (l === selected.layer + 1 && j === selected.to));
	return Array.from({length: height}, (_, y) =>
		layers.flatMap((n, l) => {
			const j = (y - lineOf(l, 0)) / 2;
			const cell = Number.isInteger(j) && j >= 0 && j < n ? cells[l]![j]! : undefined;
			const gap = l < layers.length - 1 ? [connection(y, l, selected, layers, lineOf)] : [];
			if (!cell) {
				return [{text: ' '.repeat(width[l]!)}, ...gap];
			}

			const endpoint = isEndpoint(l, j);
			const strip = cell.strip.length > 0 ? [...cell.strip, {text: ' '}] : [];
			return [...strip, {text: cell.label.padEnd(width[l]! - stripWidth(cells[l]!)), bold: endpoint, color: endpoint ? 'yellow' : undefined}, ...gap];
		}),
	);
}

/** The gap after layer l on line y: the selected connection's part there, or blank. */
function connection(y: number, l: number, selected: Selected | undefined, layers: readonly number[], lineOf: (l: number, j: number) => number): Segment {
	const blank = {text: ' '.repeat(GAP)};
	if (selected?.layer !== l) {
		return blank;
	}

	// a bias has no neuron of its own: its connection starts at the receiving neuron's line
	const from = selected.from < layers[l]! ? lineOf(l, selected.from) : lineOf(l + 1, selected.to);
	const to = lineOf(l + 1, selected.to);
	const middle = Math.floor(GAP / 2);
	const left = ' ─'.padEnd(middle, '─');
	const right = '─'.repeat(GAP - middle - 3) + '▶ ';
	if (from === to) {
		return y === from ? {text: `${left}─${right}`, color: 'yellow', bold: true} : blank;
	}

	if (y < Math.min(from, to) || y > Math.max(from, to)) {
		return blank;
	}

	const down = from < to;
	const padRight = ' '.repeat(GAP - middle - 1);
	const text =
		y === from ? `${left}${down ? '┐' : '┘'}${padRight}` : y === to ? `${' '.repeat(middle)}${down ? '└' : '┌'}${right}` : `${' '.repeat(middle)}│${padRight}`;
	return {text, color: 'yellow', bold: true};
}

const activation = (x: number) => formatNumber(x, DIGITS.activation);

/** For networks too wide to draw: one line per layer. */
export function summariseLayers({layers, summary}: Pick<Diagram, 'layers' | 'summary'>): string[] {
	return layers.map((n, l) => {
		const kind = l === 0 ? 'inputs' : l === layers.length - 1 ? 'outputs' : `hidden layer ${l}`;
		const values = summary[l];
		// the inputs' least and largest are inputs, written as the samples panel writes them; their mean is computed
		const extreme = l === 0 ? formatShort : activation;
		return values
			? `${kind}: ${plural(n, 'neuron')}, activation min ${extreme(values.min)} mean ${activation(values.mean)} max ${extreme(values.max)}`
			: `${kind}: ${plural(n, 'neuron')}`;
	});
}
