/** The parts of a snapshot about the network itself: the numbers of a phase, what the gradients say. */
import type {Phase} from '../../core/training/iteration.js';
import {activationName, neuronName, sopName, type WeightRef} from '../../core/names.js';
import type {Trainer} from '../../core/training/trainer.js';
import {digitsToTell, formatChange, formatGradient, formatNumber, formatRate} from '../format.js';
import type {PhaseValue} from './snapshot.js';

/** Below this every gradient counts as vanished. */
const VANISHED = 1e-10;

/** The numbers a phase computed for the sample at `position` of the batch. */
export function phaseValues(trainer: Trainer, phase: Phase, position: number, selected: WeightRef): PhaseValue[] {
	const {network} = trainer;
	const {layers} = network.shape;
	const layer = (l: number, read: (x: number, j: number) => Array<{name: string; value: number}>) =>
		Array.from({length: layers[l]!}, (_, j) => read(position * layers[l]! + j, j)).flat();
	switch (phase.kind) {
		case 'forward': {
			const l = phase.layer;
			return layer(l, (x, j) => [
				{name: sopName(layers, l, j), value: network.sops[l]![x]!},
				{name: activationName(layers, l, j), value: network.activations[l]![x]!},
			]);
		}

		case 'error': {
			return [{name: 'Error', value: network.error}];
		}

		case 'backward': {
			const l = phase.layer;
			return layer(l, (x, j) => [{name: `δ ${neuronName(layers, l, j)} = dError/d${sopName(layers, l, j)}`, value: network.deltas[l]![x]!}]);
		}

		case 'gradients': {
			const gradient = network.gradients[selected.index]!;
			return [{name: `gradient of ${selected.name}`, value: gradient, text: formatGradient(gradient)}];
		}

		case 'update': {
			// the old weight and the new with digits enough to tell them apart
			const k = selected.index;
			const before = network.previousWeights[k]!;
			const after = network.weights[k]!;
			const digits = digitsToTell(before, after);
			return [
				{name: `${selected.name} before`, value: before, text: formatNumber(before, digits)},
				{name: 'gradient', value: network.gradients[k]!, text: formatGradient(network.gradients[k])},
				{name: 'lr', value: trainer.learningRate, text: formatRate(trainer.learningRate)},
				...network.optimizer.steps(network.optimizerState, k).map(step => ({name: step.formula, value: step.value})),
				{name: network.optimizer.changeFormula, value: network.changes[k]!, text: formatChange(network.changes[k])},
				{name: `${selected.name} = ${selected.name} + change`, value: after, text: formatNumber(after, digits)},
			];
		}
	}
}

export function noticesOf(trainer: Trainer): string[] {
	const {network, setup} = trainer;
	if (!network.hasIteration || trainer.walk.count > 0 || trainer.divergedAt !== undefined) {
		return [];
	}

	let largest = 0;
	for (const gradient of network.gradients) {
		largest = Math.max(largest, Math.abs(gradient));
	}

	if (largest < VANISHED && network.error > 1e-6 && network.hidden.saturates) {
		return [
			`every gradient is below ${VANISHED} (largest ${largest.toExponential(1)}): the ${setup.activation} neurons are saturated, so learning has all but stopped; try fewer inputs, smaller weights (--init xavier) or relu`,
		];
	}

	return [];
}
