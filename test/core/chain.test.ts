import {describe, expect, test} from 'vitest';
import {chainOf} from '../../source/core/maths/chain.js';
import {phasesOf, runPhase} from '../../source/core/training/iteration.js';
import {weightRefs} from '../../source/core/names.js';
import {Network} from '../../source/core/maths/network.js';
import {sign} from '../../source/core/maths/penalty.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {goldenRuns, relativeError, setupOf} from '../helpers/golden.js';

const runs = Object.fromEntries(goldenRuns().map(run => [run.name, run]));
const trainerOf = (name: string, iterations: number) => {
	const trainer = new Trainer(setupOf(runs[name]!));
	trainer.step(iterations);
	return trainer;
};

/** The data gradients (no penalty) of the trainer's last iteration: the same batch and weights through a network without penalties. */
function dataGradients(trainer: Trainer): Float64Array {
	const {network, setup} = trainer;
	const plain = new Network(setup, {...setup, l1: 0, l2: 0}, network.batchSize);
	plain.weights.set(network.previousWeights);
	const {batchSize} = network;
	const [nIn, nOut] = [network.shape.layers[0]!, network.shape.layers.at(-1)!];
	const batch = {count: batchSize, inputCount: nIn, outputCount: nOut, inputs: network.activations[0]!, targets: network.targets};
	plain.load(
		batch,
		Int32Array.from({length: batchSize}, (_, s) => s),
		batchSize,
	);
	for (const phase of phasesOf(plain.depth).filter(phase => phase.kind !== 'update')) {
		runPhase(plain, phase, 0);
	}

	return plain.gradients;
}

const unpenalised = [
	'tutorial-3-inputs-seed-0',
	'xor-2-3-1-bias',
	'two-samples-4-3-2',
	'choices-softmax-3-classes',
	'more-4-layer-sgd-test',
	'choices-xor-adam-tanh',
];
const penalised = ['choices-l1-uniform-4-3-2', 'choices-l2-relu-he', 'more-l1-l2-tanh-bias', 'more-relu-adam-l2-batch'];

describe('chainOf: the product of the factors is the gradient', () => {
	test.each(unpenalised.map(name => [name]))('%s: every weight, every sample position', name => {
		const trainer = trainerOf(name, 7);
		const {network} = trainer;
		let compared = 0;
		for (const ref of weightRefs(network.shape.layers, network.shape.bias)) {
			const chain = chainOf(network, ref, network.batchSize - 1, trainer.learningRate);
			expect(chain.penalty).toBeUndefined();
			expect(chain.products.length).toBe(network.batchSize);
			expect(relativeError(chain.dataGradient, network.gradients[ref.index]!, 1e-12), `${name} ${ref.name}`).toBeLessThan(1e-12);
			expect(chain.gradient).toBe(network.gradients[ref.index]);
			expect(chain.change).toBe(network.changes[ref.index]);
			// the shown sample's factors multiply to its product
			const product = chain.factors.reduce((p, factor) => p * factor.value, 1);
			expect(product).toBe(chain.products[network.batchSize - 1]);
			compared++;
		}

		expect(compared).toBe(network.shape.weightCount);
	});

	test.each(penalised.map(name => [name]))('%s: data gradient + penalty term is the gradient the optimizer took', name => {
		const trainer = trainerOf(name, 5);
		const {network} = trainer;
		const data = dataGradients(trainer);
		let terms = 0;
		let worst = 0;
		for (const ref of weightRefs(network.shape.layers, network.shape.bias)) {
			const chain = chainOf(network, ref, 0, trainer.learningRate);
			const k = ref.index;
			expect(relativeError(chain.dataGradient, data[k]!, 1e-12), `${name} ${ref.name}`).toBeLessThan(1e-12);
			if (ref.isBias) {
				// penalties cover the weights, not the biases
				expect(chain.penalty).toBeUndefined();
				expect(network.gradients[k]).toBe(data[k]);
				continue;
			}

			const w = network.previousWeights[k]!;
			expect(chain.penalty).toEqual({weight: w, term: 2 * network.l2 * w + network.l1 * sign(w)});
			expect(network.gradients[k]).toBe(data[k]! + chain.penalty!.term);
			worst = Math.max(worst, relativeError(chain.dataGradient + chain.penalty!.term, chain.gradient, 1e-300));
			terms++;
		}

		expect(terms).toBeGreaterThan(0);
		expect(worst).toBeLessThanOrEqual(1e-15);
	});
});

