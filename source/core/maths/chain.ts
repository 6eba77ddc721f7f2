import {activationName, sopName, type WeightRef} from '../names.js';
import type {Network} from './network.js';
import {hasPenalty, penaltySlope} from './penalty.js';
import type {OptimizerStep} from './optimizers.js';

/** One factor of the chain rule, e.g. `g2 = dPredicted/dSOP3 = 0.1725`. */
export type ChainFactor = {
	readonly symbol: string;
	readonly derivative: string;
	/** How it is computed, in the tutorial's words: `2 · (Predicted − target)`. */
	readonly formula: string;
	readonly value: number;
	/** The layer whose backward phase computes it; 0 for dSOP/dW, which the gradients phase takes. */
	readonly layer: number;
};

export type Chain = {
	readonly weight: WeightRef;
	/**
	 * `expanded`: one path from the weight to the error, every factor a single derivative
	 * (the tutorial's g1 … g5). `backpropagated`: the neuron feeds several others, so its
	 * first factor is the backpropagated sum dError/dActiv = Σ_k w_k · dError/dSOP_k.
	 */
	readonly form: 'expanded' | 'backpropagated';
	/** Position in the last batch of the sample whose factors these are. */
	readonly position: number;
	readonly factors: readonly ChainFactor[];
	/** The product of the factors, for each sample of the batch in turn. */
	readonly products: readonly number[];
	/** The mean of the products: the gradient of the data loss. */
	readonly dataGradient: number;
	/** The penalty's term, when there is one: + 2·l2·w + l1·sign(w). */
	readonly penalty: {readonly weight: number; readonly term: number} | undefined;
	/** The gradient the optimizer took (the weights table's). */
	readonly gradient: number;
	/** How the optimizer turned it into the change, then the change. */
	readonly steps: readonly OptimizerStep[];
	readonly changeFormula: string;
	readonly change: number;
	/** The learning rate the update used. */
	readonly learningRate: number;
};

/**
 * The factors of one weight's gradient at the network's last iteration, from the error
 * down to the weight, as the tutorial writes them, for the sample at `position` of the
 * batch; then the penalty and the optimizer's steps down to the change.
 */
export function chainOf(network: Network, weight: WeightRef, position: number, learningRate: number, weightsUsed = network.previousWeights): Chain {
	const {layers} = network.shape;
	const target = weight.layer + 1;
	const expanded = layers.slice(target + 1).every(n => n === 1);
	const products: number[] = [];
	let factors: ChainFactor[] = [];
	for (let s = 0; s < network.batchSize; s++) {
		const sample = (expanded ? expandedFactors : backpropagatedFactors)(network, weight, s, weightsUsed);
		sample.push(sopFactor(network, weight, s));
		products.push(sample.reduce((product, factor) => product * factor.value, 1));
		if (s === position) {
			factors = sample.map((factor, k) => ({...factor, symbol: `g${k + 1}`}));
		}
	}

	const dataGradient = products.reduce((sum, product) => sum + product, 0) / network.batchSize;
	const k = weight.index;
	const w = weightsUsed[k]!;
	const penalised = !weight.isBias && hasPenalty(network);
	return {
		weight,
		form: expanded ? 'expanded' : 'backpropagated',
		position,
		factors,
		products,
		dataGradient,
		penalty: penalised ? {weight: w, term: penaltySlope(w, network)} : undefined,
		gradient: network.gradients[k]!,
		steps: network.optimizer.steps(network.optimizerState, k),
		changeFormula: network.optimizer.changeFormula,
		change: network.changes[k]!,
		learningRate,
	};
}

type Factor = Omit<ChainFactor, 'symbol'>;

/** error → predicted → SOP → activation → … → SOP of the receiving neuron. */
function expandedFactors(network: Network, weight: WeightRef, s: number, weights: Float64Array): Factor[] {
	const {layers, offset, depth} = network.shape;
	const target = weight.layer + 1;
	const output = target === depth ? weight.row : 0;
	const nOut = layers[depth]!;
	const x = s * nOut + output;
	const predicted = network.activations[depth]![x]!;
	const targetValue = network.targets[x]!;
	const predictedName = activationName(layers, depth, output);
	const factors: Factor[] = [];
	const {loss, output: outputActivation} = network;
	if (loss.errorDerivative) {
		factors.push(
			{derivative: `dError/d${predictedName}`, formula: loss.errorDerivativeFormula ?? '', value: loss.errorDerivative(predicted, targetValue), layer: depth},
			{
				derivative: `d${predictedName}/d${sopName(layers, depth, output)}`,
				formula: outputActivation.derivativeFormula,
				value: outputActivation.derivative(network.sops[depth]![x]!, predicted),
				layer: depth,
			},
		);
	} else {
		factors.push({derivative: `dError/d${sopName(layers, depth, output)}`, formula: 'Predicted − target', value: predicted - targetValue, layer: depth});
	}

	for (let l = depth; l > target; l--) {
		const from = l === target + 1 ? weight.row : 0;
		factors.push(
			{
				derivative: `d${sopName(layers, l, 0)}/d${activationName(layers, l - 1, from)}`,
				formula: 'the weight between them',
				value: weights[offset[l - 1]! + from]!,
				layer: l - 1,
			},
			activationFactor(network, l - 1, from, s),
		);
	}

	return factors;
}

/** The neuron feeds several others: dError/dActiv is the sum over them of w · dError/dSOP. */
function backpropagatedFactors(network: Network, weight: WeightRef, s: number, weights: Float64Array): Factor[] {
	const {layers, stride, offset} = network.shape;
	const target = weight.layer + 1;
	const nNext = layers[target + 1]!;
	let sum = 0;
	for (let k = 0; k < nNext; k++) {
		sum += weights[offset[target]! + k * stride[target]! + weight.row]! * network.deltas[target + 1]![s * nNext + k]!;
	}

	return [
		{derivative: `dError/d${activationName(layers, target, weight.row)}`, formula: 'Σ w · dError/dSOP over the next layer', value: sum, layer: target},
		activationFactor(network, target, weight.row, s),
	];
}

function activationFactor(network: Network, layer: number, j: number, s: number): Factor {
	const {layers} = network.shape;
	const x = s * layers[layer]! + j;
	return {
		derivative: `d${activationName(layers, layer, j)}/d${sopName(layers, layer, j)}`,
		formula: network.hidden.derivativeFormula,
		value: network.derivativeHidden(network.sops[layer]![x]!, network.activations[layer]![x]!),
		layer,
	};
}

/** The last factor: dSOP/dW, the input the weight multiplies (1 for a bias). */
function sopFactor(network: Network, weight: WeightRef, s: number): Factor {
	const {layers} = network.shape;
	const target = weight.layer + 1;
	return {
		derivative: `d${sopName(layers, target, weight.row)}/d${weight.name}`,
		formula: weight.isBias ? '1 (a bias multiplies 1)' : `the input ${weight.from}`,
		value: weight.isBias ? 1 : network.activations[weight.layer]![s * layers[weight.layer]! + weight.col]!,
		layer: 0,
	};
}
