import {describe, expect, test} from 'vitest';
import {buildOptions, type Loaded, type Options} from '../../source/cli/build.js';
import {parseArgv} from '../../source/cli/parse.js';
import {parseCheckpoint, type Resume} from '../../source/core/files/checkpoint.js';
import {PRESETS} from '../../source/core/presets.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {checkpointText} from '../../source/session/exports.js';
import {InputError} from '../../source/session/input-error.js';

const SEED = 7;

function build(argv: readonly string[], loaded: Partial<Loaded> = {}): Options {
	return buildOptions(parseArgv(argv), {randomSeed: SEED, ...loaded});
}

/** The one line buildOptions throws. */
function problem(argv: readonly string[], loaded: Partial<Loaded> = {}): string {
	try {
		build(argv, loaded);
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		const {message} = error as InputError;
		expect(message).not.toContain('\n');
		return message;
	}

	throw new Error(`buildOptions(${argv.join(' ')}) did not throw`);
}

/** A checkpoint of tutorial-3 (seed 3) after `iterations`, as --load reads it. */
function checkpointAt(iterations: number, limit = iterations): Resume {
	const trainer = new Trainer({...PRESETS.get('tutorial-3')!.setup, seed: 3, limit});
	trainer.step(iterations);
	const read = parseCheckpoint(checkpointText(trainer));
	if ('problem' in read) {
		throw new Error(read.problem);
	}

	return read;
}

const csv3 = '0.1,0.4,4.1,0.2\n0.5,0.5,1,0.8\n0,1,2,0.4\n';

