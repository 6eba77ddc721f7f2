import {LOSSES} from '../core/maths/losses.js';
/** --explain's forward pass and error: each SOP written out as its sum, each activation, each sample's error, their mean. */
import type {Activation} from '../core/maths/activations.js';
import type {WeightRef} from '../core/names.js';
import type {NeuronWork, SampleWork} from './explain-types.js';
import {equation, given, givenOperand, num, operand, rightSide, sampleHeading, SHOWN_SAMPLES, substitute, type View} from './explain-format.js';
import {formatCount} from './format.js';

export function forwardSection(view: View): string[] {
	const lines = ['## The forward pass: SOP = Σ input · weight, then the activation'];
	for (const sample of view.shown) {
		const inputs = Object.entries(sample.inputs).map(([name, x]) => `${name} = ${given(x)}`);
		const targets = Object.entries(sample.targets).map(([name, t]) => `${name} = ${given(t)}`);
		const pass = [`Inputs ${inputs.join(', ')}; target ${targets.join(', ')}.`, ''];
		for (let l = 1; l < view.w.layers.length; l++) {
			pass.push(...layerLines(view, sample, l));
		}

		pass.push(`- ${sampleError(view, sample)}`);
		lines.push('', ...sampleHeading(view, sample, pass));
	}

	return lines;
}

/** The input a weight multiplies, by name and written as a number, for one sample. */
export function inputOf(sample: SampleWork, ref: WeightRef): {readonly name: string; readonly text: string} {
	if (ref.isBias) {
		return {name: '1', text: '1'};
	}

	if (ref.layer === 0) {
		return {name: ref.from, text: givenOperand(sample.inputs[ref.from]!)};
	}

	const neuron = sample.neurons[ref.from]!;
	return {name: neuron.activationName, text: operand(neuron.activation)};
}

function layerLines({w, network, refs}: View, sample: SampleWork, l: number): string[] {
	const neurons = Object.entries(sample.neurons).filter(([, neuron]) => neuron.layer === l);
	const activation = l === w.layers.length - 1 ? network.output : network.hidden;
	const lines: string[] = [];
	for (const [j, [, neuron]] of neurons.entries()) {
		const row = refs.filter(ref => ref.layer === l - 1 && ref.row === j);
		const names = row.map(ref => `${inputOf(sample, ref).name}·${ref.name}`);
		const values = row.map(ref => `${inputOf(sample, ref).text}·${operand(w.weights[ref.name]!.weight)}`);
		lines.push(`- ${equation(neuron.sopName, names.join(' + '), values.join(' + '), num(neuron.sop))}`);
		if (!activation.outputOnly) {
			lines.push(`- ${activationLine(activation, neuron)}`);
		}
	}

	return activation.outputOnly ? [...lines, ...softmaxLines(neurons.map(([, neuron]) => neuron))] : lines;
}

function activationLine(activation: Activation, neuron: NeuronWork): string {
	const formula = rightSide(activation.formula);
	const named = substitute(formula, {SOP: neuron.sopName});
	return equation(neuron.activationName, named, substitute(formula, {SOP: operand(neuron.sop)}), num(neuron.activation));
}

/** softmax over the output layer, its largest SOP subtracted as the trainer does. */
function softmaxLines(neurons: readonly NeuronWork[]): string[] {
	const m = Math.max(...neurons.map(neuron => neuron.sop));
	const sum = neurons.reduce((total, neuron) => total + Math.exp(neuron.sop - m), 0);
	const exponent = (neuron: NeuronWork) => `e^(${operand(neuron.sop)} − ${operand(m)})`;
	const names = neurons.map(neuron => `e^(${neuron.sopName} − m)`).join(' + ');
	return [
		`- m = the largest SOP = ${num(m)}; Σ = ${equation(names, neurons.map(exponent).join(' + '), num(sum))}`,
		...neurons.map(
			neuron => `- ${equation(neuron.activationName, `e^(${neuron.sopName} − m) / Σ`, `${exponent(neuron)} / ${num(sum)}`, num(neuron.activation))}`,
		),
	];
}

function sampleError({w, network}: View, sample: SampleWork): string {
	const outputs = Object.entries(sample.neurons).filter(([, neuron]) => neuron.error !== undefined);
	const {term, sum} = LOSSES.get(w.loss).written(network.output.outputOnly);
	const terms = outputs.map(([name, neuron]) => term(num(neuron.activation), givenOperand(sample.targets[name]!)));
	const shares = outputs.map(([, neuron]) => operand(neuron.error!));
	const named = outputs.length === 1 ? [sum([term('Predicted', 'target')])] : [];
	return equation('Error', ...named, sum(terms), shares.join(' + '), num(sample.error));
}

export function errorSection({w, shown}: View): string[] {
	const errors = shown.map(sample => operand(sample.error));
	const mean =
		w.samples.length === 1
			? `the error of its one sample`
			: w.samples.length <= SHOWN_SAMPLES
				? `(${errors.join(' + ')}) / ${w.samples.length}`
				: `the mean of the ${formatCount(w.samples.length)} samples’ errors`;
	return ['## The error: the mean over the batch', '', `Error = ${mean} = ${num(w.error)}`];
}
