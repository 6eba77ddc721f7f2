import {chainOf} from './chain.js';
import {describePhase} from './iteration.js';
import {mapOf, type MapRequest} from './map.js';
import {activationName, neuronName, sopName, weightRefAt, type WeightRef} from './names.js';
import type {Phase} from './iteration.js';
import type {Plane} from './plane.js';
import {hasClassTargets} from './samples.js';
import {choicesOf} from './setup.js';
import type {CheckStatus, Diagram, PreviousRun, RunFacts, SampleRow, Snapshot, Status, WeightRow, Window} from './snapshot.js';
import type {Trainer} from './trainer.js';

/** What the screen asks for: the selected weight and sample, and the rows it has room for. */
export type View = {
	/** Flat index of the selected weight. */
	readonly selected: number;
	/** Index of the sample the chain and the diagram follow. */
	readonly sample: number;
	readonly weightStart: number;
	readonly weightRows: number;
	readonly sampleStart: number;
	readonly sampleRows: number;
	/** The map's size and layer, when the screen shows it. */
	readonly map: MapRequest | undefined;
};

export const DEFAULT_VIEW: View = {selected: 0, sample: 0, weightStart: 0, weightRows: 64, sampleStart: 0, sampleRows: 16, map: undefined};

/** The errors and accuracies of the current weights over all samples: they cost a forward pass each, so the session decides how often. */
export type Evaluation = Pick<Status, 'trainError' | 'testError' | 'accuracy' | 'testAccuracy'> & {readonly initialError: number};

/** What the session knows besides the trainer. */
export type SnapshotContext = {
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
	/** The data's input plane, when it has one or two coordinates. */
	readonly plane: Plane | undefined;
};

// rows sent beyond those on screen, so that a key moving the selection finds them there
const MARGIN = 24;
/** Below this every gradient counts as vanished. */
const VANISHED = 1e-10;

export function evaluationOf(trainer: Trainer, classes: boolean): Evaluation {
	const {evaluator, network, data, split} = trainer;
	const hasTest = split.test.length > 0;
	const train = evaluator.measure(network.weights, data, split.train);
	const test = hasTest ? evaluator.measure(network.weights, data, split.test) : undefined;
	return {
		// before the first iteration the status shows the initial weights' error (the weights are still those)
		initialError: trainer.iteration === 0 ? train.error : Number.NaN,
		trainError: hasTest ? train.error : undefined,
		testError: test?.error,
		accuracy: classes ? train.accuracy : undefined,
		testAccuracy: classes ? test?.accuracy : undefined,
	};
}

export function runFactsOf(trainer: Trainer): RunFacts {
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
	};
}

export function snapshotOf(trainer: Trainer, context: SnapshotContext, run = runFactsOf(trainer)): Snapshot {
	const {network} = trainer;
	const {view} = context;
	const walking = trainer.phase > 0;
	const phasesDone = trainer.phases.slice(0, trainer.phase);
	const gradientsKnown = !walking && network.hasIteration;
	const selected = weightRefAt(network.shape.layers, network.shape.bias, Math.min(view.selected, network.shape.weightCount - 1));
	const position = positionInBatch(trainer, view.sample);
	const chainReady = network.hasIteration && (!walking || phasesDone.some(phase => phase.kind === 'backward'));
	return {
		runId: context.runId,
		handled: context.handled,
		run,
		status: statusOf(trainer, context),
		weights: weightWindow(trainer, view, gradientsKnown || phasesDone.some(phase => phase.kind === 'gradients'), gradientsKnown, context.checked),
		chain: chainReady
			? {
					...chainOf(
						network,
						selected,
						Math.max(0, position),
						trainer.learningRateAt(Math.max(0, trainer.iteration - (walking ? 0 : 1))),
						walking ? network.weights : network.previousWeights,
					),
					sample: trainer.batchSampleAt(Math.max(0, position)),
				}
			: undefined,
		samples: sampleWindow(trainer, view),
		diagram: diagramOf(trainer, view.sample, position),
		map: context.plane && view.map ? mapOf(trainer, context.plane, view.map, weightsShown(trainer)) : undefined,
		mapAvailable: context.plane !== undefined,
		history: {
			start: trainer.errorHistory.start,
			error: trainer.errorHistory.points(),
			output: trainer.outputHistories[0]?.points() ?? [],
			target: trainer.data.targets[trainer.split.train[0]! * trainer.data.outputCount] ?? 0,
			test: trainer.testHistory.points(),
			batchError: !trainer.schedule.fullBatch,
		},
		previous: context.previous,
		next: context.next,
		check: context.check,
		phase: walking
			? {
					done: trainer.phase,
					total: trainer.phases.length,
					last: phasesDone.at(-1)!,
					description: describePhase(phasesDone.at(-1)!, network),
					reached: phasesDone.flatMap(phase => (phase.kind === 'backward' ? [phase.layer] : phase.kind === 'gradients' ? [0] : [])),
					values: phaseValues(trainer, phasesDone.at(-1)!, Math.max(0, position), selected),
				}
			: undefined,
		notices: noticesOf(trainer),
	};
}

