import {hasClassTargets} from '../../core/data/samples.js';
import {classOf} from '../../core/maths/evaluate.js';
import type {Trainer} from '../../core/training/trainer.js';
import {classNames} from './confusion.js';
import {errorComputed, forwardWeights, MARGIN, outputComputed, type RowsRequest, type ViewContext, type Window} from './context.js';

export type SampleRow = {
	readonly index: number;
	readonly inputs: readonly number[];
	readonly target: readonly number[];
	/** The forward pass the status line's error comes from (the initial weights' before the first iteration); during a phase walk, the walk's once it has computed the outputs. */
	readonly predicted: readonly number[];
	/** Undefined while a phase walk has computed the outputs but not yet the error. */
	readonly error: number | undefined;
	readonly test: boolean;
	/** In the last iteration's batch. */
	readonly inBatch: boolean;
	/** With classes (see SamplesData): the target's class and the predicted one (the largest output), as the confusion matrix counts them. */
	readonly targetClass?: number;
	readonly predictedClass?: number;
};

export type SamplesData = Window<SampleRow> & {
	/** The classes' names when the targets are classes of several outputs (mnist's digits, iris's species), else undefined. */
	readonly classes: readonly string[] | undefined;
};

/** The samples panel: a window of the samples from the first row on screen, each with its forward pass. */
export function samplesOf(trainer: Trainer, request: RowsRequest, context: ViewContext): SamplesData {
	const {data, evaluator, split, network} = trainer;
	const classes = data.outputCount > 1 && hasClassTargets(trainer.setup.samples) ? classNames(data.outputCount, context.packaged?.classes) : undefined;
	const weights = forwardWeights(trainer);
	const errorKnown = !outputComputed(trainer) || errorComputed(trainer);
	const isTest = new Set(split.test);
	const inBatch = batchMembers(trainer);
	const start = Math.max(0, Math.min(request.start, data.count - 1));
	const end = Math.min(data.count, start + request.rows + MARGIN);
	const rows: SampleRow[] = [];
	for (let s = start; s < end; s++) {
		const predicted = [...evaluator.forward(weights, data.inputs, s * data.inputCount)[network.depth]!];
		const target = [...data.targets.subarray(s * data.outputCount, (s + 1) * data.outputCount)];
		const error = errorKnown ? predicted.reduce((sum, p, k) => sum + network.outputError(p, target[k]!), 0) : undefined;
		const inputs = [...data.inputs.subarray(s * data.inputCount, (s + 1) * data.inputCount)];
		const classOfRow = classes && {targetClass: classOf(target), predictedClass: classOf(predicted)};
		rows.push({index: s, inputs, target, predicted, error, test: isTest.has(s), inBatch: inBatch.has(s), ...classOfRow});
	}

	return {start, total: data.count, rows, classes};
}

/** The samples of the last batch (or of the batch being walked through). */
function batchMembers(trainer: Trainer): ReadonlySet<number> {
	return new Set(Array.from({length: trainer.network.batchSize}, (_, b) => trainer.batchSampleAt(b)));
}
