/** What an exercise is: a small network with hand-friendly numbers, and questions on one iteration of it. */
import type {ActivationName} from '../../core/maths/activations.js';
import type {LossName} from '../../core/maths/losses.js';
import type {OptimizerName} from '../../core/maths/optimizers.js';
import type {Setup} from '../../core/setup.js';
import type {NestedWeights} from '../../core/shape.js';
import type {Network} from '../../core/maths/network.js';
import type {Explained} from '../explain-types.js';

/** Which part of the iteration the questions walk. */
export const EXERCISE_KINDS = ['forward', 'backward', 'update', 'all'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

/** What a question asks for, in the order of an iteration. */
export const QUANTITIES = ['sop', 'activation', 'output', 'error', 'delta', 'gradient', 'new-weight'] as const;
export type Quantity = (typeof QUANTITIES)[number];

/** The kind each quantity belongs to. */
export const KIND_OF: Readonly<Record<Quantity, Exclude<ExerciseKind, 'all'>>> = {
	sop: 'forward',
	activation: 'forward',
	output: 'forward',
	error: 'forward',
	delta: 'backward',
	gradient: 'backward',
	'new-weight': 'update',
};

/** An answer counts as right within this fraction of the exact value: room for working to 4 significant digits. */
export const TOLERANCE = 0.005;

/** The choices an exercise is made from: the network as in training; the learning rate drawn when not given. */
export type ExerciseChoices = {
	readonly layers: readonly number[];
	readonly activation: ActivationName;
	readonly outputActivation: ActivationName;
	readonly bias: boolean;
	readonly loss: LossName;
	readonly optimizer: OptimizerName;
	readonly learningRate?: number;
	readonly kind: ExerciseKind;
};

/** One number of the iteration, asked or not: its value, how it is named, asked and worked out, and what it is computed from. */
export type Item = {
	readonly id: string;
	readonly quantity: Quantity;
	readonly neuron?: string;
	/** The neuron's layer, 1 for the first hidden layer. */
	readonly layer?: number;
	readonly weight?: string;
	/** Its name on screen: `SOP1`, `Activ1`, `Predicted`, `Error`, `δ(h1)`, `dError/dW41`, `new W41`. */
	readonly label: string;
	/** The question: what to compute, in words. */
	readonly text: string;
	/** The formula to use, with names and no numbers: the hint after two wrong tries. */
	readonly formula: string;
	readonly value: number;
	/** The ids of the items it is computed from (inputs, targets and weights are always shown). */
	readonly needs: readonly string[];
};

/** A question as `--json` prints it. */
export type Question = {
	readonly id: string;
	readonly text: string;
	readonly quantity: Quantity;
	readonly neuron?: string;
	readonly weight?: string;
	readonly answer: number;
	readonly tolerance: number;
};

/** The network as `--json` prints it: `weights[l][j][i]` as in the headless JSON. */
export type ExerciseNetwork = {
	readonly layers: readonly number[];
	readonly activation: ActivationName;
	readonly outputActivation: ActivationName;
	readonly bias: boolean;
	readonly loss: LossName;
	readonly optimizer: OptimizerName;
	readonly learningRate: number;
	readonly weights: NestedWeights;
	readonly samples: ReadonlyArray<{readonly inputs: readonly number[]; readonly target: readonly number[]}>;
};

export type Exercise = {
	readonly seed: number;
	readonly kind: ExerciseKind;
	readonly network: ExerciseNetwork;
	/** Every number of the iteration that a question could ask, by id, in the order of the iteration. */
	readonly items: ReadonlyMap<string, Item>;
	/** The ids asked, in the order they are asked. */
	readonly asked: readonly string[];
	/** The ids shown with their values because a question needs them and none asks them. */
	readonly given: readonly string[];
	readonly setup: Setup;
	/** The iteration worked out, and the network it was worked on: the key's text comes from them. */
	readonly worked: Explained;
	readonly workedOn: Network;
};
