import fs from 'node:fs';
import {describe, expect, test} from 'vitest';
import {checkpointOf, parseCheckpoint, type Checkpoint, type Resume} from '../../source/core/files/checkpoint.js';
import {NumpyRandom} from '../../source/core/maths/random.js';
import type {Setup} from '../../source/core/setup.js';
import {nest} from '../../source/core/shape.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {bitDifference, goldenRuns, setupOf, trainingDifferences} from '../helpers/golden.js';

const runs = Object.fromEntries(goldenRuns().map(run => [run.name, setupOf(run)]));

function straight(setup: Setup, iteration: number): Trainer {
	const trainer = new Trainer(setup);
	trainer.step(iteration);
	return trainer;
}

function saved(trainer: Trainer): string {
	const checkpoint = checkpointOf(trainer);
	if ('problem' in checkpoint) {
		throw new Error(checkpoint.problem);
	}

	return JSON.stringify(checkpoint);
}

function resumed(text: string): Resume {
	const read = parseCheckpoint(text);
	if ('problem' in read) {
		throw new Error(read.problem);
	}

	return read;
}

describe('a checkpoint continues exactly', () => {
	test.each([
		['full batch', 'tutorial-3-inputs-seed-0', 40, 100],
		['mini-batches with a test split, saved mid-epoch', 'choices-bce-test-split-batch-3', 7, 40],
		['mini-batches with a test split, saved at an epoch end', 'choices-bce-test-split-batch-3', 9, 40],
		['momentum, mini-batches, test split', 'more-momentum-minibatch-test', 10, 50],
		['adam, L2, mini-batches', 'more-relu-adam-l2-batch', 13, 60],
		['adam, softmax, full batch', 'more-adam-tutorial', 25, 60],
		['saved at iteration 0', 'choices-xor-adam-tanh', 0, 20],
	] as const)('%s: save at k, load, go on to N = a straight run to N', (_name, run, k, n) => {
		const setup = runs[run]!;
		const text = saved(straight(setup, k));
		const {setup: loadedSetup, state} = resumed(text);
		expect(loadedSetup).toEqual(setup);
		const trainer = new Trainer(loadedSetup, state);
		expect(trainer.iteration).toBe(k);
		expect(trainingDifferences(trainer, straight(setup, k))).toEqual([]);
		trainer.step(n - k);
		expect(trainingDifferences(trainer, straight(setup, n))).toEqual([]);
		expect(bitDifference(trainer.initialWeights, new Trainer(setup).initialWeights)).toBeUndefined();
		expect(trainer.initialWeightsFrom).toBe('checkpoint');
		// the histories go on from where the run was: the chart, the CSV and the comparison as if never saved
		expect(historiesOf(trainer)).toEqual(historiesOf(straight(setup, n)));
		expect(trainer.records.error.points().at(-1)?.iteration).toBe(n);
	});

	test('the histories survive merged buckets, a doubled test stride and JSON', () => {
		const setup = {...runs['more-softmax-momentum-test']!, limit: 5000};
		const trainer = resumedTrainer(saved(straight(setup, 3000)));
		expect(trainer.records.error.width).toBeGreaterThan(1);
		expect(trainer.records.test.stride).toBeGreaterThan(1);
		expect(historiesOf(trainer)).toEqual(historiesOf(straight(setup, 3000)));
		trainer.step(500);
		expect(historiesOf(trainer)).toEqual(historiesOf(straight(setup, 3500)));
	});

	test('the learning rates set go on: marked, replayed by back, and the run continues with them', () => {
		const setup = runs['more-momentum-minibatch-test']!;
		const withChanges = (end: number) => {
			const trainer = straight(setup, 10);
			trainer.setLearningRate(0.05);
			trainer.step(8);
			trainer.setLearningRate(0.2);
			trainer.step(end - 18);
			return trainer;
		};

		const trainer = resumedTrainer(saved(withChanges(25)));
		expect(trainer.learningRates.changes).toEqual([
			{iteration: 10, learningRate: 0.05},
			{iteration: 18, learningRate: 0.2},
		]);
		trainer.step(10);
		expect(trainer.back()).toBe(true);
		expect(trainingDifferences(trainer, withChanges(34))).toEqual([]);
		trainer.step(6);
		expect(trainingDifferences(trainer, withChanges(40))).toEqual([]);
		expect(historiesOf(trainer)).toEqual(historiesOf(withChanges(40)));
	});

	test('a run started from hand-set weights keeps them as its start', () => {
		const setup = runs['two-samples-4-3-2']!;
		const hand = nest(
			new Trainer(setup).network.shape,
			new Float64Array(new Trainer(setup).initialWeights.length).map((_, k) => (k % 7) / 10 - 0.3),
		);
		const trainer = straight({...setup, weights: hand}, 0);
		expect(trainer.initialWeightsFrom).toBe('given');
		const loaded = resumedTrainer(saved(trainer));
		expect(loaded.initialWeightsFrom).toBe('checkpoint');
		expect(bitDifference(loaded.initialWeights, trainer.initialWeights)).toBeUndefined();
		loaded.step(5);
		// a run loaded from it and saved again keeps the same start
		expect(bitDifference(resumedTrainer(saved(loaded)).initialWeights, trainer.initialWeights)).toBeUndefined();
	});

	test('the checkpoint holds the test samples and the setup with batch null for a full batch', () => {
		const checkpoint = JSON.parse(saved(straight(runs['more-softmax-momentum-test']!, 3))) as Checkpoint;
		expect(checkpoint.format).toBe('descent-checkpoint');
		expect(checkpoint.version).toBe(3);
		expect(checkpoint.setup.batch).toBeNull();
		expect(checkpoint.training.testSamples).toEqual(goldenRuns().find(run => run.name === 'more-softmax-momentum-test')!.testSamples);
		expect(Object.keys(checkpoint.training.optimizer.buffers)).toEqual(['velocity']);
	});

	test('a diverged run has no checkpoint, said in one line', () => {
		const trainer = straight({...runs['tutorial-3-inputs-seed-0']!, activation: 'linear', outputActivation: 'linear', learningRate: 1000}, 500);
		expect(trainer.status).toBe('diverged');
		const checkpoint = checkpointOf(trainer);
		expect('problem' in checkpoint && checkpoint.problem).toMatch(/^diverged at iteration \d+[^\n]*$/);
	});

	test('in the middle of a phase walk (its update shown, the counter not moved) there is no checkpoint, said in one line', () => {
		const trainer = straight(runs['more-relu-adam-l2-batch']!, 3);
		for (const _phase of trainer.walk.phases) {
			trainer.stepPhase();
		}

		const checkpoint = checkpointOf(trainer);
		expect('problem' in checkpoint && checkpoint.problem).toBe('in the middle of a phase walk: finish the iteration (s or p), then write the checkpoint');
		trainer.stepPhase();
		expect(
			trainingDifferences(resumedTrainer(saved(trainer)), straight(runs['more-relu-adam-l2-batch']!, 4)).filter(
				d => !/^(previousWeights|gradients|changes|counters)/.test(d),
			),
		).toEqual([]);
	});
});

