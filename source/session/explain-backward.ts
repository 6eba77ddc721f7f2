/** --explain's backward pass and update: each δ, each weight's chain, its gradient, the optimizer's working, the new weight. */
import type {Activation} from '../core/maths/activations.js';
import {parameterOf} from '../core/maths/optimizers.js';
import type {NeuronWork, SampleWork, WeightWork} from './explain-types.js';
import {equation, given, givenOperand, num, operand, sampleHeading, SHOWN_SAMPLES, substitute, type View} from './explain-format.js';
import {inputOf} from './explain-forward.js';
import {digitsToTell, formatCount, formatNumber} from './format.js';

/**
 * The old and the new weight with enough digits that they read differently where they differ,
 * and that their difference shows the change to two digits (0.548813504 − 0.001·4.66679e-4 =
 * 0.548813037, not 0.548814 … = 0.548813, which rounding alone tells apart).
 */
function oldAndNew(weight: WeightWork): [string, string] {
	const change = Math.abs(weight.newWeight - weight.weight);
	const size = Math.max(Math.abs(weight.weight), Math.abs(weight.newWeight));
	const forChange = change > 0 && Number.isFinite(size) ? Math.ceil(Math.log10(size / change)) + 2 : 0;
	const digits = Math.min(17, Math.max(digitsToTell(weight.weight, weight.newWeight), forChange));
	return [formatNumber(weight.weight, digits), formatNumber(weight.newWeight, digits)];
}

export function backwardSection(view: View): string[] {
	const lines = ['## The backward pass: δ = dError/dSOP, from the output layer back'];
	const depth = view.w.layers.length - 1;
	for (const sample of view.shown) {
		const pass: string[] = [];
		for (let l = depth; l >= 1; l--) {
			for (const [name, neuron] of Object.entries(sample.neurons).filter(([, n]) => n.layer === l)) {
				pass.push(...(l === depth ? outputDelta(view, sample, name, neuron) : hiddenDelta(view, sample, name, neuron)));
			}
		}

		lines.push('', ...sampleHeading(view, sample, pass));
	}

	return lines;
}

function outputDelta({network}: View, sample: SampleWork, name: string, neuron: NeuronWork): string[] {
	const p = num(neuron.activation);
	const t = givenOperand(sample.targets[name]!);
	if (neuron.dErrorDActivation === undefined) {
		return [`- ${equation(`δ(${name})`, `dError/d${neuron.sopName}`, 'Predicted − target', `${p} − ${t}`, num(neuron.delta))}`];
	}

	const formula = network.loss.errorDerivativeFormula ?? '';
	const first = `dError/d${neuron.activationName}`;
	return [
		`- ${equation(first, formula, substitute(formula, {Predicted: p, target: t}), num(neuron.dErrorDActivation))}`,
		...deltaLines(network.output, name, neuron, first),
	];
}

function hiddenDelta({w, network, refs}: View, sample: SampleWork, name: string, neuron: NeuronWork): string[] {
	const next = refs.filter(ref => ref.layer === neuron.layer && ref.from === name);
	const names = next.map(ref => `${ref.name}·δ(${ref.to})`).join(' + ');
	const values = next.map(ref => `${operand(w.weights[ref.name]!.weight)}·${operand(sample.neurons[ref.to]!.delta)}`).join(' + ');
	const first = `dError/d${neuron.activationName}`;
	return [`- ${equation(first, names, values, num(neuron.dErrorDActivation!))}`, ...deltaLines(network.hidden, name, neuron, first)];
}

/** dActiv/dSOP with its numbers, then δ = dError/dActiv · dActiv/dSOP. */
function deltaLines(activation: Activation, name: string, neuron: NeuronWork, first: string): string[] {
	const second = `d${neuron.activationName}/d${neuron.sopName}`;
	const formula = activation.derivativeFormula;
	const values = substitute(formula, {Activ: operand(neuron.activation), SOP: operand(neuron.sop)});
	return [
		`- ${equation(second, formula, values, num(neuron.dActivationDSop!))}`,
		`- ${equation(`δ(${name})`, `${first} · ${second}`, `${operand(neuron.dErrorDActivation!)} · ${operand(neuron.dActivationDSop!)}`, num(neuron.delta))}`,
	];
}