describe('buildOptions: the defaults and the flags', () => {
	test('no flags: the tutorial-3 preset with the random seed', () => {
		const {run, headless, json} = build([]);
		expect(run.setup).toMatchObject({layers: [3, 2, 1], activation: 'sigmoid', bias: false, learningRate: 0.001, limit: 80_000, seed: SEED});
		expect(run.setup.samples).toEqual([{x: [0.1, 0.4, 4.1], t: [0.2]}]);
		expect(run).toMatchObject({paused: false, speed: 10_000});
		expect([headless, json]).toEqual([false, false]);
	});

	test('every setting flag sets its setting', () => {
		const {setup} = build([
			...['--layers', '2,4,3,2', '--activation', 'tanh', '--output-activation', 'sigmoid', '--bias', '--loss', 'cross-entropy'],
			...['--optimizer', 'momentum', '--momentum', '0.5', '--l1', '0.01', '--l2', '0.02', '--init', 'xavier'],
			...['--lr', '0.3', '--iterations', '123', '--seed', '9', '--batch', '2', '--until-error', '0.001'],
			...['--dataset', 'gauss', '--samples', '10', '--test', '0.2'],
		]).run;
		expect(setup).toMatchObject({
			layers: [2, 4, 3, 2],
			activation: 'tanh',
			outputActivation: 'sigmoid',
			bias: true,
			loss: 'cross-entropy',
			optimizer: 'momentum',
			momentum: 0.5,
			l1: 0.01,
			l2: 0.02,
			init: 'xavier',
			learningRate: 0.3,
			limit: 123,
			seed: 9,
			batch: 2,
			untilError: 0.001,
			test: 0.2,
		});
		expect(setup.samples).toHaveLength(10);
		// two outputs from a classification dataset: one-hot targets
		expect(setup.samples.every(sample => sample.t.length === 2 && sample.t[0]! + sample.t[1]! === 1)).toBe(true);
	});

	test('the modes and files', () => {
		const options = build(['--headless', '--json', '--save', 'a.json', '--history', 'h.csv', '--export-data', 'd.csv', '--paused', '--speed', 'max']);
		expect(options).toMatchObject({headless: true, json: true, exportData: 'd.csv'});
		expect(options.run).toMatchObject({save: 'a.json', history: 'h.csv', paused: true, speed: Number.POSITIVE_INFINITY});
		expect(build(['--headless', '--every', '10']).every).toBe(10);
	});

	test('--preset sets the start; flags override it', () => {
		const {setup} = build(['--preset', 'xor', '--lr', '0.5']).run;
		expect(setup).toMatchObject({layers: [2, 3, 1], bias: true, learningRate: 0.5, limit: 5000});
		expect(setup.samples).toHaveLength(4);
	});

	test("--activation is every layer's, the output's too, unless --output-activation sets it apart", () => {
		expect(build(['--activation', 'tanh']).run.setup).toMatchObject({activation: 'tanh', outputActivation: 'tanh'});
		expect(build(['--activation', 'tanh', '--output-activation', 'sigmoid']).run.setup).toMatchObject({activation: 'tanh', outputActivation: 'sigmoid'});
		expect(build(['--output-activation', 'linear']).run.setup).toMatchObject({activation: 'sigmoid', outputActivation: 'linear'});
		// a preset with an output of its own keeps it
		expect(build(['--preset', 'spiral', '--activation', 'relu']).run.setup).toMatchObject({activation: 'relu', outputActivation: 'sigmoid'});
	});

	test('--inputs and --target without --layers size the input layer and keep the rest', () => {
		const {setup} = build(['--inputs', '1,2', '--target', '0.5']).run;
		expect(setup.layers).toEqual([2, 2, 1]);
		expect(setup.samples).toEqual([{x: [1, 2], t: [0.5]}]);
	});

	test('--data: the CSV sizes the input layer; --layers decides the columns', () => {
		expect(build(['--data', 'd.csv'], {csv: csv3}).run.setup).toMatchObject({layers: [3, 2, 1], samples: [{x: [0.1, 0.4, 4.1], t: [0.2]}, {}, {}]});
		expect(build(['--data', 'd.csv', '--layers', '2,2,2'], {csv: csv3}).run.setup.samples[1]).toEqual({x: [0.5, 0.5], t: [1, 0.8]});
	});

	test('quoted numbers in --data are numbers', () => {
		const {samples} = build(['--data', 'q.csv', '--layers', '2,1'], {csv: '"1","2","0.5"\n'}).run.setup;
		expect(samples).toEqual([{x: [1, 2], t: [0.5]}]);
	});

	test('--features computes the inputs from 2 coordinates', () => {
		const {setup, plane} = build(['--dataset', 'circle', '--samples', '5', '--features', 'x1,x2,x1^2']).run;
		expect(setup.layers[0]).toBe(3);
		expect(setup.samples[0]!.x[2]).toBeCloseTo(setup.samples[0]!.x[0]! ** 2, 12);
		expect(plane?.features).toEqual(['x1', 'x2', 'x1^2']);
	});

	test('--weights: the nested list or {"weights": …} of the right shape', () => {
		const weights = [
			[
				[1, 2, 3],
				[4, 5, 6],
			],
			[[7, 8]],
		];
		expect(build(['--weights', 'w.json'], {weights}).run.setup.weights).toEqual(weights);
		expect(build(['--weights', 'w.json'], {weights: {weights}}).run.setup.weights).toEqual(weights);
	});

	test('--load continues the checkpoint: its setup and state, a new limit allowed', () => {
		const checkpoint = checkpointAt(10);
		const {run} = build(['--load', 'c.json', '--iterations', '20', '--lr', '0.01'], {checkpoint});
		expect(run.setup).toMatchObject({seed: 3, limit: 20, learningRate: 0.01, layers: [3, 2, 1]});
		expect(run.resume?.iteration).toBe(10);
		// the rate given goes on from the loaded iteration, not the checkpoint's
		expect(run.resume?.learningRate).toBe(0.01);
		expect(build(['--load', 'c.json', '--iterations', '20'], {checkpoint}).run.resume?.learningRate).toBe(checkpoint.state.learningRate);
		// a setting given with the checkpoint's own value is no disagreement
		expect(build(['--load', 'c.json', '--iterations', '20', '--seed', '3'], {checkpoint}).run.setup.seed).toBe(3);
	});
});

