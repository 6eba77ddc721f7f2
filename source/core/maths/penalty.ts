/**
 * The penalties on the weights (not the biases): L2 · Σ w² + L1 · Σ |w|, and each weight's
 * share of its gradient, 2·L2·w + L1·sign(w), added to the batch's gradient before the
 * optimizer. The only place their maths is written.
 */
export type Penalty = {readonly l1: number; readonly l2: number};

/** sign(0) = 0, as numpy's sign: L1's slope at 0. */
export const sign = (w: number) => (w > 0 ? 1 : w < 0 ? -1 : 0);

/** One weight's share of the penalty. */
export const penaltyOf = (w: number, {l1, l2}: Penalty) => l2 * w * w + l1 * Math.abs(w);

/** One weight's share of the gradient: d(penalty)/dw. */
export const penaltySlope = (w: number, {l1, l2}: Penalty) => 2 * l2 * w + l1 * sign(w);

export const hasPenalty = ({l1, l2}: Penalty) => l1 !== 0 || l2 !== 0;

/** Adds the penalty's slope to the gradient of every weight that is not a bias. */
export function addPenalty(gradients: Float64Array, weights: Float64Array, isBias: Uint8Array, penalty: Penalty): void {
	if (!hasPenalty(penalty)) {
		return;
	}

	for (let k = 0; k < gradients.length; k++) {
		if (isBias[k] === 0) {
			gradients[k] = gradients[k]! + penaltySlope(weights[k]!, penalty);
		}
	}
}
