import {weightRefs, type WeightRef} from './names.js';
import type {Network} from './network.js';

/** One weight: its backpropagated gradient against the slope of the loss measured around it. */
export type WeightCheck = {
	readonly weight: WeightRef;
	readonly analytic: number;
	readonly numeric: number;
	/** The perturbation h: the loss was evaluated at w ± h and w ± 2h. */
	readonly step: number;
	/** `relativeDifference(analytic, numeric)`. */
	readonly relativeDifference: number;
};

export type GradientCheck = {
	/** Every weight, in the flat order of `weightRefs`: layer by layer, row by row. */
	readonly weights: readonly WeightCheck[];
	/** The weight that agrees least (NaN ranks above every number). */
	readonly worst: WeightCheck;
	readonly maxRelativeDifference: number;
};

/** Below this size a gradient counts as zero: two gradients under it always agree. */
export const RELATIVE_FLOOR = 1e-8;

/** `|a - n| / max(|a|, |n|, 1e-8)`: symmetric, and 0 when both are (nearly) zero. */
export function relativeDifference(analytic: number, numeric: number): number {
	return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), RELATIVE_FLOOR);
}

// How far a step moves the SOP of the weight's neuron. Smooth activations: the stencil's
// truncation error grows as its fourth power and rounding as its inverse. linear makes the
// loss quadratic in any one weight (no truncation error at all), and relu piecewise
// quadratic, but a step must not cross relu's kink, so relu's is small.
const SOP_STEP = {sigmoid: 4e-3, tanh: 4e-3, relu: 1e-5, linear: 1e-3} as const;
// an input this small (or 0) counts as this; the loss then barely depends on the weight
const INPUT_FLOOR = 1e-6;

/**
 * h for a weight whose input is at most `inputScale` in size: the loss depends on the
 * weight only through `SOP = … + w·input`, so h moves the SOP by about `sopStep`. A power
 * of two, so that w ± h and w ± 2h are exact.
 */
export function stepFor(inputScale: number, sopStep: number): number {
	return 2 ** Math.floor(Math.log2(sopStep / Math.max(inputScale, INPUT_FLOOR)));
}

/**
 * Checks backpropagation at the network's current weights against central finite
 * differences of `evaluate()`. `analytic`, in the layout of `network.weights`, defaults to
 * the gradients backpropagated at the current weights (the network's own `gradients` are
 * the last iteration's, taken before its update).
 */
export function checkGradients(network: Network, analytic?: readonly Float64Array[]): GradientCheck {
	return checkAt(network, network.weights, analytic);
}

/**
 * Checks the gradients the last iteration used (`network.gradients`) at the weights they
 * were taken at (`network.previousWeights`). Meaningful once an iteration has run:
 * `network.loss` is a number.
 */
export function checkLastIteration(network: Network): GradientCheck {
	return checkAt(network, network.previousWeights, network.gradients);
}

/**
 * Finite differences of `evaluate()` at `weights`: the five-point central stencil
 * `(8·(L(w+h) - L(w-h)) - (L(w+2h) - L(w-2h))) / 12h`. Plain `(L(w+h) - L(w-h)) / 2h`
 * does not reach 1e-6: tutorial-10's W7,1 (input 0.01, a saturated neuron) has a gradient
 * near 1e-8, below the rounding noise of a loss near 0.3 at every step small enough for
 * the truncation error of the other weights.
 *
 * The work is done on a clone: the network, its weights and its last iteration's buffers
 * are not touched. Without `analytic`, the clone's backpropagation at `weights` is checked.
 */
function checkAt(network: Network, weights: readonly Float64Array[], analytic?: readonly Float64Array[]): GradientCheck {
	const probe = network.clone();
	for (const [l, layer] of weights.entries()) {
		probe.weights[l]!.set(layer);
	}

	// learning rate 0: a forward and backward pass at these weights that leaves them as they are
	probe.iterate(0);
	const gradients = analytic ?? probe.gradients;
	const sopStep = SOP_STEP[network.activation];
	const checks: WeightCheck[] = [];
	for (const ref of weightRefs(network.layers, network.bias)) {
		const layer = probe.weights[ref.layer]!;
		const k = ref.row * probe.stride[ref.layer]! + ref.col;
		const h = stepFor(ref.isBias ? 1 : largestInput(probe, ref), sopStep);
		const original = layer[k]!;
		const lossAt = (multiple: number) => {
			layer[k] = original + multiple * h;
			return probe.evaluate();
		};

		const numeric = (8 * (lossAt(1) - lossAt(-1)) - (lossAt(2) - lossAt(-2))) / (12 * h);
		layer[k] = original;
		const value = gradients[ref.layer]![k]!;
		checks.push({weight: ref, analytic: value, numeric, step: h, relativeDifference: relativeDifference(value, numeric)});
	}

	const rank = (check: WeightCheck) => (Number.isNaN(check.relativeDifference) ? Number.POSITIVE_INFINITY : check.relativeDifference);
	const worst = checks.reduce((a, b) => (rank(b) > rank(a) ? b : a));
	return {weights: checks, worst, maxRelativeDifference: worst.relativeDifference};
}

/** The largest |value| over all samples of the neuron a weight comes from, in the probe's last pass. */
function largestInput(probe: Network, ref: WeightRef): number {
	const n = probe.layers[ref.layer]!;
	const values = probe.activations[ref.layer]!;
	let largest = 0;
	for (let s = 0; s < probe.sampleCount; s++) {
		largest = Math.max(largest, Math.abs(values[s * n + ref.col]!));
	}

	return largest;
}