describe('buildOptions: every bad combination is one line naming the flag', () => {
	const weights = {weights: [[[1, 2, 3]], [[1]]]};
	test.each<[string, string[], Partial<Loaded>, string]>([
		['--inputs of the wrong length', ['--layers', '3,2,1', '--inputs', '1,2'], {}, '--inputs: 2 values, but the input layer has 3 neurons (layers 3,2,1)'],
		['--target of the wrong length', ['--target', '1,2'], {}, '--target: 2 values, but the output layer has 1 neuron'],
		['--inputs of one value', ['--layers', '3,2,1', '--inputs', '1'], {}, '--inputs: 1 value, but the input layer has 3 neurons'],
		['--layers that fit no sample, one target', ['--layers', '784,512,10'], {}, 'the samples have 3 inputs and 1 target; give --inputs (784 values)'],
		['--layers that fit no sample', ['--layers', '4,2,1'], {}, '--layers 4,2,1: the samples have 3 inputs'],
		['--inputs and --data', ['--inputs', '1,2,3', '--data', 'd.csv'], {csv: csv3}, '--data and --inputs: give the samples one way'],
		['--target and --dataset', ['--target', '1', '--dataset', 'xor'], {}, '--dataset and --target: give the samples one way'],
		['--json without --headless', ['--json'], {}, '--json goes with --headless'],
		['--every without --headless', ['--every', '5'], {}, '--every goes with --headless'],
		['--every with --json', ['--headless', '--json', '--every', '5'], {}, '--json and --every both write to stdout'],
		['--explain with --headless', ['--explain', '1', '--headless'], {}, '--explain'],
		[
			'softmax with squared loss',
			['--layers', '3,2,2', '--target', '1,0', '--output-activation', 'softmax'],
			{},
			'--output-activation softmax needs --loss cross-entropy',
		],
		[
			'cross-entropy with tanh outputs',
			['--loss', 'cross-entropy', '--output-activation', 'tanh'],
			{},
			'--loss cross-entropy needs sigmoid or softmax outputs (--output-activation is tanh)',
		],
		['cross-entropy with relu outputs', ['--loss', 'cross-entropy', '--output-activation', 'relu'], {}, '--output-activation is relu'],
		['cross-entropy with linear outputs', ['--loss', 'cross-entropy', '--output-activation', 'linear'], {}, '--output-activation is linear'],
		// the hidden activation is the output's when --output-activation is not given
		['cross-entropy with tanh everywhere', ['--loss', 'cross-entropy', '--activation', 'tanh'], {}, '(--output-activation is tanh)'],
		[
			'softmax with one output',
			['--output-activation', 'softmax', '--loss', 'cross-entropy'],
			{},
			'--output-activation softmax needs at least 2 outputs (--layers 3,2,1 has 1)',
		],
		[
			'cross-entropy targets above 1',
			['--loss', 'cross-entropy', '--target', '2'],
			{},
			'--loss cross-entropy needs targets from 0 to 1 (a sample has target 2)',
		],
		['cross-entropy targets below 0', ['--loss', 'cross-entropy', '--data', 'd.csv', '--layers', '1,1'], {csv: '1,0.5\n2,-0.1\n'}, 'needs targets from 0 to 1'],
		['--test leaving no test sample', ['--test', '0.5'], {}, '--test 0.5 of 1 samples leaves no test sample'],
		['--test leaving no test sample of four', ['--preset', 'xor', '--test', '0.2'], {}, 'floor(0.2 × 4) = 0'],
		['--momentum without --optimizer momentum', ['--momentum', '0.5'], {}, '--momentum goes with --optimizer momentum'],
		['--momentum with adam', ['--optimizer', 'adam', '--momentum', '0.5'], {}, '--momentum goes with --optimizer momentum'],
		['--features with 3-input data', ['--features', 'x1,x2'], {}, '--features computes inputs from 2 coordinates, but the samples have 3 inputs'],
		['--samples without --dataset', ['--samples', '10'], {}, '--samples goes with --dataset'],
		['--noise without --dataset', ['--noise', '0.1'], {}, '--noise goes with --dataset'],
		['--data-seed without --dataset', ['--data-seed', '1'], {}, '--data-seed goes with --dataset'],
		['--weights of the wrong shape', ['--weights', 'w.json'], {weights}, '--weights w.json: '],
		['--weights not a list', ['--weights', 'w.json'], {weights: 'hello'}, '--weights w.json'],
		['hidden softmax', ['--activation', 'softmax'], {}, "--activation: unknown activation 'softmax'"],
		['too many weights', ['--layers', '3,5000,5000,1'], {}, 'more than the 10,000,000 descent handles'],
	])('%s', (_what, argv, loaded, message) => {
		expect(problem(argv, loaded)).toContain(message);
	});

	test('--test of 1 and 0 are refused when read', () => {
		expect(() => parseArgv(['--test', '1'])).toThrow(InputError);
		expect(() => parseArgv(['--test', '0'])).toThrow(InputError);
	});
});

