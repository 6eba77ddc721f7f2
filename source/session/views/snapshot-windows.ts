/** The parts of a snapshot that show rows of a long list: the weights and the samples, a window of each. */
import {weightRefAt} from '../../core/names.js';
import type {SampleRow, WeightRow, Window} from './snapshot.js';
import type {View} from './snapshot.js';
import type {Trainer} from '../../core/training/trainer.js';

/** Rows sent beyond those on screen, so that a key moving the selection finds them there. */
const MARGIN = 24;

/** The weights the shown forward pass used: before the last update, or the current ones during a phase walk (until its update runs). */
export function weightsShown(trainer: Trainer): Float64Array {
	return trainer.phase > 0 && !trainer.updateShown ? trainer.network.weights : trainer.network.previousWeights;
}

export function weightWindow(
	trainer: Trainer,
	view: View,
	gradients: boolean,
	changes: boolean,
	checked: ReadonlyMap<number, number> | undefined,
): Window<WeightRow> {
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

export function sampleWindow(trainer: Trainer, view: View): Window<SampleRow> {
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
export function positionInBatch(trainer: Trainer, s: number): number {
	for (let b = 0; b < trainer.network.batchSize; b++) {
		if (trainer.batchSampleAt(b) === s) {
			return b;
		}
	}

	return -1;
}
