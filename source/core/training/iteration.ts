import {asFactor} from '../maths/activations.js';
import type {Network} from '../maths/network.js';
import {hasPenalty} from '../maths/penalty.js';

/**
 * The phases of one iteration, in the order the tutorial explains them: the forward pass
 * layer by layer, the error, dError/dSOP from the output layer back, the gradients, the update.
 */
export type Phase =
	| {readonly kind: 'forward'; readonly layer: number}
	| {readonly kind: 'error'}
	| {readonly kind: 'backward'; readonly layer: number}
	| {readonly kind: 'gradients'}
	| {readonly kind: 'update'};

export function phasesOf(depth: number): Phase[] {
	const phases: Phase[] = [];
	for (let layer = 1; layer <= depth; layer++) {
		phases.push({kind: 'forward', layer});
	}

	phases.push({kind: 'error'});
	for (let layer = depth; layer >= 1; layer--) {
		phases.push({kind: 'backward', layer});
	}

	phases.push({kind: 'gradients'}, {kind: 'update'});
	return phases;
}

/**
 * A walk through the phases of the next iteration: how many have run, and whether the
 * update left every weight finite (known when it runs, counted when the iteration completes).
 */
export class PhaseWalk {
	readonly phases: readonly Phase[];
	/** Phases run; 0 when none; all of them while the update is shown, before the counter moves. */
	count = 0;
	updateFinite = true;

	constructor(depth: number) {
		this.phases = phasesOf(depth);
	}

	/** The phases run, in order. */
	get done(): readonly Phase[] {
		return this.phases.slice(0, this.count);
	}

	/** The update has run and is shown; the next step completes the iteration. */
	get updateShown(): boolean {
		return this.count === this.phases.length;
	}

	/** Runs the next phase. */
	next(network: Network, learningRate: number): Phase {
		const phase = this.phases[this.count]!;
		const finite = runPhase(network, phase, learningRate);
		this.count++;
		if (phase.kind === 'update') {
			this.updateFinite = finite;
		}

		return phase;
	}
}

/** What a phase computes, in words, as the tutorial explains it. */
export function describePhase(phase: Phase, network: Network): string {
	const {depth} = network;
	const layerName = (l: number) => (l === depth ? 'the output layer' : `hidden layer ${l}`);
	switch (phase.kind) {
		case 'forward': {
			const activation = phase.layer === depth ? network.output : network.hidden;
			return `forward, ${layerName(phase.layer)}: SOP = Σ w · input${network.shape.bias ? ' + bias' : ''}, then ${activation.formula}`;
		}

		case 'error': {
			return `the error: ${network.loss.formula}, the mean over the batch`;
		}

		case 'backward': {
			if (phase.layer === depth) {
				const first = network.loss.errorDerivative
					? `${network.loss.errorDerivativeFormula ?? ''} · ${asFactor(network.output.derivativeFormula)}`
					: 'Predicted − target';
				return `backward, the output layer: δ = dError/dSOP = ${first}`;
			}

			return `backward, hidden layer ${phase.layer}: δ = (Σ w · δ of the next layer) · ${asFactor(network.hidden.derivativeFormula)}`;
		}

		case 'gradients': {
			const penalty = hasPenalty(network) ? ', plus 2·L2·w + L1·sign(w) on the weights' : '';
			return `gradients: each weight's dError/dw = the mean over the batch of δ · its input${penalty}`;
		}

		case 'update': {
			return `the update: ${network.optimizer.formula}; w = w + change`;
		}
	}
}

/** Runs one phase; the update's result says whether every weight is still finite. */
export function runPhase(network: Network, phase: Phase, learningRate: number): boolean {
	switch (phase.kind) {
		case 'forward': {
			network.forwardLayer(phase.layer);
			return true;
		}

		case 'error': {
			network.measureError();
			return true;
		}

		case 'backward': {
			if (phase.layer === network.depth) {
				network.backwardOutput();
			} else {
				network.backwardLayer(phase.layer);
			}

			return true;
		}

		case 'gradients': {
			network.computeGradients();
			return true;
		}

		case 'update': {
			return network.update(learningRate);
		}
	}
}

/** One whole iteration over the network's current batch, phase by phase. False when it diverged. */
export function iterate(network: Network, learningRate: number): boolean {
	const depth = network.depth;
	for (let l = 1; l <= depth; l++) {
		network.forwardLayer(l);
	}

	network.measureError();
	network.backwardOutput();
	for (let l = depth - 1; l >= 1; l--) {
		network.backwardLayer(l);
	}

	network.computeGradients();
	return network.update(learningRate);
}
