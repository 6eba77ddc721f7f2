/**
 * A series over iterations in constant memory: at most `capacity` buckets, each holding
 * the min, max and last value of a run of consecutive iterations. When full, neighbouring
 * buckets merge in pairs and each bucket then covers twice as many iterations, so ten
 * million iterations cost what a thousand do.
 */
export type HistoryPoint = {
	/** Last iteration the bucket covers (1-based). */
	readonly iteration: number;
	/** The value of the bucket's first iteration. */
	readonly first: number;
	readonly min: number;
	readonly max: number;
	readonly last: number;
};

/**
 * A history as columns, bucket b at index b of each: typed arrays, so that a snapshot
 * carries a thousand buckets as a few copied blocks of memory rather than as a thousand
 * objects to serialise, send and rebuild on every frame.
 */
export type Series = {
	/** Last iteration each bucket covers (1-based). */
	readonly ends: Float64Array;
	/** The value of each bucket's first iteration. */
	readonly firsts: Float64Array;
	readonly mins: Float64Array;
	readonly maxs: Float64Array;
	readonly lasts: Float64Array;
};

/** The buckets of a series as objects. */
export function pointsOf(series: Series): HistoryPoint[] {
	return Array.from(series.ends, (iteration, b) => ({
		iteration,
		first: series.firsts[b]!,
		min: series.mins[b]!,
		max: series.maxs[b]!,
		last: series.lasts[b]!,
	}));
}

/** A series with no buckets. */
export const EMPTY_SERIES: Series = {
	ends: new Float64Array(0),
	firsts: new Float64Array(0),
	mins: new Float64Array(0),
	maxs: new Float64Array(0),
	lasts: new Float64Array(0),
};

export type HistorySave = {
	readonly width: number;
	readonly count: number;
	readonly filled: number;
	readonly firstIteration: number;
	/** firsts, mins, maxs, lasts and ends of the buckets, the k-th of them from k × capacity (the buckets in use at the start). */
	readonly values: Float64Array;
};

export class BucketHistory {
	readonly capacity: number;
	/** Iterations per bucket: 1 until the first merge, then doubling. */
	width = 1;
	private readonly firsts: Float64Array;
	private readonly mins: Float64Array;
	private readonly maxs: Float64Array;
	private readonly lasts: Float64Array;
	private readonly ends: Float64Array;
	private count = 0;
	// iterations already in the newest bucket
	private filled = 0;
	private firstIteration = 1;

	constructor(capacity = 1024) {
		if (capacity < 2 || capacity % 2 !== 0) {
			throw new RangeError('capacity must be an even number of at least 2');
		}

		this.capacity = capacity;
		this.firsts = new Float64Array(capacity);
		this.mins = new Float64Array(capacity);
		this.maxs = new Float64Array(capacity);
		this.lasts = new Float64Array(capacity);
		this.ends = new Float64Array(capacity);
	}

	get length(): number {
		return this.count;
	}

	/** The value of the last iteration recorded; undefined before the first. */
	get latest(): number | undefined {
		return this.count > 0 ? this.lasts[this.count - 1] : undefined;
	}

	/** First iteration the history covers (after a checkpoint is loaded it is not 1). */
	get start(): number {
		return this.firstIteration;
	}

	clear(firstIteration = 1): void {
		this.count = 0;
		this.filled = 0;
		this.width = 1;
		this.firstIteration = firstIteration;
	}

	/** Records the value of `iteration`; iterations must arrive in order, one at a time. */
	push(iteration: number, value: number): void {
		if (this.count > 0 && this.filled < this.width) {
			const b = this.count - 1;
			if (value < this.mins[b]!) {
				this.mins[b] = value;
			}

			if (value > this.maxs[b]!) {
				this.maxs[b] = value;
			}

			this.lasts[b] = value;
			this.ends[b] = iteration;
			this.filled++;
			return;
		}

		if (this.count === this.capacity) {
			this.mergePairs();
		}

		const b = this.count++;
		this.firsts[b] = value;
		this.mins[b] = value;
		this.maxs[b] = value;
		this.lasts[b] = value;
		this.ends[b] = iteration;
		this.filled = 1;
	}

