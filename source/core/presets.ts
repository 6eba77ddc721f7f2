import type {Activation, Sample} from './network.js';

export type Preset = {
	readonly name: string;
	readonly description: string;
	readonly layers: readonly number[];
	readonly activation: Activation;
	readonly bias: boolean;
	readonly samples: readonly Sample[];
	readonly learningRate: number;
	readonly iterations: number;
};

const tutorial = {activation: 'sigmoid', bias: false, learningRate: 0.001, iterations: 80_000} as const;

export const PRESETS: Readonly<Record<string, Preset>> = {
	'tutorial-3': {
		...tutorial,
		name: 'tutorial-3',
		description: "the tutorial's network: 3 inputs, 2 hidden neurons, 1 output, target 0.2",
		layers: [3, 2, 1],
		samples: [{x: [0.1, 0.4, 4.1], t: [0.2]}],
	},
	'tutorial-10': {
		...tutorial,
		name: 'tutorial-10',
		description: 'the same with 10 inputs',
		layers: [10, 2, 1],
		samples: [{x: [0.1, 0.4, 4.1, 4.3, 1.8, 2, 0.01, 0.9, 3.8, 1.6], t: [0.2]}],
	},
	xor: {
		name: 'xor',
		description: 'XOR of two inputs: 2-3-1 with biases, four samples',
		layers: [2, 3, 1],
		activation: 'sigmoid',
		bias: true,
		learningRate: 1,
		iterations: 5000,
		samples: [
			{x: [0, 0], t: [0]},
			{x: [0, 1], t: [1]},
			{x: [1, 0], t: [1]},
			{x: [1, 1], t: [0]},
		],
	},
};

export const DEFAULT_PRESET = 'tutorial-3';
