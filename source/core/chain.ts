import {activationDerivative, type Network} from './network.js';
import {activationName, sopName, type WeightRef} from './names.js';

/** One factor of the chain rule, e.g. `g2 = dPredicted/dSOP3 = 0.1725`. */
export type ChainFactor = {
	readonly symbol: string;
	readonly derivative: string;
	readonly value: number;
};

/** The chain for one sample: its factors and their product. */
export type ChainTerm = {
	readonly sample: number;
	readonly factors: readonly ChainFactor[];
	readonly product: number;
};

export type Chain = {
	readonly weight: WeightRef;
	readonly terms: readonly ChainTerm[];
	/** The mean of the terms' products: the weight's gradient. */
	readonly gradient: number;
	/**
	 * `expanded`: one path from the weight to the error, every factor a single derivative
	 * (the tutorial's g1 … g5). `backpropagated`: the neuron feeds several others, so its
	 * first factor is the backpropagated sum dError/dActiv = Σ_k w_k · dError/dSOP_k.
	 */
	readonly form: 'expanded' | 'backpropagated';
};

/**
 * The factors of one weight's gradient at the network's last iteration, from the error
 * down to the weight, as the tutorial writes them.
 */
export function chainOf(network: Network, weight: WeightRef): Chain {
	// the gradients of an iteration come from the weights before its update
	const {layers, activations, sops, deltas, previousWeights: weights, stride, targets, sampleCount, activation} = network;
	const depth = network.depth;
	const target = weight.layer + 1;
	const expanded = layers.slice(target + 1).every(n => n === 1);
	const terms: ChainTerm[] = [];
	for (let s = 0; s < sampleCount; s++) {
		const factors: Array<Omit<ChainFactor, 'symbol'>> = [];
		const derivativeAt = (layer: number, j: number) => {
			const index = s * layers[layer]! + j;
			return activationDerivative(activation, sops[layer]![index]!, activations[layer]![index]!);
		};

		const dActivdSop = (layer: number, j: number) => ({
			derivative: `d${activationName(layers, layer, j)}/d${sopName(layers, layer, j)}`,
			value: derivativeAt(layer, j),
		});

		if (expanded) {
			// error → predicted → SOP → activation → … → SOP of the receiving neuron
			const outputNeuron = target === depth ? weight.row : 0;
			const outputs = layers[depth]!;
			const predicted = activations[depth]![s * outputs + outputNeuron]!;
			factors.push({
				derivative: `dError/d${activationName(layers, depth, outputNeuron)}`,
				value: 2 * (predicted - targets[s * outputs + outputNeuron]!),
			});
			for (let layer = depth; layer > target; layer--) {
				factors.push(dActivdSop(layer, 0));
				const from = layer === target + 1 ? weight.row : 0;
				factors.push({
					derivative: `d${sopName(layers, layer, 0)}/d${activationName(layers, layer - 1, from)}`,
					value: weights[layer - 1]![from]!,
				});
			}
		} else {
			const next = target + 1;
			const nNext = layers[next]!;
			let sum = 0;
			for (let k = 0; k < nNext; k++) {
				sum += weights[target]![k * stride[target]! + weight.row]! * deltas[next]![s * nNext + k]!;
			}

			factors.push({derivative: `dError/d${activationName(layers, target, weight.row)}`, value: sum});
		}

		factors.push(dActivdSop(target, weight.row), {
			derivative: `d${sopName(layers, target, weight.row)}/d${weight.name}`,
			value: weight.isBias ? 1 : activations[weight.layer]![s * layers[weight.layer]! + weight.col]!,
		});
		let product = 1;
		for (const factor of factors) {
			product *= factor.value;
		}

		terms.push({
			sample: s,
			factors: factors.map((factor, k) => ({symbol: `g${k + 1}`, ...factor})),
			product,
		});
	}

	const gradient = terms.reduce((sum, term) => sum + term.product, 0) / sampleCount;
	return {weight, terms, gradient, form: expanded ? 'expanded' : 'backpropagated'};
}
