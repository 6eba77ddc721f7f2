import type {Trainer} from '../../core/training/trainer.js';
import {weightsShown, type ViewContext} from './context.js';

/** The network drawn: every connection's weight and every neuron's activation for the followed sample. */
export type Diagram = {
	readonly layers: readonly number[];
	readonly bias: boolean;
	readonly sample: number;
	/** Flat, in the weights' order; empty for a network too wide to draw. */
	readonly weights: readonly number[];
	/** Per layer; undefined for a layer whose values the phase walk has not computed yet; empty for a network too wide to draw. */
	readonly activations: ReadonlyArray<readonly number[] | undefined>;
	/** Per layer, the smallest, mean and largest activation: what a network too wide to draw shows. */
	readonly summary: ReadonlyArray<{readonly min: number; readonly mean: number; readonly max: number} | undefined>;
};

/** Networks with more neurons in a layer than this are summarised, not drawn. */
export const MAX_DRAWN_NEURONS = 12;

export function diagramOf(trainer: Trainer, _request: Record<string, never>, context: ViewContext): Diagram {
	const {sample, position} = context;
	const {network, data, evaluator} = trainer;
	const {layers, bias} = network.shape;
	const s = Math.min(sample, data.count - 1);
	let activations: Array<readonly number[] | undefined>;
	if (trainer.walk.count > 0) {
		// a phase walk shows what it has computed so far, for the sample's place in the batch
		const computed = trainer.walk.done.filter(phase => phase.kind === 'forward').length;
		activations = layers.map((n, l) => (l <= computed && position >= 0 ? [...network.activations[l]!.subarray(position * n, (position + 1) * n)] : undefined));
		activations[0] = [...data.inputs.subarray(s * data.inputCount, (s + 1) * data.inputCount)];
	} else {
		activations = evaluator.forward(weightsShown(trainer), data.inputs, s * data.inputCount).map(layer => [...layer]);
	}

	const summary = activations.map(values =>
		values && values.length > 0 ? {min: Math.min(...values), mean: values.reduce((sum, v) => sum + v, 0) / values.length, max: Math.max(...values)} : undefined,
	);
	const drawable = layers.every(n => n <= MAX_DRAWN_NEURONS);
	return {layers, bias, sample: s, weights: drawable ? [...weightsShown(trainer)] : [], activations: drawable ? activations : [], summary};
}
