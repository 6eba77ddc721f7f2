import {classOf} from '../../core/maths/evaluate.js';
import {FEATURES} from '../../core/data/features.js';
import {hasClassTargets} from '../../core/data/samples.js';
import type {Plane} from '../../core/data/plane.js';
import type {Trainer} from '../../core/training/trainer.js';

/**
 * What the screen asks the map for: its size in pixels, whose map (0: the output; l: hidden layer l's neurons), and
 * the side of each neuron's map in pixels (default THUMBNAIL), so that a layer's maps fit the panel.
 */
export type MapRequest = {readonly columns: number; readonly rows: number; readonly layer: number; readonly thumbnail?: number};

/** A sample on the map: its coordinates, its class (or target value), and whether it is held out. */
export type MapPoint = {readonly x1: number; readonly x2: number; readonly value: number; readonly test: boolean};

/** One function over the plane: `values[row * columns + column]`, the top row at x2's largest. */
export type Grid = {readonly columns: number; readonly rows: number; readonly values: readonly number[]};

export type MapData = {
	readonly x1: readonly [number, number];
	/** Undefined for one coordinate: the map is then a fit plot, the network's curve over x1. */
	readonly x2: readonly [number, number] | undefined;
	/** The network's output (the winning class with softmax) over the plane, or its curve over x1. */
	readonly output: Grid;
	/** The output's possible range, for colours: [0, 1] for sigmoid, the data's range for linear. */
	readonly range: readonly [number, number];
	/** Softmax: the output grid holds classes. */
	readonly classes: boolean;
	/** The samples' targets are classes (0/1 or one-hot): their marks differ by class. */
	readonly pointClasses: boolean;
	/** With layer > 0: each neuron of that layer over the plane, small. */
	readonly neurons: {readonly layer: number; readonly grids: readonly Grid[]; readonly range: readonly [number, number]} | undefined;
	readonly points: readonly MapPoint[];
	/** Milliseconds the session took to compute it: the map's cost per frame. */
	readonly costMs: number;
};

/** Thumbnails of a layer's neurons: this many pixels a side unless the request says (between 4 and 48). */
export const THUMBNAIL = 12;

/**
 * The network over its input plane, for the map: every pixel is one forward pass at that
 * point (features computed from it, as the samples' were), with the weights the screen
 * shows. Cheap: a 60×40-pixel map of a 2-8-8-1 network is 2,400 small forward passes.
 */
export function mapOf(trainer: Trainer, plane: Plane, request: MapRequest, weights: Float64Array): MapData {
	const start = performance.now();
	const {network, evaluator} = trainer;
	const depth = network.depth;
	const inputs = new Float64Array(network.shape.layers[0]!);
	const twoD = plane.x2 !== undefined;
	const columns = Math.max(2, request.columns);
	const rows = twoD ? Math.max(2, request.rows) : 1;
	const at = (range: readonly [number, number], k: number, count: number) => range[0] + ((range[1] - range[0]) * (k + 0.5)) / count;
	const forward = (x1: number, x2: number) => {
		if (plane.features) {
			for (const [i, name] of plane.features.entries()) {
				inputs[i] = FEATURES[name].compute(x1, x2);
			}
		} else {
			inputs[0] = x1;
			if (twoD) {
				inputs[1] = x2;
			}
		}

		return evaluator.forward(weights, inputs);
	};

	const grid = (width: number, height: number, read: (layers: readonly Float64Array[]) => number): Grid => {
		const values: number[] = [];
		for (let row = 0; row < height; row++) {
			const x2 = plane.x2 ? at([plane.x2[1], plane.x2[0]], row, height) : 0;
			for (let column = 0; column < width; column++) {
				values.push(read(forward(at(plane.x1, column, width), x2)));
			}
		}

		return {columns: width, rows: height, values};
	};

	const classes = network.output.outputOnly;
	const output = grid(columns, rows, layers => (classes ? classOf(layers[depth]!) : layers[depth]![0]!));
	const layer = Math.min(request.layer, depth - 1);
	const side = Math.min(48, Math.max(4, Math.round(request.thumbnail ?? THUMBNAIL)));
	const neurons =
		layer > 0 && twoD
			? {
					layer,
					grids: Array.from({length: network.shape.layers[layer]!}, (_, j) => grid(side, side, layers => layers[layer]![j]!)),
					range: network.hidden.range,
				}
			: undefined;
	return {
		x1: plane.x1,
		x2: plane.x2,
		output,
		range: classes ? [0, network.shape.layers[depth]! - 1] : outputRange(trainer, output),
		classes,
		pointClasses: hasClassTargets(trainer.setup.samples),
		neurons,
		points: pointsOf(trainer, plane),
		costMs: performance.now() - start,
	};
}

/** The output activation's range, or, where it is unbounded, the range of the targets and the map's values. */
function outputRange(trainer: Trainer, output: Grid): readonly [number, number] {
	const [low, high] = trainer.network.output.range;
	if (Number.isFinite(low) && Number.isFinite(high)) {
		return [low, high];
	}

	const {targets} = trainer.data;
	const values = [...output.values, ...targets].filter(value => Number.isFinite(value));
	return [Math.min(...values), Math.max(...values)];
}

function pointsOf(trainer: Trainer, plane: Plane): MapPoint[] {
	const {data, split} = trainer;
	const test = new Set(split.test);
	return plane.coordinates.map((coordinates, s) => {
		const target = data.targets.subarray(s * data.outputCount, (s + 1) * data.outputCount);
		return {x1: coordinates[0]!, x2: coordinates[1] ?? target[0]!, value: data.outputCount > 1 ? classOf(target) : target[0]!, test: test.has(s)};
	});
}
