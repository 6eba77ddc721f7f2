/** What `--explain N --json` holds: every value of one iteration, named as the tutorial names it. */
import type {OptimizerStep, ParameterName} from '../core/maths/optimizers.js';
import type {Setup} from '../core/setup.js';

/** One neuron of one sample: its forward and backward values. */
export type NeuronWork = {
	readonly layer: number;
	/** The tutorial's names: `SOP1`, `Activ1`, `Predicted`. */
	readonly sopName: string;
	readonly sop: number;
	readonly activationName: string;
	readonly activation: number;
	/** Output neurons: their share of the sample's error. */
	readonly error?: number;
	/** dError/dActiv (hidden: Σ w · δ of the next layer); dActiv/dSOP. Absent for softmax with cross-entropy, whose δ is Predicted − target. */
	readonly dErrorDActivation?: number;
	readonly dActivationDSop?: number;
	/** dError/dSOP of this sample's error. */
	readonly delta: number;
};

export type SampleWork = {
	/** Its number in the data, from 1. */
	readonly sample: number;
	readonly inputs: Readonly<Record<string, number>>;
	readonly targets: Readonly<Record<string, number>>;
	/** Every non-input neuron by name (`h1`, `out`), layer by layer. */
	readonly neurons: Readonly<Record<string, NeuronWork>>;
	readonly predicted: Readonly<Record<string, number>>;
	readonly error: number;
};

/** One factor of a weight's chain, valued for each sample of the batch. */
export type FactorWork = {
	readonly symbol: string;
	readonly derivative: string;
	readonly formula: string;
	readonly values: readonly number[];
};

export type WeightWork = {
	readonly from: string;
	readonly to: string;
	readonly bias: boolean;
	/** Its value before the update: the forward pass used it. */
	readonly weight: number;
	readonly chain: readonly FactorWork[];
	/** The chain's product for each sample of the batch. */
	readonly products: readonly number[];
	/** With L1 or L2 (not on biases): the mean of δ · input, and the penalty's term. */
	readonly dataGradient?: number;
	readonly penalty?: number;
	readonly gradient: number;
	/** The optimizer's buffers for this weight before the update (momentum: velocity; adam: m, v). */
	readonly before?: Readonly<Record<string, number>>;
	readonly steps: readonly OptimizerStep[];
	readonly change: number;
	readonly newWeight: number;
};

/** Iteration N worked out: what `--explain N --json` prints, and what its text is written from. */
export type Explained = Pick<Setup, 'layers' | 'activation' | 'outputActivation' | 'bias' | 'loss' | 'optimizer' | 'l1' | 'l2' | 'learningRate' | 'seed'> & {
	/** The optimizer's own parameter (`momentum`), when it has one. */
	readonly [Name in ParameterName]?: number;
} & {
	readonly iteration: number;
	/** Adam's t. */
	readonly step?: number;
	readonly trainingSamples: number;
	/** The samples of this iteration's batch, by number. */
	readonly batch: readonly number[];
	readonly samples: readonly SampleWork[];
	/** The batch's mean loss, before the update. */
	readonly error: number;
	readonly weights: Readonly<Record<string, WeightWork>>;
};
