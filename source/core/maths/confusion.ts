import {classOf, type Evaluator} from './evaluate.js';
import type {SampleData} from '../data/samples.js';

/** The classes an output layer tells apart: two for one output (below or above 0.5), else one per output. */
export function classCount(outputs: number): number {
	return outputs === 1 ? 2 : outputs;
}

/**
 * The confusion matrix over these samples with these weights: `matrix[true][predicted]`,
 * counts of samples, the true class that of the target and the predicted one that of the
 * output (classOf: one output thresholded at 0.5, else the largest).
 */
export function confusionMatrix(evaluator: Evaluator, weights: Float64Array, data: SampleData, samples: ArrayLike<number>): number[][] {
	const classes = classCount(data.outputCount);
	const matrix = Array.from({length: classes}, () => Array.from({length: classes}, () => 0));
	for (let k = 0; k < samples.length; k++) {
		const s = samples[k]!;
		const predicted = classOf(evaluator.forward(weights, data.inputs, s * data.inputCount).at(-1)!);
		const target = classOf(data.targets.subarray(s * data.outputCount, (s + 1) * data.outputCount));
		matrix[target]![predicted]!++;
	}

	return matrix;
}
