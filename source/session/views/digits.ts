import {classOf} from '../../core/maths/evaluate.js';
import type {Trainer} from '../../core/training/trainer.js';
import {classNames} from './confusion.js';
import {forwardWeights, type ViewContext} from './context.js';

export type DigitsData = {
	/** The followed sample, from 0, and whether it is held out. */
	readonly sample: number;
	readonly test: boolean;
	/** Every sample, training and test: what the misclassified are counted among. */
	readonly sampleCount: number;
	/** The image: `pixels[row * width + column]`, 0 (background) to 1 (ink). */
	readonly width: number;
	readonly height: number;
	readonly pixels: readonly number[];
	readonly classes: readonly string[];
	readonly target: number;
	/** Its outputs in the forward pass the samples show (softmax: probabilities), and the class they say. */
	readonly outputs: readonly number[];
	readonly predicted: number;
	/** The samples the current weights get wrong (as last measured): how many, and the nearest before and after the followed one, round the end. */
	readonly wrong: {readonly count: number; readonly previous: number | undefined; readonly next: number | undefined};
};

/** The followed sample as a picture, with what the network says it is. */
export function digitsOf(trainer: Trainer, _request: Record<string, never>, context: ViewContext): DigitsData {
	const {data, split, evaluator, network} = trainer;
	const image = context.packaged?.image ?? {width: 1, height: data.inputCount};
	const sample = Math.min(context.sample, data.count - 1);
	const pixels = Array.from(data.inputs.subarray(sample * data.inputCount, (sample + 1) * data.inputCount));
	const outputs = Array.from(evaluator.forward(forwardWeights(trainer), data.inputs, sample * data.inputCount)[network.depth]!);
	const targetOf = (s: number) => classOf(data.targets.subarray(s * data.outputCount, (s + 1) * data.outputCount));
	const wrong: number[] = [];
	if (context.predictions) {
		for (let s = 0; s < data.count; s++) {
			if (context.predictions[s] !== targetOf(s)) {
				wrong.push(s);
			}
		}
	}

	return {
		sample,
		test: split.test.includes(sample),
		sampleCount: data.count,
		width: image.width,
		height: image.height,
		pixels,
		classes: classNames(data.outputCount, context.packaged?.classes),
		target: targetOf(sample),
		outputs,
		predicted: classOf(outputs),
		wrong: {
			count: wrong.length,
			previous: wrong.findLast(s => s < sample) ?? wrong.at(-1),
			next: wrong.find(s => s > sample) ?? wrong[0],
		},
	};
}
