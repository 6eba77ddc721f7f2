import {weightRefAt} from '../../core/names.js';
import {errorSurface, planeOfTwo, surfaceAxis} from '../../core/maths/surface.js';
import type {Trainer} from '../../core/training/trainer.js';

/** What the screen asks the error surface for: its size in pixels, and its two weights by flat index (a across, b up). */
export type SurfaceRequest = {readonly columns: number; readonly rows: number; readonly a: number; readonly b: number};

/** A path on the surface: the two weights' values at the recorded iterations, the current point last. */
export type SurfacePath = {readonly a: readonly number[]; readonly b: readonly number[]};

export type SurfaceData = {
	readonly names: readonly [string, string];
	readonly a: number;
	readonly b: number;
	/** The extent of each axis: a across, b up. */
	readonly x: readonly [number, number];
	readonly y: readonly [number, number];
	readonly columns: number;
	readonly rows: number;
	/** `errors[row * columns + column]`, the top row at b's largest value. */
	readonly errors: readonly number[];
	/** The smallest and largest finite error of the grid. */
	readonly range: readonly [number, number];
	readonly path: SurfacePath;
	/** The two weights now, and the error there. */
	readonly current: readonly [number, number];
	readonly error: number;
	/** The negative gradient of the error in the plane: (−dE/da, −dE/db). */
	readonly descent: readonly [number, number];
	/** The penalty in the error, in a few words (`L2 0.01`), when there is one. */
	readonly penalty: string | undefined;
	/** Milliseconds the session took to compute it. */
	readonly costMs: number;
};

/** The penalty the surface's error includes, in a few words; undefined without one. */
export function penaltyWords({l1, l2}: {readonly l1: number; readonly l2: number}): string | undefined {
	const parts = [l1 > 0 ? `L1 ${l1}` : '', l2 > 0 ? `L2 ${l2}` : ''].filter(Boolean);
	return parts.length > 0 ? parts.join(' + ') : undefined;
}

/**
 * The error of the current network over the plane of two weights, every other weight as
 * it is now: centred on the current point, wide enough for the path (see surfaceAxis).
 */
export function surfaceOf(trainer: Trainer, request: SurfaceRequest, weights = trainer.network.weights): SurfaceData {
	const start = performance.now();
	const {network, data, split, path} = trainer;
	const {layers, bias} = network.shape;
	const {a, b} = request;
	const columns = Math.max(2, request.columns);
	const rows = Math.max(2, request.rows);
	const walked = path.pair(a, b, {iteration: trainer.iteration, weights});
	const xs = surfaceAxis(weights[a]!, walked.a, columns);
	const ys = surfaceAxis(weights[b]!, walked.b, rows).reverse();
	const grid = errorSurface(network, data, split.train, weights, {a, b}, xs, ys);
	const plane = planeOfTwo(network, data, split.train, weights, {a, b});
	const current = [weights[a]!, weights[b]!] as const;
	const finite = [...grid.errors].filter(value => Number.isFinite(value));
	return {
		names: [weightRefAt(layers, bias, a).name, weightRefAt(layers, bias, b).name],
		a,
		b,
		x: [xs[0]!, xs.at(-1)!],
		y: [ys.at(-1)!, ys[0]!],
		columns,
		rows,
		errors: [...grid.errors],
		range: finite.length > 0 ? [Math.min(...finite), Math.max(...finite)] : [0, 1],
		path: {a: walked.a, b: walked.b},
		current,
		error: plane.errorAt(...current),
		descent: descentOf(plane, current),
		penalty: penaltyWords(network),
		costMs: performance.now() - start,
	};
}

/** −(dE/da, dE/db) by central differences: only its direction is drawn. */
function descentOf(plane: ReturnType<typeof planeOfTwo>, [a, b]: readonly [number, number]): [number, number] {
	const step = (value: number) => 1e-6 * Math.max(1, Math.abs(value));
	const ha = step(a);
	const hb = step(b);
	return [-(plane.errorAt(a + ha, b) - plane.errorAt(a - ha, b)) / (2 * ha), -(plane.errorAt(a, b + hb) - plane.errorAt(a, b - hb)) / (2 * hb)];
}

/** `--surface A,B`: the two weights by flat index and their names, and `--grid`'s values a side. */
export type SurfaceChoice = {readonly names: readonly [string, string]; readonly a: number; readonly b: number; readonly grid: number};

/** The headless JSON's `surface`: x and y ascending, `error[r][c]` with a = x[c] and b = y[r], and the path. */
export function surfaceJson(trainer: Trainer, choice: SurfaceChoice): Record<string, unknown> {
	const {network, data, split, path} = trainer;
	const {weights} = network;
	const {a, b, grid: count} = choice;
	const walked = path.pair(a, b, {iteration: trainer.iteration, weights});
	const xs = surfaceAxis(weights[a]!, walked.a, count);
	const ys = surfaceAxis(weights[b]!, walked.b, count);
	const grid = errorSurface(network, data, split.train, weights, {a, b}, xs, ys);
	return {
		weights: choice.names,
		x: [...xs],
		y: [...ys],
		error: Array.from({length: count}, (_, r) => [...grid.errors.subarray(r * count, (r + 1) * count)]),
		path: walked.a.map((value, k) => [value, walked.b[k]!]),
		...(penaltyWords(network) !== undefined && {penalty: penaltyWords(network)}),
	};
}
