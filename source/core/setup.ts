import type {ActivationName} from './maths/activations.js';
import type {InitialisationName} from './maths/initialisations.js';
import type {LossName} from './maths/losses.js';
import type {OptimizerName, OptimizerParameters} from './maths/optimizers.js';
import type {Sample} from './data/samples.js';
import type {NestedWeights} from './shape.js';

/**
 * Everything that decides a run's numbers: the network, the data, and every training
 * choice. The tutorial's run is one value of it (see presets.ts); a run started from the
 * same setup gives the same numbers, bit for bit. It holds a value of each optimizer's own
 * parameter (`momentum`: μ), declared in the optimizer's registry entry.
 */
export type Setup = OptimizerParameters & {
	/** Neurons per layer, inputs first. */
	readonly layers: readonly number[];
	/** The hidden layers' activation. */
	readonly activation: ActivationName;
	readonly outputActivation: ActivationName;
	readonly bias: boolean;
	readonly loss: LossName;
	readonly optimizer: OptimizerName;
	readonly l1: number;
	readonly l2: number;
	readonly init: InitialisationName;
	/** Samples per update; undefined: every training sample (full batch). */
	readonly batch: number | undefined;
	/** The fraction of the samples held out for testing; 0 for none. */
	readonly test: number;
	readonly learningRate: number;
	/** The iteration at which the run is done. */
	readonly limit: number;
	readonly seed: number;
	readonly samples: readonly Sample[];
	/** Stop (done) at the first iteration whose error is at most this. */
	readonly untilError?: number;
	/** Initial weights given by hand (`--weights`) instead of drawn from the seed. */
	readonly weights?: NestedWeights;
};
