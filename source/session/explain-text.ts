import {describePhase, phasesOf} from '../core/training/iteration.js';
import {describeLayers, weightRefs} from '../core/names.js';
import type {Network} from '../core/maths/network.js';
import {backwardSection, chainSection, gradientSection, updateSection} from './explain-backward.js';
import {given, num, SHOWN_SAMPLES, table, type View} from './explain-format.js';
import {errorSection, forwardSection} from './explain-forward.js';
import type {Explained} from './explain-types.js';
import {formatCount, plural} from './format.js';

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

function endTable({w}: View): string[] {
	const rows = Object.entries(w.weights).map(([name, weight]) => [name, num(weight.weight), num(weight.gradient), num(weight.change), num(weight.newWeight)]);
	const diverged = !Number.isFinite(w.error) || Object.values(w.weights).some(weight => !Number.isFinite(weight.newWeight));
	const note = diverged
		? ['', 'The error or a weight is no longer a finite number: the run diverges at this iteration (--json writes such a number as null).']
		: [];
	return ['## The weights after the iteration', '', ...table(['weight', 'before', 'gradient', 'change', 'after'], rows), ...note];
}
