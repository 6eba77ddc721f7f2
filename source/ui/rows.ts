import type {GradientCheck} from '../core/gradient-check.js';
import type {WeightRef} from '../core/names.js';
import type {Network} from '../core/network.js';
import type {SampleRow} from './components/SamplesPanel.js';
import type {WeightRow} from './components/WeightsTable.js';

/** Index of a weight in its layer's array. */
export function positionOf(network: Network, ref: WeightRef): number {
	return ref.row * network.stride[ref.layer]! + ref.col;
}

/** The weights table's rows: value, and once an iteration has run, its change and gradient. */
export function weightRows(network: Network, refs: readonly WeightRef[], check?: GradientCheck): WeightRow[] {
	const {hasIteration} = network;
	return refs.map(ref => {
		const k = positionOf(network, ref);
		return {
			name: ref.name,
			from: ref.from,
			to: ref.to,
			value: network.weights[ref.layer]![k]!,
			change: hasIteration ? network.changes[ref.layer]![k]! : undefined,
			gradient: hasIteration ? network.gradients[ref.layer]![k]! : undefined,
			...(check && {check: check.weights[ref.index]!.relativeDifference}),
		};
	});
}

/** Values of layer `layer` for sample `s`: the inputs for layer 0. */
export function layerValues(network: Network, layer: number, s: number): Float64Array {
	const n = network.layers[layer]!;
	return network.activations[layer]!.subarray(s * n, (s + 1) * n);
}

/** The samples panel's rows: inputs, target, and once an iteration has run, predicted and error. */
export function sampleRows(network: Network): SampleRow[] {
	const outputs = network.layers.at(-1)!;
	return Array.from({length: network.sampleCount}, (_, s) => {
		const target = [...network.targets.subarray(s * outputs, (s + 1) * outputs)];
		const predicted = network.hasIteration ? [...layerValues(network, network.depth, s)] : undefined;
		return {
			inputs: [...layerValues(network, 0, s)],
			target,
			predicted,
			error: predicted?.reduce((sum, p, k) => sum + (p - target[k]!) ** 2, 0),
		};
	});
}
