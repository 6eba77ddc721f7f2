import {describe, expect, test} from 'vitest';
import {PRESETS} from '../../source/core/presets.js';
import type {Setup} from '../../source/core/setup.js';
import {setupProblem, type SettingName} from '../../source/core/validate.js';
import {goldenRuns, setupOf} from '../helpers/golden.js';

const base: Setup = {
	...setupOf(goldenRuns().find(run => run.name === 'two-samples-4-3-2')!),
	layers: [2, 3, 2],
	samples: [
		{x: [0, 1], t: [1, 0]},
		{x: [1, 0], t: [0, 1]},
		{x: [1, 1], t: [1, 0]},
		{x: [0, 0], t: [0, 1]},
	],
};

// the two ways a setting is named: a flag on the command line, a key in a checkpoint
const flag: SettingName = setting => `--${setting.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`;
const key: SettingName = setting => `"${setting}"`;

describe('setupProblem: what only the whole setup can tell', () => {
	test.each(goldenRuns().map(run => [run.name, run] as const))('reference run %s is valid', (_name, run) => {
		expect(setupProblem(setupOf(run), flag)).toBeUndefined();
	});

	// a packaged dataset's preset (iris, mnist) has its samples from the package at load time: test/cli checks those
	test.each([...PRESETS.values()].filter(preset => preset.setup.samples.length > 0).map(preset => [preset.name, preset] as const))(
		'preset %s is valid',
		(_name, preset) => {
			expect(setupProblem({...preset.setup, seed: 0}, flag)).toBeUndefined();
		},
	);

	const cases: Array<[string, Partial<Setup>, string]> = [
		['softmax on the hidden layers', {activation: 'softmax'}, '--activation softmax is for the output layer only: give --output-activation softmax'],
		[
			'softmax with one output',
			{outputActivation: 'softmax', loss: 'cross-entropy', layers: [2, 3, 1], samples: [{x: [0, 1], t: [1]}]},
			'--output-activation softmax needs at least 2 outputs (--layers 2,3,1 has 1)',
		],
		['softmax with the squared loss', {outputActivation: 'softmax'}, '--output-activation softmax needs --loss cross-entropy'],
		[
			'cross-entropy with tanh outputs',
			{loss: 'cross-entropy', outputActivation: 'tanh'},
			'--loss cross-entropy needs sigmoid or softmax outputs (--output-activation is tanh)',
		],
		[
			'cross-entropy with relu outputs',
			{loss: 'cross-entropy', outputActivation: 'relu'},
			'--loss cross-entropy needs sigmoid or softmax outputs (--output-activation is relu)',
		],
		[
			'cross-entropy with linear outputs',
			{loss: 'cross-entropy', outputActivation: 'linear'},
			'--loss cross-entropy needs sigmoid or softmax outputs (--output-activation is linear)',
		],
		[
			'cross-entropy with a target above 1',
			{loss: 'cross-entropy', samples: [...base.samples, {x: [2, 2], t: [1.5, 0]}]},
			'--loss cross-entropy needs targets from 0 to 1 (a sample has target 1.5,0)',
		],
		[
			'cross-entropy with a negative target',
			{loss: 'cross-entropy', outputActivation: 'softmax', samples: [{x: [2, 2], t: [-0.5, 1.5]}]},
			'--loss cross-entropy needs targets from 0 to 1 (a sample has target -0.5,1.5)',
		],
		['a test fraction that holds out nothing', {test: 0.2}, '--test 0.2 of 4 samples leaves no test sample (it holds out floor(0.2 × 4) = 0)'],
		// flags and checkpoints take a fraction below 1, and floor(f · n) < n for every f < 1: only 1 itself leaves nothing to train
		['a test fraction that leaves nothing to train', {test: 1}, '--test 1 of 4 samples leaves no training sample (it holds out floor(1 × 4) = 4)'],
	];

	test.each(cases)('%s', (_name, change, line) => {
		const setup = {...base, ...change};
		expect(setupProblem(setup, flag)).toBe(line);
		// the same line with the checkpoint's names
		const inFile = setupProblem(setup, key)!;
		expect(inFile).not.toMatch(/--/);
		expect(inFile.replaceAll(/"([a-zA-Z]+)"/g, (_match, name: string) => flag(name as keyof Setup))).toBe(line);
	});

	test('the test fraction is fine when it holds out some but not all', () => {
		expect(setupProblem({...base, test: 0.25}, flag)).toBeUndefined();
		expect(setupProblem({...base, test: 0.75}, flag)).toBeUndefined();
	});

	test('targets of exactly 0 and 1 suit cross-entropy; squared takes any target', () => {
		expect(setupProblem({...base, loss: 'cross-entropy'}, flag)).toBeUndefined();
		expect(setupProblem({...base, samples: [{x: [0, 0], t: [-3, 7]}]}, flag)).toBeUndefined();
	});
});
