import {ACTIVATIONS} from './maths/activations.js';
import {testCount} from './training/batches.js';
import {LOSSES} from './maths/losses.js';
import type {Setup} from './setup.js';

/** How a setting is named where the problem is reported: `--loss` on the command line, `"loss"` in a checkpoint. */
export type SettingName = (setting: keyof Setup) => string;

/**
 * The first problem with a setup's combination of choices, in one line, or undefined.
 * Each value on its own is checked where it is read (a flag, a file); this checks what
 * only the whole can tell.
 */
export function setupProblem(setup: Setup, name: SettingName): string | undefined {
	const {layers, samples} = setup;
	const output = ACTIVATIONS.entries[setup.outputActivation];
	const loss = LOSSES.entries[setup.loss];
	const outputs = layers.at(-1)!;
	if (ACTIVATIONS.entries[setup.activation].outputOnly) {
		return `${name('activation')} ${setup.activation} is for the output layer only: give ${name('outputActivation')} ${setup.activation}`;
	}

	if (output.outputOnly && outputs < 2) {
		return `${name('outputActivation')} ${output.name} needs at least 2 outputs (${name('layers')} ${layers.join(',')} has 1)`;
	}

	if (output.outputOnly && !loss.outputActivations?.includes(output.name)) {
		return `${name('outputActivation')} ${output.name} needs ${name('loss')} cross-entropy`;
	}

	if (loss.outputActivations && !loss.outputActivations.includes(output.name)) {
		return `${name('loss')} ${loss.name} needs ${loss.outputActivations.join(' or ')} outputs (${name('outputActivation')} is ${output.name})`;
	}

	const range = loss.targetRange;
	const outside = range && samples.find(sample => sample.t.some(t => t < range[0] || t > range[1]));
	if (range && outside) {
		return `${name('loss')} ${loss.name} needs targets from ${range[0]} to ${range[1]} (a sample has target ${outside.t.join(',')})`;
	}

	// softmax's outputs share one distribution: p − t is dError/dSOP only when the targets do too
	const unsummed = output.outputOnly && samples.find(sample => Math.abs(sample.t.reduce((sum, t) => sum + t, 0) - 1) > 1e-9);
	if (unsummed) {
		return `${name('outputActivation')} ${output.name} needs each sample's targets to sum to 1, one-hot for classes (a sample has target ${unsummed.t.join(',')})`;
	}

	if (setup.test > 0) {
		const held = testCount(samples.length, setup.test);
		if (held === 0 || held === samples.length) {
			const side = held === 0 ? 'no test sample' : 'no training sample';
			return `${name('test')} ${setup.test} of ${samples.length} samples leaves ${side} (it holds out floor(${setup.test} × ${samples.length}) = ${held})`;
		}
	}

	return undefined;
}
