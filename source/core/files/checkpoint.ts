import {historyJson, readHistory, type HistoryJson} from './checkpoint-past.js';
import {fromVersion1, isProblem, readPrevious, readSetup, readTraining, readWeights, type Problem, type Resume} from './checkpoint-read.js';
import type {Setup} from '../setup.js';
import {nest, shapeOf, type NestedWeights} from '../shape.js';
import type {Trainer} from '../training/trainer.js';
import type {TrainingState} from '../training/trainer-state.js';
import type {Network} from '../maths/network.js';
import type {Plane} from '../data/plane.js';
import {planeJson, readPlane, type PlaneJson} from './checkpoint-plane.js';

export type {Resume} from './checkpoint-read.js';

/**
 * What `--save` writes and `--load` resumes from: the setup, where training stands and (since
 * version 3) the run's past: its starting weights and the histories the chart draws.
 */
export type Checkpoint = {
	readonly format: 'descent-checkpoint';
	readonly version: 3;
	readonly setup: Omit<Setup, 'weights' | 'batch'> & {readonly batch: number | null};
	readonly training: StateJson & {
		/** Informative: the samples held out, as the seed's split gave them. */
		readonly testSamples: readonly number[];
		/** The weights the run started from; absent when unknown (a run loaded from a version 1 or 2 checkpoint). */
		readonly initialWeights?: NestedWeights;
		/**
		 * The state one iteration before, from which loading runs the last iteration again, so that
		 * its forward pass, gradients and changes show as the run had them; absent at iteration 0
		 * (and in checkpoints of earlier versions of descent, whose loaded runs show none).
		 */
		readonly previous?: StateJson;
	};
	readonly history: HistoryJson;
	/** The map's plane, when the run has one (see PlaneJson). */
	readonly plane?: PlaneJson;
};

/** A training state as JSON. */
type StateJson = {
	readonly iteration: number;
	readonly learningRate: number;
	readonly weights: NestedWeights;
	readonly optimizer: {readonly buffers: Readonly<Record<string, NestedWeights>>; readonly step: number};
	readonly random: {readonly key: readonly number[]; readonly position: number; readonly gauss?: number};
	readonly epoch: {readonly epoch: number; readonly cursor: number; readonly order: readonly number[]};
};

/** The trainer as a checkpoint (with the map's plane, when the run has one); a diverged run has no finite weights to continue from. */
export function checkpointOf(trainer: Trainer, plane?: Plane): Checkpoint | {readonly problem: string} {
	if (trainer.divergedAt !== undefined) {
		return {problem: `diverged at iteration ${trainer.divergedAt}: the weights are not finite numbers, so there is no checkpoint to write`};
	}

	if (trainer.walk.count > 0) {
		// mid-walk the batch is drawn and perhaps the weights updated, but the iteration not counted
		return {problem: 'in the middle of a phase walk: finish the iteration (s or p), then write the checkpoint'};
	}

	const {setup, network} = trainer;
	const previous = stateBefore(trainer);
	const {weights: _given, ...rest} = setup;
	return {
		format: 'descent-checkpoint',
		version: 3,
		setup: {...rest, batch: setup.batch ?? null},
		training: {
			...stateJson(network, trainer.saveTraining()),
			testSamples: [...trainer.split.test],
			...(trainer.initialWeightsFrom !== 'loaded' && {initialWeights: nest(network.shape, trainer.initialWeights)}),
			...(previous && {previous: stateJson(network, previous)}),
		},
		history: historyJson(trainer),
		...(plane && {plane: planeJson(plane)}),
	};
}

function stateJson({shape, optimizer}: Network, state: TrainingState): StateJson {
	return {
		iteration: state.iteration,
		learningRate: state.learningRate,
		weights: nest(shape, state.weights),
		optimizer: {
			buffers: Object.fromEntries(optimizer.buffers.map((name, k) => [name, nest(shape, state.optimizer.buffers[k]!)])),
			step: state.optimizer.step,
		},
		random: {key: Array.from(state.random.key), position: state.random.position, ...(state.random.gauss !== undefined && {gauss: state.random.gauss})},
		epoch: {epoch: state.epoch.epoch, cursor: state.epoch.cursor, order: [...state.epoch.order]},
	};
}

/**
 * The state one iteration back (undefined when out of reach): the trainer goes back to it and
 * steps on again, which leaves the run as it was, its rates set after that iteration included.
 */
function stateBefore(trainer: Trainer): TrainingState | undefined {
	const {iteration, learningRate} = trainer;
	if (trainer.resumedFrom?.iteration === iteration - 1) {
		return trainer.resumedFrom;
	}

	const later = trainer.learningRates.changes.filter(change => change.iteration >= iteration);
	if (!trainer.back()) {
		return undefined;
	}

	const state = trainer.saveTraining();
	trainer.step(1);
	for (const change of later) {
		trainer.learningRates.set(change.iteration, change.learningRate);
	}

	trainer.learningRate = learningRate;
	return state;
}

/** Reads a checkpoint's text; a problem is one line (without the file's name, which the caller adds). */
export function parseCheckpoint(text: string): Resume | Problem {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return {problem: 'not a complete JSON checkpoint (truncated or not JSON)'};
	}

	if (typeof data !== 'object' || data === null || (data as {format?: unknown}).format !== 'descent-checkpoint') {
		return {problem: 'not a descent checkpoint (no "format": "descent-checkpoint")'};
	}

	const {version} = data as {version?: unknown};
	if (version === 1) {
		return fromVersion1(data as Record<string, unknown>);
	}

	if (version !== 2 && version !== 3) {
		return {problem: `checkpoint version ${String(version)} is not one this descent reads (1, 2 or 3)`};
	}

	const {setup: rawSetup, training, history} = data as {setup?: unknown; training?: {initialWeights?: unknown; previous?: unknown}; history?: unknown};
	const setup = readSetup(rawSetup);
	if (isProblem(setup)) {
		return setup;
	}

	const plane = readPlane((data as {plane?: unknown}).plane, setup.samples);
	if (isProblem(plane)) {
		return plane;
	}

	const state = readTraining(training, setup);
	if (isProblem(state) || version === 2) {
		// version 2 kept no past: the loaded run's histories start at its iteration
		return isProblem(state) ? state : {setup, state, ...(plane && {plane})};
	}

	const given = training?.initialWeights;
	const initialWeights = given === undefined ? undefined : readWeights(shapeOf(setup.layers, setup.bias), given, 'initialWeights');
	const past = isProblem(initialWeights) ? initialWeights : readHistory(history, state.iteration, setup.layers.at(-1)!, initialWeights);
	if (isProblem(past)) {
		return past;
	}

	const previous = readPrevious(training?.previous, setup, state.iteration);
	return isProblem(previous) ? previous : {setup, state: {...state, past, ...(previous && {previous})}, ...(plane && {plane})};
}
