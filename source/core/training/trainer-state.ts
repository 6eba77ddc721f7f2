import type {BatchSchedule, EpochState} from './batches.js';
import type {Network} from '../maths/network.js';
import type {LearningRateChange, LearningRates} from './learning-rates.js';
import type {Records, RecordsSave} from './records.js';
import {NumpyRandom, type RandomState} from '../maths/random.js';
import type {SampleData} from '../data/samples.js';
import {iterationCost, type Iterate} from './kernel.js';
import {Rewind} from './rewind.js';

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
	/** A checkpoint's record of the run before it (none in a version 2 checkpoint). */
	readonly past?: Past;
	/**
	 * The state one iteration before: restoring runs that iteration again from it, so that its
	 * forward pass, gradients, changes and batch are on screen as the run had them.
	 */
	readonly previous?: TrainingState;
};

/** What a run kept of its past: the histories the chart draws, the learning rates set, the weights it started from. */
export type Past = {
	/** None in a version 1 checkpoint: the histories start at its iteration. */
	readonly records: RecordsSave | undefined;
	readonly learningRates: readonly LearningRateChange[];
	/** `seed`: drawn from the setup's seed (a version 1 checkpoint); undefined: not known. */
	readonly initialWeights: Float64Array | 'seed' | undefined;
};

/**
 * Where a run's `initialWeights` come from: drawn from its seed, given by --weights, kept in the
 * checkpoint it was loaded from, or (an older checkpoint, which did not keep them) the loaded weights.
 */
export type InitialWeightsFrom = 'seed' | 'given' | 'checkpoint' | 'loaded';

/** A trainer's parts that hold its past. */
type PastParts = {
	readonly records: Records;
	readonly learningRates: LearningRates;
	readonly initialWeights: Float64Array;
	readonly iteration: number;
	readonly learningRate: number;
};

/**
 * Takes up a checkpoint's past (after the training state is restored and the records cleared):
 * the histories go on from where the run was, the rate in use is a change at the loaded
 * iteration when the past does not say it, and the starting weights are the run's when known.
 */
export function resumePast(trainer: PastParts, resume: TrainingState | undefined, given: boolean): InitialWeightsFrom {
	if (!resume) {
		return given ? 'given' : 'seed';
	}

	const {records, learningRates, iteration, learningRate} = trainer;
	const past = resume.past;
	if (past?.records) {
		records.restore(past.records);
	}

	for (const change of past?.learningRates ?? []) {
		learningRates.set(change.iteration, change.learningRate);
	}

	if (learningRates.at(iteration) !== learningRate) {
		learningRates.set(iteration, learningRate);
	}

	const initial = past?.initialWeights;
	if (initial === 'seed') {
		// the constructor drew them as the run did
		return 'seed';
	}

	trainer.initialWeights.set(initial ?? resume.weights);
	return initial ? 'checkpoint' : 'loaded';
}

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

/** The rewind ring of a network: its points as large as its state, as far apart as its iterations are cheap. */
export function rewindFor(network: Network, histories: number, trainCount: number): Rewind<RewindState> {
	const weights = network.shape.weightCount;
	const bytes = rewindBytes(weights, network.optimizer.buffers.length, 2 + histories, trainCount);
	return new Rewind(bytes, iterationCost(network, weights * network.capacity));
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

/** What restoring a state works on: the trainer's network, batches, samples and iteration. */
type Restorable = {readonly network: Network; readonly schedule: BatchSchedule; readonly data: SampleData; readonly iterate: Iterate};

/**
 * Restores a state, and a full batch into the network. A state that holds the one before it
 * (`previous`) is reached by running its iteration again from there, which fills that
 * iteration's buffers (its batch, forward pass, gradients, changes) as the run had them; when
 * that does not lead to the state to the bit (a checkpoint edited by hand), the state itself.
 */
export function restoreState(parts: Restorable, state: TrainingState): NumpyRandom {
	const {network, schedule, data, iterate} = parts;
	const {previous} = state;
	const random = restoreNetwork(network, schedule, previous ?? state);
	if (schedule.fullBatch || previous) {
		network.load(data, schedule.samples, schedule.fullBatch ? schedule.trainCount : schedule.nextBatch(random));
	}

	if (!previous) {
		return random;
	}

	const finite = iterate(previous.learningRate);
	const reached = trainingStateOf({iteration: state.iteration, learningRate: previous.learningRate, network, schedule, divergedAt: undefined}, random);
	return finite && sameTraining(reached, state) ? random : restoreState(parts, {...state, previous: undefined});
}

/** Whether two states continue the same: weights, optimizer, generator and epoch, to the bit. */
function sameTraining(a: TrainingState, b: TrainingState): boolean {
	const same = (x: ArrayLike<number>, y: ArrayLike<number>) => x.length === y.length && Array.from(x).every((value, k) => Object.is(value, y[k]));
	const numbers = (state: TrainingState) => [
		state.optimizer.step,
		state.random.position,
		state.random.gauss ?? Number.NaN,
		state.epoch.epoch,
		state.epoch.cursor,
		...state.epoch.order,
		...Array.from(state.random.key),
	];
	return same(a.weights, b.weights) && a.optimizer.buffers.every((buffer, k) => same(buffer, b.optimizer.buffers[k]!)) && same(numbers(a), numbers(b));
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