/** What the screen draws of the past: the histories' points. */
function historiesOf(trainer: Trainer) {
	return {
		error: trainer.records.error.points(),
		outputs: trainer.records.outputs.map(history => history.points()),
		test: trainer.records.test.points(),
	};
}

function resumedTrainer(text: string): Trainer {
	const {setup, state} = resumed(text);
	return new Trainer(setup, state);
}

describe('version 1 checkpoints', () => {
	/** What descent 0.1 wrote: the tutorial's choices only, full batch, plain SGD. */
	function version1(setup: Setup, k: number): string {
		const trainer = straight(setup, k);
		const {layers, activation, bias, learningRate, seed, samples, limit} = setup;
		const weights = nest(trainer.network.shape, trainer.network.weights);
		return JSON.stringify({
			format: 'descent-checkpoint',
			version: 1,
			layers,
			activation,
			bias,
			weights,
			iteration: k,
			iterations: limit,
			learningRate,
			seed,
			samples,
		});
	}

	test.each([
		['tutorial-3-inputs-seed-0', 1000, 3000],
		['xor-2-3-1-bias', 250, 600],
		['tanh-3-4-1', 0, 50],
	])('%s: load at %i and continue as a plain SGD run', (run, k, n) => {
		const setup = runs[run]!;
		const {setup: loadedSetup, state} = resumed(version1(setup, k));
		expect(loadedSetup).toEqual(setup);
		const trainer = new Trainer(loadedSetup, state);
		expect(trainer.iteration).toBe(k);
		expect(bitDifference(trainer.initialWeights, new Trainer(setup).initialWeights)).toBeUndefined();
		trainer.step(n - k);
		expect(trainingDifferences(trainer, straight(setup, n))).toEqual([]);
		expect(trainer.initialWeightsFrom).toBe('seed');
		// and it saves as version 3
		expect((JSON.parse(saved(trainer)) as Checkpoint).version).toBe(3);
	});

	test('the generator stands where drawing the weights left it', () => {
		const setup = runs['xor-2-3-1-bias']!;
		const {state} = resumed(version1(setup, 5));
		const random = new NumpyRandom(setup.seed);
		for (let k = 0; k < 13; k++) {
			random.rand();
		}

		expect(Array.from(state.random.key)).toEqual(Array.from(random.state.key));
		expect(state.random.position).toBe(random.state.position);
	});
});

