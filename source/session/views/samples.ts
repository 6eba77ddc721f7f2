import type {Trainer} from '../../core/training/trainer.js';
import {MARGIN, weightsShown, type RowsRequest, type Window} from './context.js';

export type SampleRow = {
	readonly index: number;
	readonly inputs: readonly number[];
	readonly target: readonly number[];
	/** The forward pass with the weights the last iteration used (the initial weights before it). */
	readonly predicted: readonly number[];
	readonly error: number;
	readonly test: boolean;
	/** In the last iteration's batch. */
	readonly inBatch: boolean;
};

/** The samples panel: a window of the samples from the first row on screen, each with its forward pass. */
export function samplesOf(trainer: Trainer, request: RowsRequest): Window<SampleRow> {
	const {data, evaluator, split, network} = trainer;
	const weights = weightsShown(trainer);
	const isTest = new Set(split.test);
	const inBatch = batchMembers(trainer);
	const start = Math.max(0, Math.min(request.start, data.count - 1));
	const end = Math.min(data.count, start + request.rows + MARGIN);
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
