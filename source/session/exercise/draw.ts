/** Hand-friendly numbers drawn from an exercise's seed: weights, inputs and targets of 1 or 2 significant digits. */
import {ACTIVATIONS} from '../../core/maths/activations.js';
import {OPTIMIZERS} from '../../core/maths/optimizers.js';
import type {NumpyRandom} from '../../core/maths/random.js';
import type {NestedWeights} from '../../core/shape.js';
import type {ExerciseChoices} from './types.js';

const steps = (from: number, to: number, over: number) => Array.from({length: to - from + 1}, (_, k) => (from + k) / over);

/** 0.05, 0.1, 0.15 … 0.95: a weight's size. */
const WEIGHT_SIZES = steps(1, 19, 20);
/** 0.1 … 0.9, and 1.0 … 4.0 in tenths: the tutorial's inputs are 0.1, 0.4 and 4.1. */
const SMALL_INPUTS = steps(1, 9, 10);
const LARGE_INPUTS = steps(10, 40, 10);
/** Targets in twentieths, from -2 to 2, inside the output's range. */
const TARGETS = steps(-40, 40, 20).filter(t => t !== 0);
/** The share of negative weights. */
const NEGATIVE = 0.3;

const pick = <T>(random: NumpyRandom, list: readonly T[]): T => list[Math.floor(random.rand() * list.length)]!;

export type Drawn = {
	readonly weights: NestedWeights;
	readonly inputs: number[];
	readonly target: number[];
	/** The learning rates to try, in the order drawn: the first that moves every asked weight visibly is taken. */
	readonly learningRates: readonly number[];
};

/** One candidate network: every number from the seed's generator, in a fixed order (weights row by row, inputs, targets, learning rates). */
export function draw(random: NumpyRandom, choices: ExerciseChoices): Drawn {
	const {layers, bias} = choices;
	const weights = layers
		.slice(1)
		.map((n, l) =>
			Array.from({length: n}, () => Array.from({length: layers[l]! + (bias ? 1 : 0)}, () => (random.rand() < NEGATIVE ? -1 : 1) * pick(random, WEIGHT_SIZES))),
		);
	const inputs = Array.from({length: layers[0]!}, () => pick(random, random.rand() < 0.5 ? SMALL_INPUTS : LARGE_INPUTS));
	const outputs = layers.at(-1)!;
	const output = ACTIVATIONS.entries[choices.outputActivation];
	let target: number[];
	if (output.outputOnly) {
		// softmax: one class, one-hot
		const hot = Math.floor(random.rand() * outputs);
		target = Array.from({length: outputs}, (_, k) => (k === hot ? 1 : 0));
	} else {
		const [low, high] = output.range;
		const inside = TARGETS.filter(t => t > low && t < high);
		target = Array.from({length: outputs}, () => pick(random, inside));
	}

	const rates = OPTIMIZERS.entries[choices.optimizer].exerciseRates;
	const first = Math.floor(random.rand() * rates.length);
	const learningRates = choices.learningRate === undefined ? [...rates.slice(first), ...rates.slice(0, first)] : [choices.learningRate];
	return {weights, inputs, target, learningRates};
}