type Json = Record<string, unknown> & {setup: Record<string, unknown>; training: Record<string, unknown>};

describe('a malformed checkpoint is one line, never a throw', () => {
	// momentum, mini-batches of 4 and a test split: every part of the format is there
	const valid = saved(straight(runs['more-momentum-minibatch-test']!, 5));
	const edit = (change: (json: Json) => void) => {
		const json = JSON.parse(valid) as Json;
		change(json);
		return JSON.stringify(json);
	};

	const training = (json: Json) => json.training as Record<string, Record<string, unknown>>;
	const history = (json: Json) => json['history'] as Record<string, unknown>;
	const cases: Array<[string, string, RegExp]> = [
		['not JSON', 'descent', /JSON/],
		['truncated', valid.slice(0, valid.length / 2), /JSON/],
		['another format', edit(json => (json['format'] = 'other')), /"format"/],
		['an unknown version', edit(json => (json['version'] = 4)), /version 4/],
		['no setup', edit(json => delete (json as Partial<Json>).setup), /"setup"/],
		['one layer', edit(json => (json.setup['layers'] = [3])), /"layers"/],
		['a layer of 0', edit(json => (json.setup['layers'] = [2, 0, 1])), /"layers"/],
		['an unknown activation', edit(json => (json.setup['activation'] = 'swish')), /"activation" must be one of sigmoid, tanh/],
		['an unknown output activation', edit(json => (json.setup['outputActivation'] = 7)), /"outputActivation"/],
		['an unknown loss', edit(json => (json.setup['loss'] = 'hinge')), /"loss"/],
		['an unknown optimizer', edit(json => (json.setup['optimizer'] = 'rmsprop')), /"optimizer"/],
		['an unknown init', edit(json => (json.setup['init'] = 'zeros')), /"init"/],
		['momentum 1', edit(json => (json.setup['momentum'] = 1)), /"momentum"/],
		['negative L1', edit(json => (json.setup['l1'] = -1)), /"l1"/],
		['L2 a string', edit(json => (json.setup['l2'] = '0.1')), /"l2"/],
		['test 1', edit(json => (json.setup['test'] = 1)), /"test"/],
		['learning rate 0', edit(json => (json.setup['learningRate'] = 0)), /"learningRate"/],
		['limit 0', edit(json => (json.setup['limit'] = 0)), /"limit"/],
		['a negative seed', edit(json => (json.setup['seed'] = -1)), /"seed"/],
		['a seed past 2^32 − 1', edit(json => (json.setup['seed'] = 2 ** 32)), /"seed"/],
		['batch 1.5', edit(json => (json.setup['batch'] = 1.5)), /"batch"/],
		['bias "yes"', edit(json => (json.setup['bias'] = 'yes')), /"bias"/],
		['no samples', edit(json => (json.setup['samples'] = [])), /"samples"/],
		['a sample with too few inputs', edit(json => (json.setup['samples'] = [{x: [1], t: [0]}])), /"samples"/],
		['untilError a string', edit(json => (json.setup['untilError'] = 'low')), /"untilError"/],
		['softmax on a hidden layer', edit(json => (json.setup['activation'] = 'softmax')), /"activation" softmax is for the output layer only/],
		['a test fraction that holds out nothing', edit(json => (json.setup['test'] = 0.01)), /"test" 0.01 of 16 samples leaves no test sample/],
		['no training', edit(json => delete (json as Partial<Json>).training), /"training"/],
		['weights with a row missing', edit(json => (json.training['weights'] = [[[1, 2, 3]]])), /"weights"/],
		['a weight that is not a number', edit(json => ((json.training['weights'] as unknown[][][])[0]![0]![0] = 'x')), /"weights"/],
		['a negative iteration', edit(json => (json.training['iteration'] = -1)), /"iteration"/],
		['a negative learning rate', edit(json => (json.training['learningRate'] = -0.1)), /"learningRate"/],
		['no velocity', edit(json => delete (training(json)['optimizer']!['buffers'] as Record<string, unknown>)['velocity']), /velocity/],
		['no optimizer step', edit(json => delete training(json)['optimizer']!['step']), /"optimizer"/],
		['a short generator key', edit(json => (training(json)['random']!['key'] = [1, 2, 3])), /"random"/],
		['a generator key value past 32 bits', edit(json => ((training(json)['random']!['key'] as number[])[5] = 2 ** 32)), /"random"/],
		['no generator position', edit(json => delete training(json)['random']!['position']), /"random"/],
		['no epoch', edit(json => delete json.training['epoch']), /"epoch"/],
		['an epoch order of the wrong length', edit(json => (training(json)['epoch']!['order'] = [0, 1])), /"epoch"/],
		['an epoch order with a sample twice', edit(json => (training(json)['epoch']!['order'] = Array.from({length: 12}, (_, k) => Math.min(k, 10)))), /"epoch"/],
		['a cursor past the training samples', edit(json => (training(json)['epoch']!['cursor'] = 12)), /"epoch"/],
		['no history', edit(json => delete json['history']), /"history"/],
		['a history of another number of outputs', edit(json => (history(json)['outputs'] = [])), /"history"/],
		['error buckets past the iteration', edit(json => ((history(json)['error'] as Record<string, number[]>)['ends']![0] = 6)), /"history"/],
		['error values of another length', edit(json => (history(json)['error'] as Record<string, number[]>)['mins']!.pop()), /"history"/],
		['a bucket width of 3', edit(json => ((history(json)['error'] as Record<string, number>)['width'] = 3)), /"history"/],
		['a test error that is a string', edit(json => ((history(json)['test'] as Record<string, unknown[]>)['values']![0] = '1')), /"history"/],
		['a learning rate set after the iteration', edit(json => (history(json)['learningRates'] = [{iteration: 9, learningRate: 0.1}])), /"history"/],
		['a learning rate of 0', edit(json => (history(json)['learningRates'] = [{iteration: 2, learningRate: 0}])), /"history"/],
		['initial weights with a row missing', edit(json => (json.training['initialWeights'] = [[[1, 2, 3]]])), /"initialWeights"/],
	];

	test.each(cases)('%s', (_name, text, expected) => {
		let read: ReturnType<typeof parseCheckpoint> | undefined;
		expect(() => (read = parseCheckpoint(text))).not.toThrow();
		expect(read && 'problem' in read, 'a problem, not a resume').toBe(true);
		const {problem} = read as {problem: string};
		expect(problem).toMatch(expected);
		expect(problem).not.toMatch(/\n/);
	});

	test('the valid checkpoint itself loads', () => {
		expect('problem' in parseCheckpoint(valid)).toBe(false);
		const order = (JSON.parse(valid) as Json).training['epoch'] as {cursor: number; order: number[]};
		// five batches of 4 of 12 training samples: mid-epoch, so its order matters
		expect(order.cursor).toBe(8);
		expect([...order.order].sort((a, b) => a - b)).toEqual(Array.from({length: 12}, (_, k) => k));
	});
});

