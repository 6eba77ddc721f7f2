import {Evaluator} from './evaluate.js';
import type {Network} from './network.js';
import {hasPenalty, penaltyOf} from './penalty.js';
import type {SampleData} from '../data/samples.js';

/** One weight: its backpropagated gradient against the slope of the loss measured around it. */
export type WeightCheck = {
	/** Flat index of the weight. */
	readonly index: number;
	readonly analytic: number;
	readonly numeric: number;
	/** The perturbation h: the loss was evaluated at w ± h and w ± 2h. */
	readonly step: number;
	readonly relativeDifference: number;
};

export type GradientCheckResult = {
	/** The weights checked, in flat order. */
	readonly weights: readonly WeightCheck[];
	/** The weight that agrees least (NaN ranks above every number). */
	readonly worst: WeightCheck;
	/** Of the network's weights. */
	readonly total: number;
};

/** Below this size a gradient counts as zero: two gradients under it always agree. */
export const RELATIVE_FLOOR = 1e-8;
// an input this small (or 0) counts as this; the loss then barely depends on the weight
const INPUT_FLOOR = 1e-6;

/** `|a - n| / max(|a|, |n|, 1e-8)`: symmetric, and 0 when both are (nearly) zero. */
export function relativeDifference(analytic: number, numeric: number): number {
	return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), RELATIVE_FLOOR);
}

/**
 * h for a weight whose input is at most `inputScale` in size: the loss depends on the
 * weight only through `SOP = … + w·input`, so h moves the SOP by about `sopStep`. A power
 * of two, so that w ± h and w ± 2h are exact.
 */
export function stepFor(inputScale: number, sopStep: number): number {
	return 2 ** Math.floor(Math.log2(sopStep / Math.max(inputScale, INPUT_FLOOR)));
}

/**
 * Checks the gradients of the network's last iteration (`gradients`, the penalty
 * included) against central finite differences of that iteration's loss, its batch's
 * mean data loss plus the penalty, at the weights it was taken at (`previousWeights`).
 * The five-point stencil `(8·(L(w+h) − L(w−h)) − (L(w+2h) − L(w−2h))) / 12h`: plain
 * `(L(w+h) − L(w−h)) / 2h` does not reach 1e-6 on tutorial-10's W7,1 (input 0.01, a
 * saturated neuron). Works weight by weight (`run`), so a long check can show progress
 * and be cancelled; the network is not touched.
 */
export class GradientCheck {
	readonly indices: readonly number[];
	readonly checks: WeightCheck[] = [];
	private readonly network: Network;
	private readonly probe: Float64Array;
	private readonly analytic: Float64Array;
	private readonly batch: SampleData;
	private readonly positions: Int32Array;
	private readonly evaluator: Evaluator;

	/** `indices`: the weights to check (all by default). */
	constructor(network: Network, indices?: readonly number[]) {
		this.network = network;
		this.indices = indices ?? Array.from({length: network.shape.weightCount}, (_, k) => k);
		this.probe = network.previousWeights.slice();
		this.analytic = network.gradients.slice();
		const {layers, depth} = network.shape;
		const count = network.batchSize;
		this.batch = {
			count,
			inputCount: layers[0]!,
			outputCount: layers[depth]!,
			inputs: network.activations[0]!.slice(0, count * layers[0]!),
			targets: network.targets.slice(0, count * layers[depth]!),
		};
		this.positions = Int32Array.from({length: count}, (_, s) => s);
		this.evaluator = new Evaluator(network);
	}

	get done(): boolean {
		return this.checks.length === this.indices.length;
	}

	/**
	 * Checks weights until all are done or `pause()` says so after one; true when all are
	 * done. `cancelled()` is asked before every sample of every loss: a weight it cuts short
	 * is not counted, and the check stops there.
	 */
	run(pause: () => boolean, cancelled: () => boolean = () => false): boolean {
		while (!this.done) {
			const check = this.checkWeight(this.indices[this.checks.length]!, cancelled);
			if (check === undefined) {
				break;
			}

			this.checks.push(check);
			if (pause()) {
				break;
			}
		}

		return this.done;
	}

	result(): GradientCheckResult {
		const rank = (check: WeightCheck) => (Number.isNaN(check.relativeDifference) ? Number.POSITIVE_INFINITY : check.relativeDifference);
		const worst = this.checks.reduce((a, b) => (rank(b) > rank(a) ? b : a));
		return {weights: this.checks, worst, total: this.network.shape.weightCount};
	}

	private checkWeight(index: number, cancelled: () => boolean): WeightCheck | undefined {
		const {probe, network} = this;
		const original = probe[index]!;
		const isBias = network.shape.isBias[index] === 1;
		const receiving = this.layerOf(index) + 1;
		const activation = receiving === network.depth ? network.output : network.hidden;
		const penalised = !isBias && hasPenalty(network);
		let h = stepFor(isBias ? 1 : this.largestInput(index), activation.checkStep);
		if (penalised && network.l1 !== 0 && original !== 0) {
			// L1's |w| has its kink at 0: w ± 2h stays on w's side of it (a small input gives a large h)
			h = Math.min(h, 2 ** Math.floor(Math.log2(Math.abs(original) / 4)));
		}

		const lossAt = (multiple: number) => {
			const w = original + multiple * h;
			probe[index] = w;
			const data = this.evaluator.errorOver(probe, this.batch, this.positions, cancelled);
			probe[index] = original;
			return data === undefined ? undefined : penalised ? data + penaltyOf(w, network) : data;
		};

		const losses = [];
		for (const multiple of [1, -1, 2, -2]) {
			const loss = lossAt(multiple);
			if (loss === undefined) {
				return undefined;
			}

			losses.push(loss);
		}

		const [plus, minus, plus2, minus2] = losses as [number, number, number, number];
		const numeric = (8 * (plus - minus) - (plus2 - minus2)) / (12 * h);
		const analytic = this.analytic[index]!;
		return {index, analytic, numeric, step: h, relativeDifference: relativeDifference(analytic, numeric)};
	}

	private layerOf(index: number): number {
		const {offset} = this.network.shape;
		let l = 0;
		while (l + 1 < offset.length && offset[l + 1]! <= index) {
			l++;
		}

		return l;
	}

	/** The largest |value| over the batch of the neuron the weight comes from. */
	private largestInput(index: number): number {
		const {layers, stride, offset} = this.network.shape;
		const l = this.layerOf(index);
		const column = (index - offset[l]!) % stride[l]!;
		const n = layers[l]!;
		const values = this.network.activations[l]!;
		let largest = 0;
		for (let s = 0; s < this.network.batchSize; s++) {
			largest = Math.max(largest, Math.abs(values[s * n + column]!));
		}

		return largest;
	}
}