function statusOf(trainer: Trainer, context: SnapshotContext): Status {
	const {network} = trainer;
	const status = trainer.status;
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
		error: network.hasIteration && trainer.iteration > 0 ? network.error : context.evaluation.initialError,
		trainError: context.evaluation.trainError,
		testError: context.evaluation.testError,
		accuracy: context.evaluation.accuracy,
		testAccuracy: context.evaluation.testAccuracy,
		earliestReachable: trainer.earliestReachable,
		learningRateChanges: [...trainer.learningRateChanges],
	};
}

/** The weights the shown forward pass used: before the last update, or the current ones during a phase walk. */
function weightsShown(trainer: Trainer): Float64Array {
	return trainer.phase > 0 ? trainer.network.weights : trainer.network.previousWeights;
}

function weightWindow(trainer: Trainer, view: View, gradients: boolean, changes: boolean, checked: ReadonlyMap<number, number> | undefined): Window<WeightRow> {
	const {network} = trainer;
	const total = network.shape.weightCount;
	const start = Math.max(0, Math.min(view.weightStart, view.selected) - MARGIN);
	const end = Math.min(total, Math.max(view.weightStart + view.weightRows, view.selected + 1) + MARGIN);
	const rows: WeightRow[] = [];
	for (let k = start; k < end; k++) {
		rows.push({
			...weightRefAt(network.shape.layers, network.shape.bias, k),
			value: network.weights[k]!,
			change: changes ? network.changes[k] : undefined,
			gradient: gradients ? network.gradients[k] : undefined,
			check: checked?.get(k),
		});
	}

	return {start, total, rows};
}

function sampleWindow(trainer: Trainer, view: View): Window<SampleRow> {
	const {data, evaluator, split, network} = trainer;
	const weights = weightsShown(trainer);
	const isTest = new Set(split.test);
	const inBatch = batchMembers(trainer);
	const start = Math.max(0, Math.min(view.sampleStart, data.count - 1));
	const end = Math.min(data.count, start + view.sampleRows + MARGIN);
	const rows: SampleRow[] = [];
	for (let s = start; s < end; s++) {
		const predicted = [...evaluator.forward(weights, data.inputs, s * data.inputCount)[network.depth]!];
		const target = [...data.targets.subarray(s * data.outputCount, (s + 1) * data.outputCount)];
		const error = predicted.reduce((sum, p, k) => sum + network.outputError(p, target[k]!), 0);
		const inputs = [...data.inputs.subarray(s * data.inputCount, (s + 1) * data.inputCount)];
		rows.push({index: s, inputs, target, predicted, error, test: isTest.has(s), inBatch: inBatch.has(s)});
	}

	return {start, total: data.count, rows};
}