	/**
	 * A copy of everything it holds, for stepping back: into `reuse`'s buffer when given (a
	 * point the ring of rewind points lets go), so that a long run makes no garbage here.
	 */
	save(reuse?: HistorySave): HistorySave {
		const {capacity, count} = this;
		const values = reuse?.values.length === 5 * capacity ? reuse.values : new Float64Array(5 * capacity);
		for (const [k, array] of this.columns().entries()) {
			values.set(array.subarray(0, count), k * capacity);
		}

		return {width: this.width, count, filled: this.filled, firstIteration: this.firstIteration, values};
	}

	restore(saved: HistorySave): void {
		const {capacity} = this;
		const used = saved.count;
		this.width = saved.width;
		this.count = used;
		this.filled = saved.filled;
		this.firstIteration = saved.firstIteration;
		for (const [k, array] of this.columns().entries()) {
			array.set(saved.values.subarray(k * capacity, k * capacity + used));
		}
	}

	/** A copy of the buckets as columns: what a snapshot carries. */
	series(): Series {
		const {count} = this;
		return {
			ends: this.ends.slice(0, count),
			firsts: this.firsts.slice(0, count),
			mins: this.mins.slice(0, count),
			maxs: this.maxs.slice(0, count),
			lasts: this.lasts.slice(0, count),
		};
	}

	/** The buckets as objects (the CSV export, tests). */
	points(): HistoryPoint[] {
		return pointsOf(this.series());
	}

	private columns(): Float64Array[] {
		return [this.firsts, this.mins, this.maxs, this.lasts, this.ends];
	}

	private mergePairs(): void {
		const half = this.capacity / 2;
		for (let b = 0; b < half; b++) {
			const left = 2 * b;
			const right = left + 1;
			this.firsts[b] = this.firsts[left]!;
			this.mins[b] = Math.min(this.mins[left]!, this.mins[right]!);
			this.maxs[b] = Math.max(this.maxs[left]!, this.maxs[right]!);
			this.lasts[b] = this.lasts[right]!;
			this.ends[b] = this.ends[right]!;
		}

		this.count = half;
		this.width *= 2;
	}
}

/**
 * A series measured now and then rather than every iteration (the test error, which
 * costs a forward pass over the test samples): at iteration 1 and every `stride`-th
 * iteration, the stride doubling whenever `capacity` points are held, so the points
 * stay evenly spread over the whole run.
 */
export class SampledHistory {
	readonly capacity: number;
	stride = 1;
	private iterations: number[] = [];
	private values: number[] = [];

	constructor(capacity = 512) {
		this.capacity = capacity;
	}

	/** Whether `iteration` is one to measure. */
	due(iteration: number): boolean {
		return iteration === 1 || iteration % this.stride === 0;
	}

	push(iteration: number, value: number): void {
		this.iterations.push(iteration);
		this.values.push(value);
		if (this.iterations.length >= this.capacity) {
			this.stride *= 2;
			// keep iteration 1 and the multiples of the new stride
			const keep = this.iterations.map((at, k) => (at === 1 || at % this.stride === 0 ? k : -1)).filter(k => k >= 0);
			this.iterations = keep.map(k => this.iterations[k]!);
			this.values = keep.map(k => this.values[k]!);
		}
	}

	clear(): void {
		this.stride = 1;
		this.iterations = [];
		this.values = [];
	}

	/** As a series: each measurement is its own bucket. */
	series(): Series {
		const values = Float64Array.from(this.values);
		return {ends: Float64Array.from(this.iterations), firsts: values, mins: values, maxs: values, lasts: values};
	}

	/** As history points: each measurement is its own bucket. */
	points(): HistoryPoint[] {
		return pointsOf(this.series());
	}

	save(): SampledSave {
		return {stride: this.stride, iterations: [...this.iterations], values: [...this.values]};
	}

	restore(saved: SampledSave): void {
		this.stride = saved.stride;
		this.iterations = [...saved.iterations];
		this.values = [...saved.values];
	}
}

export type SampledSave = {readonly stride: number; readonly iterations: readonly number[]; readonly values: readonly number[]};
