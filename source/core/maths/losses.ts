import type {Activation, ActivationName} from './activations.js';
import {registry} from './registry.js';

/**
 * The losses, each with what backpropagation starts from: dError/dSOP of an output neuron.
 * The only place their maths is written.
 */
export type Loss = {
	readonly name: string;
	readonly description: string;
	/** The error of one sample, in the tutorial's words. */
	readonly formula: string;
	/** One output neuron's share of one sample's error, for this output activation. */
	readonly error: (activation: Activation) => (predicted: number, target: number) => number;
	/**
	 * dError/dSOP of an output neuron, as backpropagation starts from it. squared goes
	 * through dError/dPredicted · dPredicted/dSOP; cross-entropy takes the exact
	 * simplification Predicted − target (the tutorial's g1·g2 in one factor).
	 */
	readonly outputDelta: (activation: Activation) => (predicted: number, target: number, sop: number) => number;
	/** dError/dPredicted, the tutorial's g1, where the chain shows it as a factor of its own. */
	readonly errorDerivative?: (predicted: number, target: number) => number;
	readonly errorDerivativeFormula?: string;
	/** The output activations it works with; undefined: all but output-only ones. */
	readonly outputActivations?: readonly ActivationName[];
	/** Targets must lie in this range. */
	readonly targetRange?: readonly [number, number];
	/**
	 * The same maths in numpy, for the exported script (session/export-code.ts): each
	 * output's share of a sample's error from `predicted` and `target`, for this output
	 * activation; and the lines that set `delta` (dError/dSOP of the outputs) from
	 * `predicted`, `target` and `sop`, given the function that computes dPredicted/dSOP.
	 */
	readonly numpy: {readonly error: (activation: string) => string; readonly delta: (derivative: string) => readonly string[]};
	/** How --explain and the exercises write a sample's error: each output's term from its numbers written, and their sum (softmax outputs or not). */
	readonly written: (softmax: boolean) => WrittenError;
};

/** A sample's error written out: an output's term, and the sum of the terms. */
export type WrittenError = {readonly term: (predicted: string, target: string) => string; readonly sum: (terms: readonly string[]) => string};

// ln 0 is -Infinity: a saturated output with the wrong target makes the error infinite, as in numpy
const binaryCrossEntropy = (predicted: number, target: number) => -(target * Math.log(predicted) + (1 - target) * Math.log(1 - predicted));
// softmax's outputs share one distribution: only the −t·ln p terms
const categoricalCrossEntropy = (predicted: number, target: number) => -(target * Math.log(predicted));

export const LOSSES = registry<Omit<Loss, 'name'>>()({
	squared: {
		description: '(Predicted − target)², the tutorial’s',
		formula: 'Error = Σ (Predicted − target)²',
		error: () => (predicted: number, target: number) => (predicted - target) * (predicted - target),
		errorDerivative: (predicted: number, target: number) => 2 * (predicted - target),
		errorDerivativeFormula: '2 · (Predicted − target)',
		outputDelta: (activation: Activation) => {
			const {derivative} = activation;
			return (predicted: number, target: number, sop: number) => 2 * (predicted - target) * derivative(sop, predicted);
		},
		numpy: {
			error: () => '(predicted - target) * (predicted - target)',
			delta: (derivative: string) => [
				'g1 = 2.0 * (predicted - target)  # dError/dPredicted',
				`g2 = ${derivative}(sop, predicted)  # dPredicted/dSOP`,
				'delta = g1 * g2',
			],
		},
		written: () => ({term: (p: string, t: string) => `(${p} − ${t})²`, sum: (terms: readonly string[]) => terms.join(' + ')}),
	},
	'cross-entropy': {
		description: 'sigmoid or softmax outputs, targets in [0, 1]',
		formula: 'Error = −Σ (t·ln p + (1 − t)·ln(1 − p)) with sigmoid, −Σ t·ln p with softmax',
		error: (activation: Activation) => (activation.name === 'softmax' ? categoricalCrossEntropy : binaryCrossEntropy),
		outputDelta: () => (predicted: number, target: number) => predicted - target,
		numpy: {
			error: (activation: string) =>
				activation === 'softmax' ? '-(target * np.log(predicted))' : '-(target * np.log(predicted) + (1.0 - target) * np.log(1.0 - predicted))',
			delta: () => ['delta = predicted - target  # g1 · g2 in one factor: dError/dSOP = Predicted − target'],
		},
		written: (softmax: boolean) =>
			softmax
				? {term: (p: string, t: string) => `${t}·ln ${p}`, sum: (terms: readonly string[]) => `−(${terms.join(' + ')})`}
				: {term: (p: string, t: string) => `−(${t}·ln ${p} + (1 − ${t})·ln(1 − ${p}))`, sum: (terms: readonly string[]) => terms.join(' + ')},
		outputActivations: ['sigmoid', 'softmax'],
		targetRange: [0, 1],
	},
});

export type LossName = (typeof LOSSES.names)[number];
