import {weightRefs} from '../core/names.js';
import type {Setup} from '../core/setup.js';
import {InputError} from '../session/input-error.js';
import type {SurfaceChoice} from '../session/views/surface.js';

/** `--surface A,B --grid N`, checked against the network: the two weights by flat index. */
export type SurfaceOption = SurfaceChoice;

/** Names listed in full when one given is not a weight; past this, the first ones and a count. */
const LISTED = 40;

/**
 * The two weights `text` names, as the weights table names them. The comma that parts
 * them is the one that leaves a weight's name on each side (tutorial-10's W10,1 holds one).
 */
export function surfaceOption(text: string, setup: Pick<Setup, 'layers' | 'bias'>, grid: number): SurfaceOption {
	const refs = weightRefs(setup.layers, setup.bias);
	const index = new Map(refs.map(ref => [ref.name, ref.index]));
	const commas = [...text.matchAll(/,/g)].map(match => match.index);
	const parts = commas.map(at => [text.slice(0, at).trim(), text.slice(at + 1).trim()] as const);
	const found = parts.find(([a, b]) => index.has(a) && index.has(b));
	if (!found) {
		const unknown = parts.length === 1 ? parts[0]!.filter(name => !index.has(name)) : [text];
		const names = refs.slice(0, LISTED).map(ref => ref.name);
		const more = refs.length > LISTED ? `, … (${refs.length.toLocaleString('en-US')} in all)` : '';
		throw new InputError(
			`--surface ${text}: ${unknown.map(name => `'${name}'`).join(' and ')} ${unknown.length === 1 ? 'is not a weight' : 'are not weights'} of this network; its weights are ${names.join(' ')}${more}`,
		);
	}

	const [a, b] = found;
	if (a === b) {
		throw new InputError(`--surface ${text}: needs two different weights`);
	}

	return {names: [a, b], a: index.get(a)!, b: index.get(b)!, grid};
}
