import {hasClassTargets} from '../core/data/samples.js';
import type {Setup} from '../core/setup.js';
import type {LearningRateChange} from '../core/training/trainer-state.js';
import type {Trainer} from '../core/training/trainer.js';

/** How a run ended, as plain data: what the end-of-run summary says, headless or after the dashboard. */
export type RunEnd = {
	/** `stopped`: quit while it was running. */
	readonly state: 'done' | 'diverged' | 'paused' | 'stopped';
	readonly iteration: number;
	readonly limit: number;
	readonly elapsedMs: number;
	/** The last iteration's error; NaN before the first. */
	readonly error: number;
	/** The error of the final weights over the training samples. */
	readonly finalError: number;
	readonly testError: number | undefined;
	/** With class targets: the share of training (and test) samples classed right by the final weights. */
	readonly accuracy: number | undefined;
	readonly testAccuracy: number | undefined;
	readonly divergedAt: number | undefined;
	readonly reachedAt: number | undefined;
	/** The first samples' predicted outputs with the final weights. */
	readonly predicted: ReadonlyArray<{readonly predicted: readonly number[]; readonly target: readonly number[]}>;
	readonly sampleCount: number;
	/** What happened to each file asked for. */
	readonly written: readonly string[];
	/** The setup the run ended with (a reset changes the seed, and may change the learning rate, optimizer or batch). */
	readonly setup: Setup;
	readonly learningRateChanges: readonly LearningRateChange[];
};

const SHOWN_SAMPLES = 8;

export function runEndOf(trainer: Trainer, state: RunEnd['state'], elapsedMs: number, written: readonly string[]): RunEnd {
	const {network, data, split, evaluator} = trainer;
	const weights = network.weights;
	const shown = Array.from({length: Math.min(SHOWN_SAMPLES, data.count)}, (_, s) => ({
		predicted: [...evaluator.forward(weights, data.inputs, s * data.inputCount)[network.depth]!],
		target: [...data.targets.subarray(s * data.outputCount, (s + 1) * data.outputCount)],
	}));
	// a learning rate set before the first update is the run's own: flags reproduce it
	const atStart = trainer.learningRates.changes.filter(change => change.iteration === 0).at(-1);
	const classes = hasClassTargets(trainer.setup.samples);
	const hasTest = split.test.length > 0;
	return {
		state,
		iteration: trainer.iteration,
		limit: trainer.setup.limit,
		elapsedMs,
		error: network.error,
		finalError: trainer.trainError(),
		testError: hasTest ? trainer.testError() : undefined,
		accuracy: classes ? evaluator.measure(weights, data, split.train).accuracy : undefined,
		testAccuracy: classes && hasTest ? evaluator.measure(weights, data, split.test).accuracy : undefined,
		divergedAt: trainer.divergedAt,
		reachedAt: trainer.reachedAt,
		predicted: shown,
		sampleCount: data.count,
		written,
		setup: {...trainer.setup, learningRate: atStart?.learningRate ?? trainer.setup.learningRate},
		learningRateChanges: trainer.learningRates.changes,
	};
}
