import {generateDataset, type DatasetName} from './data/datasets.js';
import type {PackagedName} from './data/packaged.js';
import type {Sample} from './data/samples.js';
import type {Setup} from './setup.js';
import {PARAMETER_DEFAULTS, parameterOf} from './maths/optimizers.js';

/**
 * A named run: its description for --help, its setup but the seed, and the dataset its
 * samples come from, if any. A packaged dataset's samples are read when the run starts
 * (source/cli/packaged.ts): its preset's own list is empty.
 */
export type Preset = {
	readonly name: string;
	readonly description: string;
	readonly setup: Omit<Setup, 'seed'>;
	readonly dataset?: DatasetName | PackagedName;
};

/** The tutorial's choices: what every flag defaults to. */
export const TUTORIAL: Omit<Setup, 'seed' | 'layers' | 'samples'> = {
	activation: 'sigmoid',
	outputActivation: 'sigmoid',
	bias: false,
	loss: 'squared',
	optimizer: 'sgd',
	// each optimizer's own parameter (momentum's μ), its entry's default
	...PARAMETER_DEFAULTS,
	l1: 0,
	l2: 0,
	init: 'rand',
	batch: undefined,
	test: 0,
	learningRate: 0.001,
	limit: 80_000,
};

/** The training choices that differ from the tutorial's, in words: `tanh output`, `adam`, `momentum 0.9`, `L2 0.01`, `xavier init`. */
export function choicesOf(setup: Setup): string[] {
	const choices: string[] = [];
	if (setup.outputActivation !== setup.activation) {
		choices.push(`${setup.outputActivation} output`);
	}

	if (setup.loss !== TUTORIAL.loss) {
		choices.push(setup.loss);
	}

	if (setup.optimizer !== TUTORIAL.optimizer) {
		const parameter = parameterOf(setup.optimizer, setup);
		choices.push(parameter ? `${setup.optimizer} ${parameter.value}` : setup.optimizer);
	}

	if (setup.l1 > 0) {
		choices.push(`L1 ${setup.l1}`);
	}

	if (setup.l2 > 0) {
		choices.push(`L2 ${setup.l2}`);
	}

	if (setup.init !== TUTORIAL.init) {
		choices.push(`${setup.init} init`);
	}

	return choices;
}

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

/** A dataset's run, as the Playground would set it: tanh hidden layers, a sigmoid output with cross-entropy for classes, a fifth of the samples held out. */
function datasetPreset(dataset: DatasetName, description: string, choices: Partial<Omit<Setup, 'seed' | 'samples'>> & Pick<Setup, 'layers'>): Preset {
	const regression = dataset === 'plane' || dataset === 'sine';
	return {
		name: dataset === 'xor' ? 'xor-cloud' : dataset,
		description,
		dataset,
		setup: {
			...TUTORIAL,
			activation: 'tanh',
			outputActivation: regression ? 'linear' : 'sigmoid',
			loss: regression ? 'squared' : 'cross-entropy',
			bias: true,
			init: 'xavier',
			test: 0.2,
			samples: generateDataset(dataset),
			...choices,
		},
	};
}

presets.push(
	datasetPreset('circle', 'a disc inside a ring: 2-4-1, Adam', {layers: [2, 4, 1], optimizer: 'adam', learningRate: 0.03, limit: 2000}),
	datasetPreset('gauss', 'two clusters: 2-2-1, plain gradient descent', {layers: [2, 2, 1], learningRate: 0.5, limit: 1000}),
	datasetPreset('xor', "the XOR dataset's 200 points: 2-4-1, Adam", {layers: [2, 4, 1], optimizer: 'adam', learningRate: 0.03, limit: 2000}),
	datasetPreset('spiral', 'two spiral arms: 2-8-8-1, Adam', {layers: [2, 8, 8, 1], optimizer: 'adam', learningRate: 0.01, limit: 5000}),
	datasetPreset('plane', 'regression of a plane: 2-3-1', {layers: [2, 3, 1], learningRate: 0.1, limit: 2000}),
	datasetPreset('sine', 'regression of sin x: 1-16-1, Adam', {layers: [1, 16, 1], optimizer: 'adam', learningRate: 0.02, limit: 5000}),
);

/** Real data, as a first course would set it: softmax over the classes with cross-entropy, Adam, a fifth held out. */
function packagedPreset(dataset: PackagedName, description: string, choices: Partial<Omit<Setup, 'seed' | 'samples'>> & Pick<Setup, 'layers'>): Preset {
	return {
		name: dataset,
		description,
		dataset,
		setup: {
			...TUTORIAL,
			outputActivation: 'softmax',
			loss: 'cross-entropy',
			optimizer: 'adam',
			bias: true,
			test: 0.2,
			samples: [],
			...choices,
		},
	};
}

presets.push(
	packagedPreset('iris', 'the iris flowers: 4-8-3, tanh, softmax, Adam', {
		layers: [4, 8, 3],
		activation: 'tanh',
		init: 'xavier',
		learningRate: 0.01,
		limit: 1000,
	}),
	packagedPreset('mnist', 'handwritten digits: 784-32-10, relu, softmax, Adam, batches of 32', {
		layers: [784, 32, 10],
		activation: 'relu',
		init: 'he',
		batch: 32,
		learningRate: 0.001,
		limit: 1000,
	}),
);

export const PRESETS: ReadonlyMap<string, Preset> = new Map(presets.map(preset => [preset.name, preset]));
export const DEFAULT_PRESET = 'tutorial-3';
