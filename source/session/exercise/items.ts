import {asFactor} from '../../core/maths/activations.js';
import {LOSSES} from '../../core/maths/losses.js';
/** Every number of one worked iteration that an exercise can ask, each with its name, its question, its formula and what it needs. */
import type {Network} from '../../core/maths/network.js';
import {weightRefs, type WeightRef} from '../../core/names.js';
import type {Explained, NeuronWork, SampleWork} from '../explain-types.js';
import {substitute} from '../explain-format.js';
import type {Item} from './types.js';

/** `x1` for an input, `Activ1` for a hidden neuron, `1` for a bias: what a weight multiplies. */
function inputName(sample: SampleWork, ref: WeightRef): string {
	if (ref.isBias) {
		return '1';
	}

	return ref.layer === 0 ? ref.from : sample.neurons[ref.from]!.activationName;
}

/** Its own names in a registry's formula: Activ, SOP, Predicted and target become `Activ1`, `SOP1` … */
function named(formula: string, neuron: NeuronWork, target: string): string {
	return substitute(formula, {Activ: neuron.activationName, SOP: neuron.sopName, Predicted: neuron.activationName, target});
}

/** Every item of the worked iteration of one sample: forward, error, backward, gradients, update. */
export function itemsOf(worked: Explained, network: Network): Map<string, Item> {
	const sample = worked.samples[0]!;
	const refs = weightRefs(worked.layers, worked.bias);
	const depth = worked.layers.length - 1;
	const entries = Object.entries(sample.neurons);
	const outputs = entries.filter(([, neuron]) => neuron.layer === depth);
	const one = outputs.length === 1;
	const targetName = (name: string) => (one ? 'target' : `target(${name})`);
	const items: Item[] = forwardItems(sample, refs, network, depth);
	for (const [name, neuron] of outputs) {
		const softmax = network.output.outputOnly;
		const sops = outputs.map(([other, o]) => (softmax ? `e^${o.sopName}` : other));
		items.push({
			id: `output-${name}`,
			quantity: 'output',
			neuron: name,
			label: neuron.activationName,
			text: `${neuron.activationName}: the network's output${one ? '' : ` ${name}`} (${network.output.name})`,
			formula: softmax ? `${neuron.activationName} = e^${neuron.sopName} / (${sops.join(' + ')})` : named(network.output.formula, neuron, ''),
			value: neuron.activation,
			needs: softmax ? outputs.map(([other]) => `sop-${other}`) : [`sop-${name}`],
		});
	}

	const {term, sum} = LOSSES.get(worked.loss).written(network.output.outputOnly);
	items.push({
		id: 'error',
		quantity: 'error',
		label: 'Error',
		text: `Error: the loss of the sample (${worked.loss})`,
		formula: `Error = ${sum(outputs.map(([name, neuron]) => term(neuron.activationName, targetName(name))))}`,
		value: sample.error,
		needs: outputs.map(([name]) => `output-${name}`),
	});
	for (const [name, neuron] of [...entries].reverse()) {
		items.push(deltaItem(network, refs, sample, name, neuron, neuron.layer === depth ? targetName(name) : undefined));
	}

	for (const ref of refs) {
		items.push(...weightItems(worked, sample, ref, network.optimizer.changeFormula));
	}

	return new Map(items.map(item => [item.id, item]));
}

/** Each neuron's SOP, and each hidden neuron's activation. */
function forwardItems(sample: SampleWork, refs: readonly WeightRef[], network: Network, depth: number): Item[] {
	const items: Item[] = [];
	for (const [name, neuron] of Object.entries(sample.neurons)) {
		const into = refs.filter(ref => ref.to === name);
		const senders = into.filter(ref => !ref.isBias && ref.layer > 0).map(ref => `activation-${ref.from}`);
		const sum = into.map(ref => `${inputName(sample, ref)}·${ref.name}`).join(' + ');
		items.push({
			id: `sop-${name}`,
			quantity: 'sop',
			neuron: name,
			layer: neuron.layer,
			label: neuron.sopName,
			text: `${neuron.sopName}: the sum of products into ${name}`,
			formula: `${neuron.sopName} = ${sum}`,
			value: neuron.sop,
			needs: senders,
		});
		if (neuron.layer < depth) {
			items.push({
				id: `activation-${name}`,
				quantity: 'activation',
				neuron: name,
				label: neuron.activationName,
				text: `${neuron.activationName}: the activation of ${name} (${network.hidden.name})`,
				formula: named(network.hidden.formula, neuron, ''),
				value: neuron.activation,
				needs: [`sop-${name}`],
			});
		}
	}

	return items;
}

function deltaItem(network: Network, refs: readonly WeightRef[], sample: SampleWork, name: string, neuron: NeuronWork, target: string | undefined): Item {
	const common = {
		id: `delta-${name}`,
		quantity: 'delta',
		neuron: name,
		label: `δ(${name})`,
		text: `δ(${name}) = dError/d${neuron.sopName}`,
		value: neuron.delta,
	} as const;
	const usesSop = (formula: string) => (/\bSOP\b/.test(formula) ? [`sop-${name}`] : []);
	if (target !== undefined) {
		const {errorDerivativeFormula} = network.loss;
		const derivative = network.output.derivativeFormula;
		const formula = errorDerivativeFormula
			? `${named(errorDerivativeFormula, neuron, target)} · ${asFactor(named(derivative, neuron, target))}`
			: named('Predicted − target', neuron, target);
		return {...common, formula: `δ(${name}) = ${formula}`, needs: [`output-${name}`, ...(errorDerivativeFormula ? usesSop(derivative) : [])]};
	}

	const next = refs.filter(ref => ref.from === name);
	const sum = next.map(ref => `${ref.name}·δ(${ref.to})`).join(' + ');
	const derivative = network.hidden.derivativeFormula;
	return {
		...common,
		formula: `δ(${name}) = (${sum}) · ${asFactor(named(derivative, neuron, ''))}`,
		needs: [...next.map(ref => `delta-${ref.to}`), `activation-${name}`, ...usesSop(derivative)],
	};
}

function weightItems(worked: Explained, sample: SampleWork, ref: WeightRef, changeFormula: string): Item[] {
	const weight = worked.weights[ref.name]!;
	const what = ref.isBias ? `the bias of ${ref.to}` : `${ref.name} (${ref.from} → ${ref.to})`;
	const from = !ref.isBias && ref.layer > 0 ? [`activation-${ref.from}`] : [];
	const buffers = weight.before ? ` (${Object.keys(weight.before).join(' and ')} start at 0)` : '';
	const steps = [...weight.steps.map(step => step.formula), changeFormula];
	return [
		{
			id: `gradient-${ref.name}`,
			quantity: 'gradient',
			weight: ref.name,
			label: `dError/d${ref.name}`,
			text: `dError/d${ref.name}: the gradient of ${what}`,
			formula: `dError/d${ref.name} = δ(${ref.to})·${inputName(sample, ref)}`,
			value: weight.gradient,
			needs: [`delta-${ref.to}`, ...from],
		},
		{
			id: `new-${ref.name}`,
			quantity: 'new-weight',
			weight: ref.name,
			label: `new ${ref.name}`,
			text: `${ref.name} after the update (${worked.optimizer})`,
			formula: `new ${ref.name} = ${ref.name} + change, where ${steps.join('; ')}${buffers}`,
			value: weight.newWeight,
			needs: [`gradient-${ref.name}`],
		},
	];
}