describe('buildOptions with --load', () => {
	const checkpoint = checkpointAt(10);

	test('--iterations not beyond the checkpoint', () => {
		expect(problem(['--load', 'c.json', '--iterations', '10'], {checkpoint})).toBe(
			'--iterations 10: the checkpoint c.json is at iteration 10 already; give more to train on',
		);
		expect(problem(['--load', 'c.json', '--iterations', '5'], {checkpoint})).toContain('--iterations 5');
	});

	test('a finished checkpoint and no --iterations: the dashboard opens it at its end; headless and --explain have nothing to train', () => {
		const refused = "--load c.json: the checkpoint's run ended at its limit, iteration 10; give --iterations above that to train on";
		expect(problem(['--load', 'c.json', '--headless'], {checkpoint})).toContain(refused);
		expect(problem(['--load', 'c.json', '--explain', '1'], {checkpoint})).toContain(refused);
		const {run} = build(['--load', 'c.json'], {checkpoint});
		expect([run.setup.limit, run.resume?.iteration]).toEqual([10, 10]);
	});

	test('a checkpoint past its own limit (edited by hand) names its iteration and its limit, each the right one, in the dashboard too', () => {
		const past = {...checkpoint, setup: {...checkpoint.setup, limit: 7}};
		const said = "--load c.json: the checkpoint is at iteration 10, past its run's limit of 7 iterations; give --iterations above 10 to train on";
		for (const flags of [['--headless'], [], ['--paused'], ['--explain', '11']]) {
			expect(problem(['--load', 'c.json', ...flags], {checkpoint: past})).toBe(said);
		}

		const thousands = checkpointAt(1200, 1500);
		expect(problem(['--load', 'c.json'], {checkpoint: {...thousands, setup: {...thousands.setup, limit: 1000}}})).toContain(
			"at iteration 1,200, past its run's limit of 1,000 iterations; give --iterations above 1,200",
		);
		expect(build(['--load', 'c.json', '--iterations', '11'], {checkpoint: past}).run.setup.limit).toBe(11);
	});

	test('an unfinished checkpoint trains on to its own limit', () => {
		const unfinished = checkpointAt(10, 50);
		expect(build(['--load', 'c.json'], {checkpoint: unfinished}).run.setup.limit).toBe(50);
	});

	test('a setting that disagrees with the checkpoint', () => {
		expect(problem(['--load', 'c.json', '--iterations', '20', '--activation', 'tanh'], {checkpoint})).toBe(
			'--load c.json: the checkpoint\'s activation is "sigmoid"; --activation tanh disagrees',
		);
		expect(problem(['--load', 'c.json', '--iterations', '20', '--seed', '4'], {checkpoint})).toContain('--seed 4 disagrees');
	});

	test.each([
		['--layers', '3,2,1'],
		['--inputs', '1,2,3'],
		['--target', '0.5'],
		['--dataset', 'xor'],
		['--features', 'x1'],
	])('%s beside --load: the checkpoint holds the layers and samples', (...flag) => {
		expect(problem(['--load', 'c.json', '--iterations', '20', ...flag], {checkpoint})).toContain('--load c.json: the checkpoint holds its layers and samples');
	});
});
