/** Which numbers an exercise asks: the forward pass, the error, one δ a layer back from the output, one weight a layer and its update. */
import type {NumpyRandom} from '../../core/maths/random.js';
import {KIND_OF, type ExerciseChoices, type ExerciseKind, type Item} from './types.js';

/** Neurons of a layer asked in the forward pass; a larger layer gives the rest. */
const ASKED_A_LAYER = 3;

const index = (random: NumpyRandom, count: number) => Math.floor(random.rand() * count);

/**
 * The ids asked with every kind, in the order of the iteration. A neuron per layer is drawn to follow back
 * from the output (its δ), and into each a weight (its gradient and new value), as the
 * tutorial follows W41 and W11. Every kind is checked and drawn alike, so that one seed
 * gives the same network and weights whatever the kind.
 */
export function select(random: NumpyRandom, choices: Pick<ExerciseChoices, 'layers'>, items: ReadonlyMap<string, Item>): string[] {
	const all = [...items.values()];
	const layerOf = (layer: number) => all.filter(item => item.quantity === 'sop' && item.layer === layer).map(item => item.neuron!);
	const {layers} = choices;
	const depth = layers.length - 1;
	const followed = layers.map((n, l) => (l === 0 ? '' : layerOf(l)[index(random, n)]!));
	const weights: string[] = [];
	for (let l = depth - 1; l >= 0; l--) {
		const into = all.filter(item => item.quantity === 'gradient' && item.needs[0] === `delta-${followed[l + 1]}`);
		weights.push(into[index(random, into.length)]!.weight!);
	}

	const forward: string[] = [];
	for (let l = 1; l <= depth; l++) {
		const names = layerOf(l);
		const shown = names.length <= ASKED_A_LAYER ? names : [followed[l]!, ...names.filter(name => name !== followed[l]).slice(0, ASKED_A_LAYER - 1)];
		forward.push(...names.filter(name => shown.includes(name)).flatMap(name => [`sop-${name}`, l === depth ? `output-${name}` : `activation-${name}`]));
	}

	const ids = [
		...forward,
		'error',
		...followed
			.slice(1)
			.reverse()
			.map(name => `delta-${name}`),
		...weights.map(name => `gradient-${name}`),
		...weights.map(name => `new-${name}`),
	];
	return ids;
}

/** The questions of one kind, from those of all kinds. */
export function ofKind(ids: readonly string[], kind: ExerciseKind, items: ReadonlyMap<string, Item>): string[] {
	return ids.filter(id => kind === 'all' || KIND_OF[items.get(id)!.quantity] === kind);
}