export function chainSection({w, shown}: View): string[] {
	const lines = ['## Each weight’s chain: dError/dW as the product of its derivatives'];
	const one = w.samples.length === 1;
	const inputs = new Set(Object.keys(w.samples[0]?.inputs ?? {}));
	for (const [name, weight] of Object.entries(w.weights)) {
		const symbols = weight.chain.map(factor => factor.symbol).join('·');
		// the last factor of a weight from an input is that input, of a bias 1: written as given (0.1 and 1, not 0.100000 and 1.00000)
		const input = (k: number) => k === weight.chain.length - 1 && (weight.bias || inputs.has(weight.from));
		lines.push('', `### ${name}: ${weight.from} → ${weight.to}`, '');
		for (const [k, factor] of weight.chain.entries()) {
			lines.push(`- ${equation(factor.symbol, factor.derivative, factor.formula, ...(one ? [(input(k) ? given : num)(factor.values[0]!)] : []))}`);
		}

		for (const [s, sample] of shown.entries()) {
			const values = weight.chain.map((factor, k) => (input(k) ? givenOperand : operand)(factor.values[s]!)).join(' · ');
			const product = equation(symbols, values, num(weight.products[s]!));
			lines.push(one ? `- dError/d${name} = ${product}` : `- sample ${sample.sample}: ${product}`);
		}
	}

	return lines;
}

export function gradientSection({w, refs, shown}: View): string[] {
	const lines = ['## The gradients, as the trainer takes them: the mean over the batch of δ · input', ''];
	for (const ref of refs) {
		const weight = w.weights[ref.name]!;
		const symbol = `δ(${ref.to})·${inputOf(shown[0]!, ref).name}`;
		const terms = shown.map(sample => `${operand(sample.neurons[ref.to]!.delta)}·${inputOf(sample, ref).text}`);
		const data = weight.dataGradient ?? weight.gradient;
		const count = w.samples.length;
		const working =
			count === 1
				? [symbol, terms[0]!]
				: count <= SHOWN_SAMPLES
					? [`mean of ${symbol}`, `(${terms.join(' + ')}) / ${count}`]
					: [`mean of ${symbol} over the ${formatCount(count)} samples`];
		lines.push(`- ${equation(`dError/d${ref.name}`, ...working, num(data))}`);
		if (weight.penalty !== undefined) {
			const sign = String(Math.sign(weight.weight));
			const penalty = `${num(data)} + 2·${given(w.l2)}·${operand(weight.weight)} + ${given(w.l1)}·${sign}`;
			lines.push(
				`  - ${equation('gradient', `dError/d${ref.name} + 2·L2·${ref.name} + L1·sign(${ref.name})`, penalty, `${num(data)} + ${operand(weight.penalty)}`, num(weight.gradient))}`,
			);
		}
	}

	return lines;
}

export function updateSection({w, network}: View): string[] {
	const lines = [`## The update: ${network.optimizer.formula}`, ''];
	for (const [name, weight] of Object.entries(w.weights)) {
		lines.push(
			...network.optimizer.explain({
				name,
				learningRate: given(w.learningRate),
				parameter: given(parameterOf(w.optimizer, w)?.value ?? 0),
				step: w.step ?? 0,
				gradient: operand(weight.gradient),
				before: buffer => operand(weight.before![buffer]!),
				steps: weight.steps.map(step => ({formula: step.formula, value: num(step.value), operand: operand(step.value)})),
				changeFormula: network.optimizer.changeFormula,
				change: num(weight.change),
				changeOperand: operand(weight.change),
				weight: oldAndNew(weight)[0],
				newWeight: oldAndNew(weight)[1],
				equation,
			}),
		);
	}

	return lines;
}
