/** Doubles the path may hold, all weights of all its points: 16 MB. */
export const PATH_BUDGET = 2 ** 21;
/** Points of the path at most: as many as the error history's buckets. */
export const PATH_CAPACITY = 1024;
/** A network so large that fewer points fit records no path. */
const LEAST_POINTS = 16;

/** Two weights' values over a run: the error surface's path. */
export type PairPath = {readonly iterations: readonly number[]; readonly a: readonly number[]; readonly b: readonly number[]};

/**
 * Every weight's value now and then over a run, in constant memory: at the start, then
 * every `stride`-th iteration, the stride doubling (and every other point let go)
 * whenever the path is full, as the error history's buckets merge; so ten million
 * iterations cost what a thousand do, and any pair of weights has its path.
 */
export class WeightPath {
	readonly weightCount: number;
	/** Points held at most; 0 when the network is too large to record any. */
	readonly capacity: number;
	/** Iterations between points: a power of two. */
	stride = 1;
	private readonly values: Float64Array;
	private iterations: number[] = [];

	constructor(weightCount: number) {
		this.weightCount = weightCount;
		const fits = Math.min(PATH_CAPACITY, Math.floor(PATH_BUDGET / Math.max(1, weightCount)));
		this.capacity = fits >= LEAST_POINTS ? fits - (fits % 2) : 0;
		this.values = new Float64Array(this.capacity * weightCount);
	}

	get length(): number {
		return this.iterations.length;
	}

	/** A new path from these weights at `iteration`. */
	start(iteration: number, weights: Float64Array): void {
		this.stride = 1;
		this.iterations = [];
		this.push(iteration, weights);
	}

	/** Whether `iteration` is one to keep. */
	due(iteration: number): boolean {
		return this.capacity > 0 && iteration % this.stride === 0;
	}

	/** Keeps the weights of `iteration`, after the last point kept (a replay passes points held already). */
	push(iteration: number, weights: Float64Array): void {
		const last = this.iterations.at(-1);
		if (this.capacity === 0 || (last !== undefined && last >= iteration)) {
			return;
		}

		if (this.iterations.length === this.capacity) {
			this.thin();
		}

		this.values.set(weights, this.iterations.length * this.weightCount);
		this.iterations.push(iteration);
	}

	/** Lets go of the points after `iteration` (the run went back). */
	forgetAfter(iteration: number): void {
		while (this.iterations.length > 1 && this.iterations.at(-1)! > iteration) {
			this.iterations.pop();
		}
	}

	/** The values of weights a and b at every point, then `current` (the weights now) when it is later than the last point. */
	pair(a: number, b: number, current?: {readonly iteration: number; readonly weights: ArrayLike<number>}): PairPath {
		const {weightCount, values} = this;
		const iterations = [...this.iterations];
		const pathA = iterations.map((_, k) => values[k * weightCount + a]!);
		const pathB = iterations.map((_, k) => values[k * weightCount + b]!);
		if (current && current.iteration > (iterations.at(-1) ?? -1)) {
			iterations.push(current.iteration);
			pathA.push(current.weights[a]!);
			pathB.push(current.weights[b]!);
		}

		return {iterations, a: pathA, b: pathB};
	}

	/** Doubles the stride: keeps the first point and those at multiples of the new stride. */
	private thin(): void {
		this.stride *= 2;
		const {weightCount, values} = this;
		let kept = 0;
		for (const [k, iteration] of this.iterations.entries()) {
			if (k === 0 || iteration % this.stride === 0) {
				values.copyWithin(kept * weightCount, k * weightCount, (k + 1) * weightCount);
				this.iterations[kept++] = iteration;
			}
		}

		this.iterations.length = kept;
	}
}
