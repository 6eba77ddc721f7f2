import {describePhase} from '../../core/training/iteration.js';
import {EMPTY_SERIES} from '../../core/training/history.js';
import {weightRefAt} from '../../core/names.js';
import {hasClassTargets} from '../../core/data/samples.js';
import {choicesOf} from '../../core/presets.js';
import {UPDATE_REACHED, type CheckStatus, type PreviousRun, type RunFacts, type Snapshot, type Status, type View} from './snapshot.js';
import {noticesOf, phaseValues} from './snapshot-network.js';
import {positionInBatch, type RunData, type ViewContext} from './context.js';
import {raceOf} from './lanes.js';
import {availablePanels, panelsOf} from './panels.js';
import type {Trainer} from '../../core/training/trainer.js';

/** The errors and accuracies of the current weights over all samples: they cost a forward pass each, so the session decides how often. */
export type Evaluation = Pick<Status, 'trainError' | 'testError' | 'accuracy' | 'testAccuracy'> & {
	readonly weightsError: number;
	/** Each sample's class by the current weights, when the targets are classes. */
	readonly predictions: Int32Array | undefined;
};

/** What the session knows besides the trainer. */
export type SnapshotContext = RunData & {
	readonly runId: number;
	readonly handled: number;
	readonly running: boolean;
	readonly stopAt: number | undefined;
	readonly speed: number;
	readonly iterationsPerSecond: number;
	readonly elapsedMs: number;
	readonly view: View;
	readonly evaluation: Evaluation;
	readonly check: CheckStatus | undefined;
	/** Relative differences of the finished check, by flat weight index, when it is of this iteration. */
	readonly checked: ReadonlyMap<number, number> | undefined;
	readonly previous: PreviousRun | undefined;
	/** Choices waiting for the next reset, in a few words. */
	readonly next: string | undefined;
};

export function evaluationOf(trainer: Trainer, classes: boolean): Evaluation {
	const {evaluator, network, data, split} = trainer;
	const hasTest = split.test.length > 0;
	const predictions = classes ? new Int32Array(data.count) : undefined;
	const train = evaluator.measure(network.weights, data, split.train, predictions);
	const test = hasTest ? evaluator.measure(network.weights, data, split.test, predictions) : undefined;
	return {
		// before the first iteration (or the first after --load) the status shows the current weights' error
		weightsError: train.error,
		trainError: hasTest ? train.error : undefined,
		testError: test?.error,
		accuracy: classes ? train.accuracy : undefined,
		testAccuracy: classes ? test?.accuracy : undefined,
		predictions,
	};
}

export function runFactsOf(trainer: Trainer, runData: RunData): RunFacts {
	const {setup, split, schedule, network} = trainer;
	const {samples: _samples, weights: _weights, batch: _batch, ...rest} = setup;
	return {
		...rest,
		sampleCount: setup.samples.length,
		trainCount: split.train.length,
		testCount: split.test.length,
		batchSize: schedule.batchSize,
		fullBatch: schedule.fullBatch,
		weightCount: network.shape.weightCount,
		choices: choicesOf(setup),
		classes: hasClassTargets(setup.samples),
		panels: availablePanels(trainer, runData),
	};
}

export function snapshotOf(trainer: Trainer, context: SnapshotContext, run = runFactsOf(trainer, context)): Snapshot {
	const {network} = trainer;
	const {view} = context;
	const walking = trainer.walk.count > 0;
	const phasesDone = trainer.walk.done;
	const gradientsKnown = !walking && network.hasIteration;
	const selected = weightRefAt(network.shape.layers, network.shape.bias, Math.min(view.selected, network.shape.weightCount - 1));
	const position = positionInBatch(trainer, view.sample);
	const viewContext: ViewContext = {
		selected,
		sample: view.sample,
		position,
		walking,
		gradients: gradientsKnown || phasesDone.some(phase => phase.kind === 'gradients'),
		changes: gradientsKnown || trainer.walk.updateShown,
		// a check is of the iteration it checked: a phase walk shows the next one's
		checked: walking ? undefined : context.checked,
		plane: context.plane,
		packaged: context.packaged,
		predictions: context.evaluation.predictions,
		...(context.lanes && {lanes: context.lanes}),
	};
	return {
		runId: context.runId,
		handled: context.handled,
		run,
		status: statusOf(trainer, context),
		panels: panelsOf(trainer, view.panels, viewContext),
		history: {
			start: trainer.records.error.start,
			error: trainer.records.error.series(),
			output: trainer.records.outputs[0]?.series() ?? EMPTY_SERIES,
			outputSample: trainer.split.train[0] ?? 0,
			target: trainer.data.targets[trainer.split.train[0]! * trainer.data.outputCount] ?? 0,
			test: trainer.records.test.series(),
			batchError: !trainer.schedule.fullBatch,
		},
		previous: context.previous,
		next: context.next,
		check: walking ? undefined : context.check,
		phase: walking
			? {
					done: trainer.walk.count,
					total: trainer.walk.phases.length,
					last: phasesDone.at(-1)!,
					description: describePhase(phasesDone.at(-1)!, network),
					reached: phasesDone.flatMap(phase =>
						phase.kind === 'backward' ? [phase.layer] : phase.kind === 'gradients' ? [0] : phase.kind === 'update' ? [UPDATE_REACHED] : [],
					),
					values: phaseValues(trainer, phasesDone.at(-1)!, Math.max(0, position), selected),
				}
			: undefined,
		notices: noticesOf(trainer),
		...(context.lanes && {race: raceOf(trainer, context.lanes)}),
	};
}

function statusOf(trainer: Trainer, context: SnapshotContext): Status {
	const status = trainer.status;
	// the history's, not the network's: during a phase walk the network holds the next iteration's error; a run loaded from
	// a checkpoint without the state before it (of an earlier descent) has no iteration to show, so its weights' error, as the panels
	const recorded = trainer.records.error.latest !== undefined && (trainer.network.hasIteration || trainer.walk.count > 0);
	return {
		state: status === 'training' ? (context.running ? 'running' : 'paused') : status,
		stopAt: context.running ? context.stopAt : undefined,
		divergedAt: trainer.divergedAt,
		reached: trainer.reachedAt === undefined ? undefined : {iteration: trainer.reachedAt, error: trainer.setup.untilError!},
		iteration: trainer.iteration,
		epoch: trainer.epoch,
		learningRate: trainer.learningRate,
		speed: context.speed,
		iterationsPerSecond: context.running ? context.iterationsPerSecond : 0,
		elapsedMs: context.elapsedMs,
		error: recorded ? trainer.records.error.latest : context.evaluation.weightsError,
		errorRecorded: recorded,
		trainError: context.evaluation.trainError,
		testError: context.evaluation.testError,
		accuracy: context.evaluation.accuracy,
		testAccuracy: context.evaluation.testAccuracy,
		earliestReachable: trainer.earliestReachable,
		learningRateChanges: [...trainer.learningRates.changes],
	};
}