describe('version 2 checkpoints (no history, no starting weights)', () => {
	// written by descent before version 3: --preset xor --seed 3 --batch 2 --lr 0.5 --iterations 60 --headless --save
	const file = fs.readFileSync(new URL('checkpoints/version-2-xor-batch-2.json', import.meta.url), 'utf8');
	// its run ended at its limit: a longer one, as --iterations gives
	const longer = (change: (json: {setup: {limit: number}; training: {learningRate: number}}) => void = () => undefined) => {
		const json = JSON.parse(file) as {setup: {limit: number}; training: {learningRate: number}};
		json.setup.limit = 200;
		change(json);
		return JSON.stringify(json);
	};

	const text = longer();

	test('loads, its histories start at its iteration, its start is the loaded weights, and it continues exactly', () => {
		const {setup, state} = resumed(text);
		expect(JSON.parse(file)).toMatchObject({version: 2, setup: {limit: 60}});
		const trainer = new Trainer(setup, state);
		expect(trainer.iteration).toBe(60);
		expect(trainer.records.error.start).toBe(61);
		expect(trainer.records.error.length).toBe(0);
		expect(trainer.initialWeightsFrom).toBe('loaded');
		expect(bitDifference(trainer.initialWeights, state.weights)).toBeUndefined();
		trainer.step(40);
		expect(trainingDifferences(trainer, straight(setup, 100))).toEqual([]);
		// saved again as version 3: the start stays unknown rather than becoming the loaded weights
		const again = JSON.parse(saved(trainer)) as Checkpoint;
		expect([again.version, 'initialWeights' in again.training, again.history.error.start]).toEqual([3, false, 61]);
		expect(resumedTrainer(JSON.stringify(again)).initialWeightsFrom).toBe('loaded');
	});

	test('a rate set before it was saved is the rate from its iteration on, after back too', () => {
		const trainer = resumedTrainer(longer(json => (json.training.learningRate = 0.125)));
		expect(trainer.learningRates.changes).toEqual([{iteration: 60, learningRate: 0.125}]);
		trainer.step(3);
		expect(trainer.back()).toBe(true);
		expect(trainer.learningRate).toBe(0.125);
	});
});
