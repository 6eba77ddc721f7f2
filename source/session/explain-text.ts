import type {Activation} from '../core/activations.js';
import {describePhase, phasesOf} from '../core/iteration.js';
import type {LossName} from '../core/losses.js';
import {describeLayers, weightRefs, type WeightRef} from '../core/names.js';
import type {Network} from '../core/network.js';
import {ADAM, type OptimizerName} from '../core/optimizers.js';
import type {Explained, NeuronWork, SampleWork, WeightWork} from './explain.js';
import {formatCount, formatNumber, plural} from './format.js';

/** Samples of a batch the text works out; --json has every one. */
export const SHOWN_SAMPLES = 4;

/** A computed number: 6 significant digits, enough to check by hand. */
export const num = (x: number) => formatNumber(x, 6);
/** A number given by the user (inputs, targets, learning rate …): as given. */
export const given = (x: number) => String(x);
const bracket = (text: string, x: number) => (x < 0 ? `(${text})` : text);
const operand = (x: number) => bracket(num(x), x);
const givenOperand = (x: number) => bracket(given(x), x);
/** `a = b = c`, a part equal to the one before it left out. */
const equation = (...parts: string[]) => parts.filter((part, k) => k === 0 || part !== parts[k - 1]).join(' = ');
const rightSide = (formula: string) => formula.slice(formula.indexOf(' = ') + 3);
const substitute = (formula: string, values: Readonly<Record<string, string>>) =>
	formula.replaceAll(/\b(Activ|SOP|Predicted|target)\b/g, name => values[name] ?? name);

/** A sample's error written out: each output's term, and their sum. */
const ERRORS: Record<LossName, (softmax: boolean) => {term: (p: string, t: string) => string; sum: (terms: readonly string[]) => string}> = {
	squared: () => ({term: (p, t) => `(${p} − ${t})²`, sum: terms => terms.join(' + ')}),
	'cross-entropy': softmax =>
		softmax
			? {term: (p, t) => `${t}·ln ${p}`, sum: terms => `−(${terms.join(' + ')})`}
			: {term: (p, t) => `−(${t}·ln ${p} + (1 − ${t})·ln(1 − ${p}))`, sum: terms => terms.join(' + ')},
};

type View = {
	readonly w: Explained;
	readonly network: Network;
	readonly refs: readonly WeightRef[];
	readonly shown: readonly SampleWork[];
};

/** `--explain N` as Markdown that reads well in a terminal and in a handout. */
export function explainText(w: Explained, network: Network): string {
	const view: View = {w, network, refs: weightRefs(w.layers, w.bias), shown: w.samples.slice(0, SHOWN_SAMPLES)};
	const sections = [heading(view), startTable(view), forwardSection(view), errorSection(view), backwardSection(view)];
	sections.push(chainSection(view), gradientSection(view), updateSection(view), endTable(view));
	return `${sections.map(lines => lines.join('\n')).join('\n\n')}\n`;
}

function heading({w, network}: View): string[] {
	const choices = [describeLayers(w.layers), w.activation, w.bias ? 'bias' : 'no bias', `learning rate ${given(w.learningRate)}`, `seed ${w.seed}`];
	const of =
		w.batch.length === w.trainingSamples
			? `all ${plural(w.trainingSamples, 'training sample')}`
			: `${plural(w.batch.length, 'sample')} of ${formatCount(w.trainingSamples)}`;
	const left = w.samples.length - SHOWN_SAMPLES;
	const batch =
		w.batch.length === 1
			? `The batch: sample ${w.batch[0]} of ${plural(w.trainingSamples, 'training sample')}.`
			: left > 0
				? `The batch: ${of}; the first ${SHOWN_SAMPLES} (samples ${w.batch.slice(0, SHOWN_SAMPLES).join(', ')}) are worked out here, ${formatCount(left)} more are left out: --json has every one.`
				: `The batch: ${of} (samples ${w.batch.join(', ')}).`;
	const penalties = [w.l1 > 0 ? [`L1 ${given(w.l1)}`] : [], w.l2 > 0 ? [`L2 ${given(w.l2)}`] : []].flat();
	const setup = [`${w.outputActivation} output`, `${w.loss} loss`, w.optimizer, ...penalties];
	return [
		`# Iteration ${w.iteration}, worked out`,
		'',
		`${choices.join(', ')}; ${setup.join(', ')}. ${batch}`,
		'',
		'Each step, in the tutorial’s words:',
		'',
		...phasesOf(w.layers.length - 1).map(phase => `- ${describePhase(phase, network)}`),
	];
}

function startTable({w, refs}: View): string[] {
	const rows = refs.map(ref => [ref.name, `${ref.from} → ${ref.to}`, num(w.weights[ref.name]!.weight)]);
	return ['## The weights before the iteration', '', ...table(['weight', 'from → to', 'value'], rows)];
}

/** `### Sample 3` when the batch has several; nothing for one. */
function sampleHeading(view: View, sample: SampleWork, lines: string[]): string[] {
	return view.w.samples.length === 1 ? lines : [`### Sample ${sample.sample}`, '', ...lines];
}

