import type {BatchSchedule, EpochState} from './batches.js';
import type {Network} from '../maths/network.js';
import type {RecordsSave} from './records.js';
import {NumpyRandom, type RandomState} from '../maths/random.js';

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

/** A trainer's parts a training state is read from. */
type Training = {
	readonly iteration: number;
	readonly learningRate: number;
	readonly network: Network;
	readonly schedule: BatchSchedule;
	readonly divergedAt: number | undefined;
};

/** The training state of a trainer's parts, copied. */
export function trainingStateOf({iteration, learningRate, network, schedule, divergedAt}: Training, random: NumpyRandom): TrainingState {
	return {
		iteration,
		learningRate,
		weights: network.weights.slice(),
		optimizer: {
			buffers: network.optimizer.buffers.map(name => network.optimizerState.buffers[name]!.slice()),
			step: network.optimizerState.step,
		},
		random: random.state,
		epoch: schedule.state,
		divergedAt,
	};
}

/** Sets the network's weights, its optimizer's buffers and the batch schedule from a state; returns its random stream. */
export function restoreNetwork(network: Network, schedule: BatchSchedule, state: TrainingState): NumpyRandom {
	network.weights.set(state.weights);
	for (const [k, name] of network.optimizer.buffers.entries()) {
		network.optimizerState.buffers[name]!.set(state.optimizer.buffers[k]!);
	}

	network.optimizerState.step = state.optimizer.step;
	schedule.restore(state.epoch);
	network.clearIteration();
	return NumpyRandom.fromState(state.random);
}
