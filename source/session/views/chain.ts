import {chainOf, type Chain} from '../../core/maths/chain.js';
import type {Trainer} from '../../core/training/trainer.js';
import {weightsShown, type ViewContext} from './context.js';

/** The selected weight's chain, for the data sample `sample` of the batch; undefined before the first iteration, or before a walk reaches it. */
export type ChainData = (Chain & {readonly sample: number}) | undefined;

export function chainViewOf(trainer: Trainer, _request: Record<string, never>, context: ViewContext): ChainData {
	const {network} = trainer;
	const {walking} = context;
	const ready = network.hasIteration && (!walking || trainer.walk.done.some(phase => phase.kind === 'backward'));
	if (!ready) {
		return undefined;
	}

	const position = Math.max(0, context.position);
	const learningRate = trainer.learningRateAt(Math.max(0, trainer.iteration - (walking ? 0 : 1)));
	return {
		...chainOf(network, context.selected, position, learningRate, weightsShown(trainer)),
		sample: trainer.batchSampleAt(position),
	};
}
