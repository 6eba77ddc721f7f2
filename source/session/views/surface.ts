import {errorSurface, surfaceAxis} from '../../core/maths/surface.js';
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
	/** The grid computed: the panel's pixels, or fewer on a network whose forward passes cost much (then each value covers a block of pixels). */
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
	/** The iteration the surface is of (while training, it is drawn anew as often as its cost allows). */
	readonly iteration: number;
	/** Milliseconds of computing it took, in all. */
	readonly costMs: number;
	/** Milliseconds from the start of its computation to its end: spread over frames when it costs more than a frame's share. */
	readonly spanMs: number;
	/** Training samples the error is the mean over. */
	readonly samples: number;
};

/** The penalty the surface's error includes, in a few words; undefined without one. */
export function penaltyWords({l1, l2}: {readonly l1: number; readonly l2: number}): string | undefined {
	const parts = [l1 > 0 ? `L1 ${l1}` : '', l2 > 0 ? `L2 ${l2}` : ''].filter(Boolean);
	return parts.length > 0 ? parts.join(' + ') : undefined;
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
