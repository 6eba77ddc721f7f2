import {fromVersion1, isProblem, readSetup, readTraining, type Problem, type Resume} from './checkpoint-read.js';
import type {Setup} from '../setup.js';
import {nest, type NestedWeights} from '../shape.js';
import type {Trainer} from '../training/trainer.js';

export type {Resume} from './checkpoint-read.js';

/** What `--save` writes and `--load` resumes from: the setup, and where training stands. */
export type Checkpoint = {
	readonly format: 'descent-checkpoint';
	readonly version: 2;
	readonly setup: Omit<Setup, 'weights' | 'batch'> & {readonly batch: number | null};
	readonly training: {
		readonly iteration: number;
		readonly learningRate: number;
		readonly weights: NestedWeights;
		readonly optimizer: {readonly buffers: Readonly<Record<string, NestedWeights>>; readonly step: number};
		readonly random: {readonly key: readonly number[]; readonly position: number; readonly gauss?: number};
		readonly epoch: {readonly epoch: number; readonly cursor: number; readonly order: readonly number[]};
		/** Informative: the samples held out, as the seed's split gave them. */
		readonly testSamples: readonly number[];
	};
};

/** The trainer as a checkpoint; a diverged run has no finite weights to continue from. */
export function checkpointOf(trainer: Trainer): Checkpoint | {readonly problem: string} {
	if (trainer.divergedAt !== undefined) {
		return {problem: `diverged at iteration ${trainer.divergedAt}: the weights are not finite numbers, so there is no checkpoint to write`};
	}

	if (trainer.walk.count > 0) {
		// mid-walk the batch is drawn and perhaps the weights updated, but the iteration not counted
		return {problem: 'in the middle of a phase walk: finish the iteration (s or p), then write the checkpoint'};
	}

	const {setup, network} = trainer;
	const state = trainer.saveTraining();
	const {weights: _given, ...rest} = setup;
	return {
		format: 'descent-checkpoint',
		version: 2,
		setup: {...rest, batch: setup.batch ?? null},
		training: {
			iteration: state.iteration,
			learningRate: state.learningRate,
			weights: nest(network.shape, state.weights),
			optimizer: {
				buffers: Object.fromEntries(network.optimizer.buffers.map((name, k) => [name, nest(network.shape, state.optimizer.buffers[k]!)])),
				step: state.optimizer.step,
			},
			random: {key: Array.from(state.random.key), position: state.random.position, ...(state.random.gauss !== undefined && {gauss: state.random.gauss})},
			epoch: {epoch: state.epoch.epoch, cursor: state.epoch.cursor, order: [...state.epoch.order]},
			testSamples: [...trainer.split.test],
		},
	};
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

	if (version !== 2) {
		return {problem: `checkpoint version ${String(version)} is not one this descent reads (1 or 2)`};
	}

	const {setup: rawSetup, training} = data as {setup?: unknown; training?: unknown};
	const setup = readSetup(rawSetup);
	if (isProblem(setup)) {
		return setup;
	}

	const state = readTraining(training, setup);
	return isProblem(state) ? state : {setup, state};
}