function forwardSection(view: View): string[] {
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
function inputOf(sample: SampleWork, ref: WeightRef): {readonly name: string; readonly text: string} {
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
	const {term, sum} = ERRORS[w.loss](network.output.outputOnly);
	const terms = outputs.map(([name, neuron]) => term(num(neuron.activation), givenOperand(sample.targets[name]!)));
	const shares = outputs.map(([, neuron]) => operand(neuron.error!));
	const named = outputs.length === 1 ? [sum([term('Predicted', 'target')])] : [];
	return equation('Error', ...named, sum(terms), shares.join(' + '), num(sample.error));
}

function errorSection({w, shown}: View): string[] {
	const errors = shown.map(sample => operand(sample.error));
	const mean =
		w.samples.length === 1
			? `the error of its one sample`
			: w.samples.length <= SHOWN_SAMPLES
				? `(${errors.join(' + ')}) / ${w.samples.length}`
				: `the mean of the ${formatCount(w.samples.length)} samples’ errors`;
	return ['## The error: the mean over the batch', '', `Error = ${mean} = ${num(w.error)}`];
}

function backwardSection(view: View): string[] {
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

function chainSection({w, shown}: View): string[] {
	const lines = ['## Each weight’s chain: dError/dW as the product of its derivatives'];
	const one = w.samples.length === 1;
	for (const [name, weight] of Object.entries(w.weights)) {
		const symbols = weight.chain.map(factor => factor.symbol).join('·');
		lines.push('', `### ${name}: ${weight.from} → ${weight.to}`, '');
		for (const factor of weight.chain) {
			lines.push(`- ${equation(factor.symbol, factor.derivative, factor.formula, ...(one ? [num(factor.values[0]!)] : []))}`);
		}

		for (const [s, sample] of shown.entries()) {
			const values = weight.chain.map(factor => operand(factor.values[s]!)).join(' · ');
			const product = equation(symbols, values, num(weight.products[s]!));
			lines.push(one ? `- dError/d${name} = ${product}` : `- sample ${sample.sample}: ${product}`);
		}
	}

	return lines;
}

function gradientSection({w, refs, shown}: View): string[] {
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

function updateSection({w, network}: View): string[] {
	const lines = [`## The update: ${network.optimizer.formula}`, ''];
	for (const [name, weight] of Object.entries(w.weights)) {
		lines.push(...UPDATES[w.optimizer](w, name, weight, network.optimizer.changeFormula));
	}

	return lines;
}

const newWeight = (name: string, weight: WeightWork) => `${equation(name, `${num(weight.weight)} + ${operand(weight.change)}`, num(weight.newWeight))}`;

/** Each optimizer's working for one weight, with its numbers. */
const UPDATES: Record<OptimizerName, (w: Explained, name: string, weight: WeightWork, changeFormula: string) => string[]> = {
	sgd: (w, name, weight) => [
		`- ${equation(name, `${name} − lr·gradient`, `${num(weight.weight)} − ${given(w.learningRate)}·${operand(weight.gradient)}`, num(weight.newWeight))}`,
	],
	momentum: (w, name, weight) => [
		`- ${name}: ${equation(weight.steps[0]!.formula, `${given(w.momentum!)}·${operand(weight.before!['velocity']!)} − ${given(w.learningRate)}·${operand(weight.gradient)}`, num(weight.change))}; ${newWeight(name, weight)}`,
	],
	adam(w, name, weight, changeFormula) {
		const [m, v, mHat, vHat] = weight.steps.map(step => step.value) as [number, number, number, number];
		const g = operand(weight.gradient);
		const values = [
			`${ADAM.beta1}·${operand(weight.before!['m']!)} + ${ADAM.oneMinusBeta1}·${g}`,
			`${ADAM.beta2}·${operand(weight.before!['v']!)} + ${ADAM.oneMinusBeta2}·${g}²`,
			`${operand(m)} / (1 − ${ADAM.beta1}^${w.step})`,
			`${operand(v)} / (1 − ${ADAM.beta2}^${w.step})`,
		];
		const change = `−${given(w.learningRate)} · ${operand(mHat)} / (√${operand(vHat)} + ${ADAM.epsilon})`;
		return [
			`- ${name}:`,
			...weight.steps.map((step, k) => `  - ${equation(step.formula, values[k]!, num(step.value))}`),
			`  - ${equation(changeFormula, change, num(weight.change))}`,
			`  - ${newWeight(name, weight)}`,
		];
	},
};

function endTable({w}: View): string[] {
	const rows = Object.entries(w.weights).map(([name, weight]) => [name, num(weight.weight), num(weight.gradient), num(weight.change), num(weight.newWeight)]);
	const diverged = !Number.isFinite(w.error) || Object.values(w.weights).some(weight => !Number.isFinite(weight.newWeight));
	const note = diverged
		? ['', 'The error or a weight is no longer a finite number: the run diverges at this iteration (--json writes such a number as null).']
		: [];
	return ['## The weights after the iteration', '', ...table(['weight', 'before', 'gradient', 'change', 'after'], rows), ...note];
}

/** A Markdown table, its columns padded to line up in a terminal. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
	const widths = header.map((cell, c) => Math.max(cell.length, ...rows.map(row => row[c]!.length)));
	const line = (cells: readonly string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
	return [line(header), line(widths.map(width => '-'.repeat(width))), ...rows.map(line)];
}
