/** What every panel's view may read besides the trainer and its own request: the selection, and where the run stands. */
import type {WeightRef} from '../../core/names.js';
import type {PackagedInfo} from '../../core/data/packaged.js';
import type {Plane} from '../../core/data/plane.js';
import type {Trainer} from '../../core/training/trainer.js';

/** What a run's data has besides its samples: an input plane (for the map), a packaged dataset's class names and image shape. */
export type RunData = {
	/** The data's input plane, when it has one or two coordinates. */
	readonly plane: Plane | undefined;
	readonly packaged: PackagedInfo | undefined;
	/** The lanes of a race (`--race`), the shown one among them; absent for a single run. */
	readonly lanes?: readonly LaneContext[];
};

/** A lane of a race for the views that show every lane: its name, its run, its errors over all samples as last measured. */
export type LaneContext = {
	/** What differs from the other lanes, from its flags (`adam lr 0.01`). */
	readonly label: string;
	readonly trainer: Trainer;
	readonly measured: {
		/** The current weights' error over the training samples: what the status line calls the initial error before the first iteration. */
		readonly weightsError?: number;
		readonly testError: number | undefined;
		readonly accuracy: number | undefined;
		readonly testAccuracy: number | undefined;
	};
};

export type ViewContext = RunData & {
	/** The selected weight, within the network. */
	readonly selected: WeightRef;
	/** The sample the chain and the diagram follow, and its place in the last batch (-1: not in it). */
	readonly sample: number;
	readonly position: number;
	/** A phase walk is under way. */
	readonly walking: boolean;
	/** The gradients, and the changes, of the iteration shown are known. */
	readonly gradients: boolean;
	readonly changes: boolean;
	/** Relative differences of the finished check, by flat weight index, when it is of this iteration. */
	readonly checked: ReadonlyMap<number, number> | undefined;
	/** Each sample's class as the current weights say it, when the targets are classes (measured as often as the errors are). */
	readonly predictions: Int32Array | undefined;
};

/** The weights the shown forward pass used: before the last update, or the current ones during a phase walk (until its update runs). */
export function weightsShown(trainer: Trainer): Float64Array {
	return trainer.walk.count > 0 && !trainer.walk.updateShown ? trainer.network.weights : trainer.network.previousWeights;
}

/**
 * The weights of the forward pass the samples and the digits show: the last finished one's (the
 * pass the status line's error comes from) until a phase walk computes the outputs, then the walk's.
 */
export function forwardWeights(trainer: Trainer): Float64Array {
	return outputComputed(trainer) ? weightsShown(trainer) : trainer.network.previousWeights;
}

/** A phase walk is under way and has run the output layer's forward phase. */
export function outputComputed(trainer: Trainer): boolean {
	return trainer.walk.done.some(phase => phase.kind === 'forward' && phase.layer === trainer.network.depth);
}

/** A phase walk is under way and has measured the error: each sample's of its pass is known. */
export function errorComputed(trainer: Trainer): boolean {
	return trainer.walk.done.some(phase => phase.kind === 'error');
}

/** Where sample `s` sits in the last batch, or -1. */
export function positionInBatch(trainer: Trainer, s: number): number {
	for (let b = 0; b < trainer.network.batchSize; b++) {
		if (trainer.batchSampleAt(b) === s) {
			return b;
		}
	}

	return -1;
}

/** Part of a long list: the rows from `start`, of `total`. */
export type Window<Row> = {readonly start: number; readonly total: number; readonly rows: readonly Row[]};

/** What a panel with rows asks for: the first row on screen and how many fit. */
export type RowsRequest = {readonly start: number; readonly rows: number};

/** Rows sent beyond those on screen, so that a key moving the selection finds them there. */
export const MARGIN = 24;
