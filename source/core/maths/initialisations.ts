import type {NumpyRandom} from './random.js';
import {registry} from './registry.js';
import {flatten, shapeOf, weightCount, type NestedWeights} from '../shape.js';

/**
 * How the initial weights are drawn: one value at a time, row by row, layer by layer,
 * from numpy's generator right after `numpy.random.seed(seed)` (the reference runs' rule).
 * `inputs` and `outputs` are the sizes of the layers a weight connects.
 */
export type Initialisation = {
	readonly name: string;
	readonly description: string;
	readonly draw: (random: NumpyRandom, inputs: number, outputs: number) => number;
	/** The same draw in numpy, for the exported script: one row of `row` weights between layers of `n_in` and `n_out` neurons. */
	readonly numpy: string;
};

export const INITIALISATIONS = registry<Omit<Initialisation, 'name'>>()({
	rand: {
		description: 'numpy.random.rand(): [0, 1), the tutorial’s',
		draw: (random: NumpyRandom) => random.rand(),
		numpy: 'np.random.rand(row)',
	},
	uniform: {
		description: 'uniform(−0.5, 0.5)',
		draw: (random: NumpyRandom) => random.uniform(-0.5, 0.5),
		numpy: 'np.random.uniform(-0.5, 0.5, row)',
	},
	xavier: {
		description: 'uniform(−a, a), a = √(6 / (inputs + outputs))',
		draw(random: NumpyRandom, inputs: number, outputs: number) {
			const a = Math.sqrt(6 / (inputs + outputs));
			return random.uniform(-a, a);
		},
		numpy: 'np.random.uniform(-np.sqrt(6.0 / (n_in + n_out)), np.sqrt(6.0 / (n_in + n_out)), row)',
	},
	he: {
		description: 'uniform(−a, a), a = √(6 / inputs)',
		draw(random: NumpyRandom, inputs: number) {
			const a = Math.sqrt(6 / inputs);
			return random.uniform(-a, a);
		},
		numpy: 'np.random.uniform(-np.sqrt(6.0 / n_in), np.sqrt(6.0 / n_in), row)',
	},
});

export type InitialisationName = (typeof INITIALISATIONS.names)[number];

/** What of a run's setup its starting weights depend on. */
type Starting = {
	readonly layers: readonly number[];
	readonly bias: boolean;
	readonly init: InitialisationName;
	readonly weights?: NestedWeights | undefined;
};

/**
 * The weights a run starts from: given by hand (`--weights`), or drawn row by row, layer
 * by layer, one draw a weight, as numpy's `rand(row)` calls in turn.
 */
export function startingWeights(setup: Starting, random: NumpyRandom): Float64Array {
	const {layers, bias} = setup;
	const weights = new Float64Array(weightCount(layers, bias));
	if (setup.weights) {
		flatten(shapeOf(layers, bias), setup.weights, weights);
		return weights;
	}

	const {draw} = INITIALISATIONS.entries[setup.init];
	let k = 0;
	for (let l = 0; l + 1 < layers.length; l++) {
		for (let j = 0; j < layers[l + 1]!; j++) {
			for (let i = 0; i < layers[l]! + (bias ? 1 : 0); i++) {
				weights[k++] = draw(random, layers[l]!, layers[l + 1]!);
			}
		}
	}

	return weights;
}
