/**
 * A series over iterations in constant memory: at most `capacity` buckets, each holding
 * the min, max and last value of a run of consecutive iterations. When full, neighbouring
 * buckets merge in pairs and each bucket then covers twice as many iterations, so ten
 * million iterations cost what a thousand do.
 */
export type HistoryPoint = {
	/** Last iteration the bucket covers (1-based). */
	readonly iteration: number;
	readonly min: number;
	readonly max: number;
	readonly last: number;
};

export class BucketHistory {
	readonly capacity: number;
	/** Iterations per bucket: 1 until the first merge, then doubling. */
	width = 1;
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
		this.mins = new Float64Array(capacity);
		this.maxs = new Float64Array(capacity);
		this.lasts = new Float64Array(capacity);
		this.ends = new Float64Array(capacity);
	}

	get length(): number {
		return this.count;
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
		this.mins[b] = value;
		this.maxs[b] = value;
		this.lasts[b] = value;
		this.ends[b] = iteration;
		this.filled = 1;
	}

	points(): HistoryPoint[] {
		return Array.from({length: this.count}, (_, b) => ({
			iteration: this.ends[b]!,
			min: this.mins[b]!,
			max: this.maxs[b]!,
			last: this.lasts[b]!,
		}));
	}

	private mergePairs(): void {
		const half = this.capacity / 2;
		for (let b = 0; b < half; b++) {
			const left = 2 * b;
			const right = left + 1;
			this.mins[b] = Math.min(this.mins[left]!, this.mins[right]!);
			this.maxs[b] = Math.max(this.maxs[left]!, this.maxs[right]!);
			this.lasts[b] = this.lasts[right]!;
			this.ends[b] = this.ends[right]!;
		}

		this.count = half;
		this.width *= 2;
	}
}
