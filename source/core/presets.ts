import type {Sample} from './samples.js';
import type {Setup} from './setup.js';

/** A named run: its description for --help, and its setup but the seed. */
export type Preset = {
	readonly name: string;
	readonly description: string;
	readonly setup: Omit<Setup, 'seed'>;
};

/** The tutorial's choices: what every flag defaults to. */
export const TUTORIAL: Omit<Setup, 'seed' | 'layers' | 'samples'> = {
	activation: 'sigmoid',
	outputActivation: 'sigmoid',
	bias: false,
	loss: 'squared',
	optimizer: 'sgd',
	momentum: 0.9,
	l1: 0,
	l2: 0,
	init: 'rand',
	batch: undefined,
	test: 0,
	learningRate: 0.001,
	limit: 80_000,
};

const XOR: Sample[] = [
	{x: [0, 0], t: [0]},
	{x: [0, 1], t: [1]},
	{x: [1, 0], t: [1]},
	{x: [1, 1], t: [0]},
];

const presets: Preset[] = [
	{
		name: 'tutorial-3',
		description: "the tutorial's network: 3-2-1, target 0.2",
		setup: {...TUTORIAL, layers: [3, 2, 1], samples: [{x: [0.1, 0.4, 4.1], t: [0.2]}]},
	},
	{
		name: 'tutorial-10',
		description: 'the same with 10 inputs',
		setup: {...TUTORIAL, layers: [10, 2, 1], samples: [{x: [0.1, 0.4, 4.1, 4.3, 1.8, 2, 0.01, 0.9, 3.8, 1.6], t: [0.2]}]},
	},
	{
		name: 'xor',
		description: 'XOR: 2-3-1 with biases, four samples',
		setup: {...TUTORIAL, layers: [2, 3, 1], bias: true, learningRate: 1, limit: 5000, samples: XOR},
	},
];

export const PRESETS: ReadonlyMap<string, Preset> = new Map(presets.map(preset => [preset.name, preset]));
export const DEFAULT_PRESET = 'tutorial-3';
