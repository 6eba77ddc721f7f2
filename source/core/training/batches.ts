import type {NumpyRandom} from '../maths/random.js';

/** Which samples train and which test: indices into the samples, each list in file order. */
export type Split = {readonly train: Int32Array; readonly test: Int32Array};

/**
 * With a test fraction: `perm = numpy.random.permutation(n)`; its first `floor(test · n)`
 * entries are the test samples, the rest train; both keep file order. Without one,
 * nothing is drawn and every sample trains.
 */
export function splitSamples(random: NumpyRandom, count: number, test: number): Split {
	if (test === 0) {
		return {train: Int32Array.from({length: count}, (_, s) => s), test: new Int32Array(0)};
	}

	const order = random.permutation(count);
	const testCount = Math.floor(test * count);
	const isTest = new Uint8Array(count);
	for (let k = 0; k < testCount; k++) {
		isTest[order[k]!] = 1;
	}

	const pick = (flag: number) => Int32Array.from(Array.from({length: count}, (_, s) => s).filter(s => isTest[s] === flag));
	return {train: pick(0), test: pick(1)};
}

/** Test samples a fraction gives out of `count`: the rule of `splitSamples`. */
export function testCount(count: number, test: number): number {
	return Math.floor(test * count);
}

/** Where a run is in its epoch: for checkpoints and stepping back. */
export type EpochState = {
	readonly epoch: number;
	/** Training samples already used in this epoch. */
	readonly cursor: number;
	/** This epoch's order (positions in the training list); empty for full batch. */
	readonly order: readonly number[];
};

/**
 * The batches of the training samples: all of them every iteration (full batch), or
 * consecutive slices of `numpy.random.permutation(m)` drawn at the start of every epoch,
 * the last one shorter when the batch does not divide m.
 */
export class BatchSchedule {
	readonly trainCount: number;
	readonly batchSize: number;
	readonly fullBatch: boolean;
	/** Passes over the training samples completed (mini-batches only: with full batch every iteration is one). */
	epoch = 0;
	/** Training samples already used in this epoch. */
	cursor = 0;
	order: Int32Array;
	/** The samples (indices into all samples) of the current batch; the training samples for a full batch. */
	readonly samples: Int32Array;
	/** Where the first training sample sits in the current batch; -1 when it is not in it. */
	firstInBatch = 0;
	private readonly train: Int32Array;
	// where the first training sample sits in this epoch's order
	private firstInOrder = 0;

	constructor(train: Int32Array, batch: number | undefined) {
		this.train = train;
		this.trainCount = train.length;
		this.batchSize = Math.min(batch ?? train.length, train.length);
		this.fullBatch = this.batchSize === train.length;
		this.order = this.fullBatch ? Int32Array.from({length: train.length}, (_, k) => k) : new Int32Array(0);
		this.samples = this.fullBatch ? train : new Int32Array(this.batchSize);
	}

	/** Fills `samples` with the next mini-batch; returns how many it holds. */
	nextBatch(random: NumpyRandom): number {
		const {start, count} = this.next(random);
		if (start === 0) {
			this.firstInOrder = this.order.indexOf(0);
		}

		for (let b = 0; b < count; b++) {
			this.samples[b] = this.train[this.order[start + b]!]!;
		}

		const position = this.firstInOrder - start;
		this.firstInBatch = position >= 0 && position < count ? position : -1;
		return count;
	}

	/** The next mini-batch: `count` entries of `order` from `start`. Draws the epoch's order when one begins. */
	next(random: NumpyRandom): {start: number; count: number} {
		if (this.cursor === 0) {
			this.order = random.permutation(this.trainCount);
		}

		const start = this.cursor;
		const count = Math.min(this.batchSize, this.trainCount - start);
		this.cursor += count;
		if (this.cursor === this.trainCount) {
			this.cursor = 0;
			this.epoch++;
		}

		return {start, count};
	}

	get state(): EpochState {
		return {epoch: this.epoch, cursor: this.cursor, order: this.fullBatch ? [] : [...this.order]};
	}

	restore(state: EpochState): void {
		this.epoch = state.epoch;
		this.cursor = state.cursor;
		if (!this.fullBatch) {
			this.order = Int32Array.from(state.order);
			this.firstInOrder = this.order.indexOf(0);
		}
	}
}
