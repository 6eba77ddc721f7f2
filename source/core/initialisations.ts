import type {NumpyRandom} from './random.js';
import {registry} from './registry.js';

/**
 * How the initial weights are drawn: one value at a time, row by row, layer by layer,
 * from numpy's generator right after `numpy.random.seed(seed)` (the reference runs' rule).
 * `inputs` and `outputs` are the sizes of the layers a weight connects.
 */
export type Initialisation = {
	readonly name: string;
	readonly description: string;
	readonly draw: (random: NumpyRandom, inputs: number, outputs: number) => number;
};

export const INITIALISATIONS = registry<Omit<Initialisation, 'name'>>()({
	rand: {
		description: 'numpy.random.rand(): [0, 1), the tutorial’s',
		draw: (random: NumpyRandom) => random.rand(),
	},
	uniform: {
		description: 'uniform(−0.5, 0.5)',
		draw: (random: NumpyRandom) => random.uniform(-0.5, 0.5),
	},
	xavier: {
		description: 'uniform(−a, a), a = √(6 / (inputs + outputs))',
		draw(random: NumpyRandom, inputs: number, outputs: number) {
			const a = Math.sqrt(6 / (inputs + outputs));
			return random.uniform(-a, a);
		},
	},
	he: {
		description: 'uniform(−a, a), a = √(6 / inputs)',
		draw(random: NumpyRandom, inputs: number) {
			const a = Math.sqrt(6 / inputs);
			return random.uniform(-a, a);
		},
	},
});

export type InitialisationName = (typeof INITIALISATIONS.names)[number];
