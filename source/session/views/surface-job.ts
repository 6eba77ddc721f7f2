import {weightRefAt} from '../../core/names.js';
import {planeOfTwo, surfaceAxis} from '../../core/maths/surface.js';
import type {Trainer} from '../../core/training/trainer.js';
import type {ViewContext} from './context.js';
import {penaltyWords, type SurfaceData, type SurfacePath, type SurfaceRequest} from './surface.js';

/** Milliseconds of a frame the surface may take (a frame is about 33 ms). */
export const SURFACE_BUDGET_MS = 2;
/** Weight × sample terms a whole surface may cost: past this its grid is coarser than the panel's pixels (about 0.1 s of forward passes here). */
const MAX_TERMS = 8e6;

type Plane = ReturnType<typeof planeOfTwo>;

/** A surface being computed, a few rows a frame: of the weights as they were when it started. */
type Job = {
	readonly key: string;
	readonly trainer: Trainer;
	readonly iteration: number;
	readonly plane: Plane;
	readonly xs: Float64Array;
	/** Descending: row 0 is the top. */
	readonly ys: Float64Array;
	readonly errors: Float64Array;
	readonly base: Omit<SurfaceData, 'errors' | 'range' | 'costMs' | 'spanMs'>;
	readonly startedAt: number;
	next: number;
	costMs: number;
};

/**
 * The error surface for the screen, computed within a budget a frame: a surface that
 * costs more than SURFACE_BUDGET_MS is computed over several frames while the last whole
 * one is shown, and drawn anew from the newest weights when it is done. The grid is the
 * panel's pixels, or coarser when a whole surface would cost over MAX_TERMS.
 */
export class SurfaceView {
	private job: Job | undefined;
	private shown: SurfaceData | undefined;

	/** Whether a surface is being computed. */
	get busy(): boolean {
		return this.job !== undefined && this.job.next < this.job.errors.length;
	}

	/** The newest whole surface for this request (undefined while the first is computed), after at most `budgetMs` of work. */
	view(trainer: Trainer, request: SurfaceRequest, budgetMs = SURFACE_BUDGET_MS): SurfaceData | undefined {
		const key = `${request.a},${request.b},${request.columns},${request.rows}`;
		if (!this.job || this.job.key !== key || this.job.trainer !== trainer) {
			// other axes, another size or another run: the surface shown is no longer this one
			this.shown = undefined;
			this.job = startJob(trainer, request, key);
		} else if (this.job.next === this.job.errors.length && this.job.iteration !== trainer.iteration) {
			this.job = startJob(trainer, request, key);
		}

		const job = this.job;
		const start = performance.now();
		const columns = job.xs.length;
		const from = job.next;
		// a point a call at least, so that every surface is done in time; a point of the spiral is about 0.25 ms
		while (job.next < job.errors.length && (job.next === from || performance.now() - start < budgetMs)) {
			const point = job.next++;
			job.errors[point] = job.plane.errorAt(job.xs[point % columns]!, job.ys[Math.floor(point / columns)]!);
		}

		job.costMs += performance.now() - start;
		if (job.next === job.errors.length && this.shown?.iteration !== job.iteration) {
			this.shown = finish(job);
		}

		return this.shown;
	}
}

function startJob(trainer: Trainer, request: SurfaceRequest, key: string): Job {
	const start = performance.now();
	const {network, data, split, path} = trainer;
	const {layers, bias} = network.shape;
	const weights = network.weights.slice();
	const {a, b} = request;
	const terms = split.train.length * network.shape.weightCount;
	const pixels = Math.max(4, request.columns * request.rows);
	const coarser = Math.max(1, Math.ceil(Math.sqrt((pixels * terms) / MAX_TERMS)));
	const columns = Math.max(2, Math.ceil(request.columns / coarser));
	const rows = Math.max(2, Math.ceil(request.rows / coarser));
	const walked = path.pair(a, b, {iteration: trainer.iteration, weights});
	const xs = surfaceAxis(weights[a]!, walked.a, columns);
	const ys = surfaceAxis(weights[b]!, walked.b, rows).reverse();
	const plane = planeOfTwo(network, data, split.train, weights, {a, b});
	const current = [weights[a]!, weights[b]!] as const;
	return {
		key,
		trainer,
		iteration: trainer.iteration,
		plane,
		xs,
		ys,
		errors: new Float64Array(columns * rows),
		base: {
			names: [weightRefAt(layers, bias, a).name, weightRefAt(layers, bias, b).name],
			a,
			b,
			x: [xs[0]!, xs.at(-1)!],
			y: [ys.at(-1)!, ys[0]!],
			columns,
			rows,
			path: {a: walked.a, b: walked.b},
			current,
			error: plane.errorAt(...current),
			descent: descentOf(plane, current),
			penalty: penaltyWords(network),
			iteration: trainer.iteration,
			samples: split.train.length,
		},
		startedAt: start,
		next: 0,
		costMs: performance.now() - start,
	};
}

function finish(job: Job): SurfaceData {
	let low = Number.POSITIVE_INFINITY;
	let high = Number.NEGATIVE_INFINITY;
	for (const value of job.errors) {
		if (Number.isFinite(value)) {
			low = Math.min(low, value);
			high = Math.max(high, value);
		}
	}

	return {
		...job.base,
		errors: [...job.errors],
		range: low <= high ? [low, high] : [0, 1],
		costMs: job.costMs,
		spanMs: performance.now() - job.startedAt,
	};
}

/** −(dE/da, dE/db) by central differences: only its direction is drawn. */
function descentOf(plane: Plane, [a, b]: readonly [number, number]): [number, number] {
	const step = (value: number) => 1e-6 * Math.max(1, Math.abs(value));
	const ha = step(a);
	const hb = step(b);
	return [-(plane.errorAt(a + ha, b) - plane.errorAt(a - ha, b)) / (2 * ha), -(plane.errorAt(a, b + hb) - plane.errorAt(a, b - hb)) / (2 * hb)];
}

/** The error surface panel's data: the newest whole surface, whether a newer one is being computed (the session then sends another frame), and in a race the other lanes' paths (`lane`: its index). */
export type SurfacePanelData = {
	readonly surface: SurfaceData | undefined;
	readonly pending: boolean;
	readonly lanes: ReadonlyArray<{readonly lane: number; readonly path: SurfacePath}>;
};

const views = new WeakMap<Trainer, SurfaceView>();

/** The surface the screen asks for: one SurfaceView per run (trainer), kept between frames. */
export function surfacePanelOf(trainer: Trainer, request: SurfaceRequest, context: Pick<ViewContext, 'lanes'>): SurfacePanelData {
	let view = views.get(trainer);
	if (!view) {
		view = new SurfaceView();
		views.set(trainer, view);
	}

	const surface = view.view(trainer, request);
	// the other lanes' paths over the same two weights, up to where each stands now
	const lanes = (context.lanes ?? []).flatMap(({trainer: lane}, k) =>
		lane === trainer ? [] : [{lane: k, path: lane.path.pair(request.a, request.b, {iteration: lane.iteration, weights: lane.network.weights})}],
	);
	return {surface, pending: surface?.iteration !== trainer.iteration || view.busy, lanes};
}