/** The samples of the last batch (or of the batch being walked through). */
function batchMembers(trainer: Trainer): ReadonlySet<number> {
	return new Set(Array.from({length: trainer.network.batchSize}, (_, b) => trainer.batchSampleAt(b)));
}

/** Where sample `s` sits in the last batch, or -1. */
function positionInBatch(trainer: Trainer, s: number): number {
	for (let b = 0; b < trainer.network.batchSize; b++) {
		if (trainer.batchSampleAt(b) === s) {
			return b;
		}
	}

	return -1;
}

/** Networks with more neurons in a layer than this are summarised, not drawn. */
export const MAX_DRAWN_NEURONS = 12;

function diagramOf(trainer: Trainer, sample: number, position: number): Diagram {
	const {network, data, evaluator} = trainer;
	const {layers, bias} = network.shape;
	const s = Math.min(sample, data.count - 1);
	let activations: Array<readonly number[] | undefined>;
	if (trainer.phase > 0) {
		// a phase walk shows what it has computed so far, for the sample's place in the batch
		const computed = trainer.phases.slice(0, trainer.phase).filter(phase => phase.kind === 'forward').length;
		activations = layers.map((n, l) => (l <= computed && position >= 0 ? [...network.activations[l]!.subarray(position * n, (position + 1) * n)] : undefined));
		activations[0] = [...data.inputs.subarray(s * data.inputCount, (s + 1) * data.inputCount)];
	} else {
		activations = evaluator.forward(weightsShown(trainer), data.inputs, s * data.inputCount).map(layer => [...layer]);
	}

	const summary = activations.map(values =>
		values && values.length > 0 ? {min: Math.min(...values), mean: values.reduce((sum, v) => sum + v, 0) / values.length, max: Math.max(...values)} : undefined,
	);
	const drawable = layers.every(n => n <= MAX_DRAWN_NEURONS);
	return {layers, bias, sample: s, weights: drawable ? [...weightsShown(trainer)] : [], activations: drawable ? activations : [], summary};
}

/** The numbers a phase computed for the sample at `position` of the batch. */
function phaseValues(trainer: Trainer, phase: Phase, position: number, selected: WeightRef): Array<{name: string; value: number}> {
	const {network} = trainer;
	const {layers} = network.shape;
	const layer = (l: number, read: (x: number, j: number) => Array<{name: string; value: number}>) =>
		Array.from({length: layers[l]!}, (_, j) => read(position * layers[l]! + j, j)).flat();
	switch (phase.kind) {
		case 'forward': {
			const l = phase.layer;
			return layer(l, (x, j) => [
				{name: sopName(layers, l, j), value: network.sops[l]![x]!},
				{name: activationName(layers, l, j), value: network.activations[l]![x]!},
			]);
		}

		case 'error': {
			return [{name: 'Error', value: network.error}];
		}

		case 'backward': {
			const l = phase.layer;
			return layer(l, (x, j) => [{name: `δ ${neuronName(layers, l, j)} = dError/d${sopName(layers, l, j)}`, value: network.deltas[l]![x]!}]);
		}

		case 'gradients': {
			return [{name: `gradient of ${selected.name}`, value: network.gradients[selected.index]!}];
		}

		case 'update': {
			return [{name: selected.name, value: network.weights[selected.index]!}];
		}
	}
}

function noticesOf(trainer: Trainer): string[] {
	const {network, setup} = trainer;
	if (!network.hasIteration || trainer.phase > 0 || trainer.divergedAt !== undefined) {
		return [];
	}

	let largest = 0;
	for (const gradient of network.gradients) {
		largest = Math.max(largest, Math.abs(gradient));
	}

	const saturating = setup.activation === 'sigmoid' || setup.activation === 'tanh';
	if (largest < VANISHED && network.error > 1e-6 && saturating) {
		return [
			`every gradient is below ${VANISHED} (largest ${largest.toExponential(1)}): the ${setup.activation} neurons are saturated, so learning has all but stopped; try fewer inputs, smaller weights (--init xavier) or relu`,
		];
	}

	return [];
}
