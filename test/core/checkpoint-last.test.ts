import {describe, expect, test} from 'vitest';
import {checkpointOf, parseCheckpoint, type Checkpoint} from '../../source/core/files/checkpoint.js';
import type {Setup} from '../../source/core/setup.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {goldenRuns, setupOf, trainingDifferences} from '../helpers/golden.js';

const runs = Object.fromEntries(goldenRuns().map(run => [run.name, setupOf(run)]));

function straight(setup: Setup, iteration: number): Trainer {
	const trainer = new Trainer(setup);
	trainer.step(iteration);
	return trainer;
}

function json(trainer: Trainer): Checkpoint {
	const checkpoint = checkpointOf(trainer);
	if ('problem' in checkpoint) {
		throw new Error(checkpoint.problem);
	}

	return JSON.parse(JSON.stringify(checkpoint)) as Checkpoint;
}

function loaded(checkpoint: Checkpoint): Trainer {
	const read = parseCheckpoint(JSON.stringify(checkpoint));
	if ('problem' in read) {
		throw new Error(read.problem);
	}

	return new Trainer(read.setup, read.state);
}

/** The last iteration's buffers the screen reads besides the trainer's state: its batch, each layer's SOPs, activations and dError/dSOP. */
function lastIteration(trainer: Trainer) {
	const {network, schedule} = trainer;
	const batch = network.batchSize;
	const layer = (buffers: Float64Array[]) => buffers.map((buffer, l) => [...buffer.subarray(0, batch * network.shape.layers[l]!)]);
	return {
		batch: [...schedule.samples.subarray(0, batch)],
		first: schedule.firstInBatch,
		sops: layer(network.sops),
		activations: layer(network.activations),
		deltas: layer(network.deltas),
		hasIteration: network.hasIteration,
	};
}

/** Everything a later step, back or checkpoint reads of a run's past: the histories, the rates set, the weight path. */
function pastOf(trainer: Trainer) {
	return {
		error: trainer.records.error.points(),
		outputs: trainer.records.outputs.map(history => history.points()),
		test: trainer.records.test.points(),
		rates: [...trainer.learningRates.changes],
		path: trainer.path.pair(0, 1),
		reachable: trainer.earliestReachable,
	};
}

describe("a checkpoint holds the state before its iteration, and loading runs that iteration again: the run's numbers as they were", () => {
	test.each([
		['full batch', 'tutorial-3-inputs-seed-0', 3000],
		['mini-batches, a test split, mid-epoch', 'choices-bce-test-split-batch-3', 7],
		['mini-batches, a test split, at the epoch end (the next draws an order)', 'choices-bce-test-split-batch-3', 9],
		['momentum, mini-batches, a test split', 'more-momentum-minibatch-test', 10],
		['adam, L2, mini-batches', 'more-relu-adam-l2-batch', 13],
		['adam, softmax, full batch', 'more-adam-tutorial', 25],
		['iteration 1', 'choices-xor-adam-tanh', 1],
	] as const)('%s', (_name, run, k) => {
		const setup = runs[run]!;
		const checkpoint = json(straight(setup, k));
		expect(checkpoint.training.previous?.iteration).toBe(k - 1);
		const trainer = loaded(checkpoint);
		const expected = straight(setup, k);
		expect(trainingDifferences(trainer, expected)).toEqual([]);
		expect(lastIteration(trainer)).toEqual(lastIteration(expected));
		expect(trainer.learningRateAt(k - 1)).toBe(setup.learningRate);
	});

	test('at iteration 0 there is none (nothing ran)', () => {
		expect(json(straight(runs['choices-xor-adam-tanh']!, 0)).training.previous).toBeUndefined();
	});

	test('writing it leaves the run as it was: its state, last iteration, histories, rates set and path', () => {
		const setup = runs['more-momentum-minibatch-test']!;
		const withRates = () => {
			const trainer = straight(setup, 30);
			trainer.setLearningRate(0.05);
			trainer.step(7);
			// a rate set after the last iteration, for the next update
			trainer.setLearningRate(0.2);
			return trainer;
		};

		const trainer = withRates();
		const checkpoint = json(trainer);
		const untouched = withRates();
		expect(trainingDifferences(trainer, untouched)).toEqual([]);
		expect(lastIteration(trainer)).toEqual(lastIteration(untouched));
		expect(pastOf(trainer)).toEqual(pastOf(untouched));
		// the state before holds the rate of the last update, the state the one set after it
		expect([checkpoint.training.previous?.learningRate, checkpoint.training.learningRate]).toEqual([0.05, 0.2]);
		const again = loaded(checkpoint);
		expect(trainingDifferences(again, untouched)).toEqual([]);
		again.step(5);
		untouched.step(5);
		expect(trainingDifferences(again, untouched)).toEqual([]);
	});

	test('a run loaded and written again at once writes the same checkpoint; back to the loaded iteration runs it again', () => {
		const setup = runs['more-relu-adam-l2-batch']!;
		const checkpoint = json(straight(setup, 13));
		const trainer = loaded(checkpoint);
		expect(json(trainer)).toEqual(checkpoint);
		trainer.step(3);
		expect([trainer.back(), trainer.back(), trainer.back(), trainer.back()]).toEqual([true, true, true, false]);
		const expected = straight(setup, 13);
		expect(trainingDifferences(trainer, expected)).toEqual([]);
		expect(lastIteration(trainer)).toEqual(lastIteration(expected));
		expect(json(trainer)).toEqual(checkpoint);
	});

	test('weights edited by hand: the edited weights load, and no iteration is shown (none led to them)', () => {
		const checkpoint = json(straight(runs['tutorial-3-inputs-seed-0']!, 100));
		const weights = checkpoint.training.weights.map(layer => layer.map(row => row.map(weight => weight + 0.25)));
		const trainer = loaded({...checkpoint, training: {...checkpoint.training, weights}});
		expect(trainer.network.weights[0]).toBe(weights[0]![0]![0]);
		expect(trainer.network.hasIteration).toBe(false);
		expect([...trainer.network.previousWeights]).toEqual([...trainer.network.weights]);
		expect(trainer.iteration).toBe(100);
	});

	test.each([
		[
			'of another iteration',
			(previous: Record<string, unknown>) => ({...previous, iteration: 7}),
			/^"previous" must be the state one iteration before the checkpoint's, at iteration 99; it is at 7$/,
		],
		['without its weights', ({weights: _weights, ...previous}: Record<string, unknown>) => previous, /^"previous": "weights"/],
		['not an object', () => 3, /^"previous": not an object$/],
	])('a state before it %s is one line', (_name, edit, expected) => {
		const checkpoint = json(straight(runs['tutorial-3-inputs-seed-0']!, 100));
		const previous = edit(checkpoint.training.previous as unknown as Record<string, unknown>);
		const read = parseCheckpoint(JSON.stringify({...checkpoint, training: {...checkpoint.training, previous}}));
		expect('problem' in read && read.problem).toMatch(expected);
	});
});