describe("the tutorial's chain", () => {
	test('3-2-1 at seed 0 after one iteration: g1 = 1.157, g2 = 0.1725, dError/dW41 = 0.1882', () => {
		const trainer = trainerOf('tutorial-3-inputs-seed-0', 1);
		const {network} = trainer;
		const w41 = weightRefs([3, 2, 1], false).find(ref => ref.name === 'W41')!;
		expect(w41.index).toBe(6);
		const chain = chainOf(network, w41, 0, trainer.learningRate);
		expect(chain.form).toBe('expanded');
		const significant = (value: number, digits: number) => Number(value.toPrecision(digits));
		expect(chain.factors.map(factor => factor.symbol)).toEqual(['g1', 'g2', 'g3']);
		expect(chain.factors[0]!.derivative).toBe('dError/dPredicted');
		expect(significant(chain.factors[0]!.value, 4)).toBe(1.157);
		expect(chain.factors[1]!.derivative).toBe('dPredicted/dSOP3');
		expect(significant(chain.factors[1]!.value, 4)).toBe(0.1725);
		expect(chain.factors[2]!.derivative).toBe('dSOP3/dW41');
		// dSOP3/dW41 is Activ1, the first hidden neuron's output
		expect(chain.factors[2]!.value).toBe(network.activations[1]![0]);
		expect(significant(chain.gradient, 4)).toBe(0.1882);
		expect(chain.change).toBe(-0.001 * chain.gradient);
	});

	test('a weight into the hidden layer: five factors, g3 the output weight as it was before the update', () => {
		const trainer = trainerOf('tutorial-3-inputs-seed-0', 1);
		const {network} = trainer;
		const w11 = weightRefs([3, 2, 1], false)[0]!;
		const chain = chainOf(network, w11, 0, trainer.learningRate);
		expect(chain.factors.map(factor => factor.derivative)).toEqual(['dError/dPredicted', 'dPredicted/dSOP3', 'dSOP3/dActiv1', 'dActiv1/dSOP1', 'dSOP1/dW11']);
		expect(chain.factors[2]!.value).toBe(trainer.initialWeights[6]);
		expect(chain.factors[2]!.value).not.toBe(network.weights[6]);
		expect(chain.factors[4]!.value).toBe(0.1);
		expect(relativeError(chain.dataGradient, network.gradients[0]!, 1e-12)).toBeLessThan(1e-12);
	});
});

describe('softmax with cross-entropy', () => {
	test('the first factor is p − t, and the output deltas are p − t', () => {
		const trainer = trainerOf('choices-softmax-3-classes', 3);
		const {network} = trainer;
		const {depth} = network;
		const nOut = network.shape.layers[depth]!;
		const outputs = network.activations[depth]!;
		for (let x = 0; x < network.batchSize * nOut; x++) {
			expect(network.deltas[depth]![x]).toBe(outputs[x]! - network.targets[x]!);
		}

		const intoOutput = weightRefs(network.shape.layers, network.shape.bias).filter(ref => ref.layer === depth - 1);
		expect(intoOutput.length).toBeGreaterThan(0);
		for (const position of [0, network.batchSize - 1]) {
			for (const ref of intoOutput) {
				const chain = chainOf(network, ref, position, trainer.learningRate);
				const x = position * nOut + ref.row;
				expect(chain.factors[0]!.formula).toBe('Predicted − target');
				expect(chain.factors[0]!.value).toBe(outputs[x]! - network.targets[x]!);
			}
		}
	});
});
