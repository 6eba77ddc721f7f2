import type {EpochState} from './batches.js';
import type {RecordsSave} from './records.js';
import type {RandomState} from '../maths/random.js';

/** Where training stands: `training` until the limit (`done`) or a non-finite number (`diverged`). */
export type TrainerStatus = 'training' | 'done' | 'diverged';

export type {LearningRateChange} from './learning-rates.js';

/**
 * Everything needed to continue a run exactly where it was: for checkpoints (written
 * as JSON) and for stepping back (kept in memory).
 */
export type TrainingState = {
	/** Updates done. */
	readonly iteration: number;
	readonly learningRate: number;
	/** Flat, in the network's order. */
	readonly weights: Float64Array;
	/** The optimizer's buffers, in the order it names them, and its step count. */
	readonly optimizer: {readonly buffers: readonly Float64Array[]; readonly step: number};
	readonly random: RandomState;
	readonly epoch: EpochState;
	readonly divergedAt: number | undefined;
};

/** A training state with what the screen shows of the past: for stepping back. */
export type RewindState = TrainingState & {
	readonly learningRateChanges: number;
	readonly histories: RecordsSave;
};

/** Bytes a rewind state takes: the size the rewind ring plans with. */
export function rewindBytes(weights: number, optimizerBuffers: number, histories: number, trainCount: number): number {
	const historyBytes = 5 * 8 * 1024;
	return 8 * weights * (1 + optimizerBuffers) + 4 * 624 + 4 * trainCount + histories * historyBytes + 512;
}
