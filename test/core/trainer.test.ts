import {afterEach, describe, expect, test} from 'vitest';
import {Network, type NestedWeights, type NetworkSpec} from '../../source/core/network.js';
import {PRESETS} from '../../source/core/presets.js';
import {MAX_SEED} from '../../source/core/random.js';
import {MAX_OUTPUT_HISTORIES, Trainer, type TrainerEvents, type TrainerOptions} from '../../source/core/trainer.js';
import {goldenRuns, maxWeightError, relativeError} from '../helpers/golden.js';

const tutorial3 = PRESETS['tutorial-3']!;
const golden = Object.fromEntries(goldenRuns().map(run => [run.name, run]));
const trainers: Trainer[] = [];

function createTrainer(options: Partial<TrainerOptions> = {}): Trainer {
	const trainer = new Trainer({spec: tutorial3, learningRate: tutorial3.learningRate, iterations: tutorial3.iterations, seed: 0, ...options});
	trainers.push(trainer);
	return trainer;
}

afterEach(() => {
	for (const trainer of trainers.splice(0)) {
		trainer.dispose();
	}
});

type Event = {[Name in keyof TrainerEvents]: [Name, TrainerEvents[Name][0]]}[keyof TrainerEvents];

/** Every event the trainer emits, in order. */
function record(trainer: Trainer): Event[] {
	const events: Event[] = [];
	trainer.on('progress', iteration => events.push(['progress', iteration]));
	trainer.on('state', state => events.push(['state', state]));
	trainer.on('reset', seed => events.push(['reset', seed]));
	trainer.on('learningRate', rate => events.push(['learningRate', rate]));
	trainer.on('speed', speed => events.push(['speed', speed]));
	return events;
}

const wait = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
	const start = performance.now();
	while (!condition()) {
		if (performance.now() - start > timeoutMs) {
			throw new Error(`timed out waiting for ${what}`);
		}

		await wait(5);
	}
}

/** Weights after `count` iterations of a bare Network: what the trainer must hold. */
function trained(spec: NetworkSpec, seed: number, ...legs: Array<[count: number, learningRate: number]>): NestedWeights {
	const network = new Network(spec);
	network.initialise(seed);
	for (const [count, learningRate] of legs) {
		for (let k = 0; k < count; k++) {
			network.iterate(learningRate);
		}
	}

	return network.getWeights();
}

describe('Trainer: running and pausing', () => {
	test('starts paused at iteration 0 with the seed’s initial weights', () => {
		const trainer = createTrainer();
		expect(trainer.state).toBe('paused');
		expect(trainer.iteration).toBe(0);
		expect(trainer.network.getWeights()).toEqual(golden['tutorial-3-inputs-seed-0']!.initialWeights);
		expect(trainer.initialWeights).toEqual(golden['tutorial-3-inputs-seed-0']!.initialWeights);
		expect(trainer.errorHistory.length).toBe(0);
	});

	test('start() trains on the event loop and emits progress; pause() stops it', async () => {
		const trainer = createTrainer({iterations: 1e12});
		const events = record(trainer);
		trainer.start();
		expect(trainer.state).toBe('running');
		expect(events).toEqual([['state', 'running']]);
		// nothing runs before the caller's code has returned
		expect(trainer.iteration).toBe(0);
		await until(() => trainer.iteration > 10_000, '10,000 iterations');
		trainer.start();
		trainer.pause();
		expect(trainer.state).toBe('paused');
		const progress = events.filter(event => event[0] === 'progress').map(event => event[1] as number);
		expect(progress.length).toBeGreaterThan(0);
		expect(progress).toEqual([...progress].sort((a, b) => a - b));
		expect(new Set(progress).size).toBe(progress.length);
		expect(events.filter(event => event[0] === 'state')).toEqual([
			['state', 'running'],
			['state', 'paused'],
		]);
		const stoppedAt = trainer.iteration;
		const elapsed = trainer.elapsed;
		await wait(50);
		expect(trainer.iteration).toBe(stoppedAt);
		// paused time is not counted
		expect(trainer.elapsed).toBe(elapsed);
		expect(trainer.network.getWeights()).toEqual(trained(tutorial3, 0, [stoppedAt, tutorial3.learningRate]));
	});

	test('resume() after pause() carries on from the same iteration and weights', async () => {
		const trainer = createTrainer({iterations: 1e12});
		trainer.step(100);
		trainer.resume();
		expect(trainer.state).toBe('running');
		await until(() => trainer.iteration > 1000, 'iterations after resuming');
		trainer.pause();
		expect(trainer.network.getWeights()).toEqual(trained(tutorial3, 0, [trainer.iteration, tutorial3.learningRate]));
	});

	test('toggle() runs when paused and pauses when running', () => {
		const trainer = createTrainer();
		const events = record(trainer);
		trainer.toggle();
		expect(trainer.state).toBe('running');
		trainer.toggle();
		expect(trainer.state).toBe('paused');
		expect(events).toEqual([
			['state', 'running'],
			['state', 'paused'],
		]);
	});

	test('step(n) runs n iterations at once, emits one progress event, and pauses a running trainer first', () => {
		const trainer = createTrainer();
		const events = record(trainer);
		expect(trainer.step()).toBe(1);
		expect(trainer.step(4)).toBe(4);
		expect(trainer.iteration).toBe(5);
		expect(events).toEqual([
			['progress', 1],
			['progress', 5],
		]);
		expect(trainer.network.getWeights()).toEqual(trained(tutorial3, 0, [5, tutorial3.learningRate]));
		expect(trainer.errorHistory.points().map(point => point.iteration)).toEqual([1, 2, 3, 4, 5]);

		events.length = 0;
		trainer.start();
		expect(trainer.step(10)).toBe(10);
		expect(trainer.state).toBe('paused');
		expect(trainer.iteration).toBe(15);
		expect(events).toEqual([
			['state', 'running'],
			['state', 'paused'],
			['progress', 15],
		]);
	});

	test('stops at the limit in state done; then step() runs 0 and start() does nothing', () => {
		const trainer = createTrainer({iterations: 100});
		const events = record(trainer);
		expect(trainer.step(150)).toBe(100);
		expect(trainer.iteration).toBe(100);
		expect(trainer.state).toBe('done');
		expect(trainer.finished).toBe(true);
		expect(events).toEqual([
			['state', 'done'],
			['progress', 100],
		]);
		expect(trainer.step()).toBe(0);
		expect(trainer.step(10)).toBe(0);
		trainer.start();
		trainer.toggle();
		expect(trainer.state).toBe('done');
		expect(trainer.iteration).toBe(100);
		expect(trainer.network.getWeights()).toEqual(trained(tutorial3, 0, [100, tutorial3.learningRate]));
	});

	test('running to the limit stops exactly there', async () => {
		const trainer = createTrainer({iterations: 30_000});
		trainer.start();
		await until(() => trainer.state === 'done', 'state done');
		expect(trainer.iteration).toBe(30_000);
		expect(trainer.errorHistory.points().at(-1)!.iteration).toBe(30_000);
	});

	test('runToEnd() trains to the limit without yielding', () => {
		const trainer = createTrainer();
		const slices: number[] = [];
		trainer.runToEnd(iteration => slices.push(iteration));
		expect(trainer.state).toBe('done');
		expect(trainer.iteration).toBe(80_000);
		expect(slices.at(-1)).toBe(80_000);
		expect(maxWeightError(trainer.network.getWeights(), golden['tutorial-3-inputs-seed-0']!.finalWeights)).toBeLessThan(1e-9);
	});

	test('dispose() stops the timers and the events', async () => {
		const trainer = createTrainer({iterations: 1e12});
		const events = record(trainer);
		trainer.start();
		await until(() => trainer.iteration > 0, 'a first iteration');
		trainer.dispose();
		const stoppedAt = trainer.iteration;
		events.length = 0;
		await wait(50);
		expect(trainer.iteration).toBe(stoppedAt);
		expect(trainer.state).toBe('paused');
		trainer.step();
		expect(events).toEqual([]);
	});
});

describe('Trainer: reset', () => {
	test('reset(seed) goes back to that seed’s initial weights at iteration 0 and clears the run', () => {
		const trainer = createTrainer();
		trainer.step(10);
		trainer.setLearningRate(0.01);
		const events = record(trainer);
		trainer.reset(1);
		expect(events).toEqual([
			['reset', 1],
			['state', 'paused'],
			['progress', 0],
		]);
		expect(trainer.seed).toBe(1);
		expect(trainer.iteration).toBe(0);
		expect(trainer.network.getWeights()).toEqual(golden['tutorial-3-inputs-seed-1']!.initialWeights);
		expect(trainer.initialWeights).toEqual(golden['tutorial-3-inputs-seed-1']!.initialWeights);
		expect(trainer.errorHistory.length).toBe(0);
		expect(trainer.outputHistories[0]!.length).toBe(0);
		expect(trainer.learningRateChanges).toEqual([]);
		expect(trainer.elapsed).toBe(0);
		expect(Number.isNaN(trainer.network.loss)).toBe(true);

		// the run then starts over exactly
		trainer.setLearningRate(tutorial3.learningRate);
		trainer.step(1000);
		const run = golden['tutorial-3-inputs-seed-1']!;
		expect(relativeError(trainer.network.loss, run.trace['1000']!.error, 1e-9)).toBeLessThan(1e-9);
	});

	test('reset() keeps the seed; reset("new") draws a new one and shows it', () => {
		const trainer = createTrainer({seed: 42});
		trainer.step(10);
		trainer.reset();
		expect(trainer.seed).toBe(42);
		expect(trainer.network.getWeights()).toEqual(golden['tutorial-3-inputs-seed-42']!.initialWeights);

		const events = record(trainer);
		trainer.reset('new');
		const seed = trainer.seed;
		expect(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED).toBe(true);
		expect(seed).not.toBe(42);
		expect(events[0]).toEqual(['reset', seed]);
		expect(trainer.network.getWeights()).toEqual(trained(tutorial3, seed));
	});

	test('reset while running keeps running; after done or diverged it can run again', async () => {
		const trainer = createTrainer({iterations: 1e12});
		trainer.start();
		await until(() => trainer.iteration > 1000, '1,000 iterations');
		trainer.reset(0);
		expect(trainer.state).toBe('running');
		expect(trainer.iteration).toBe(0);
		await until(() => trainer.iteration > 0, 'iterations after the reset');
		trainer.pause();

		const short = createTrainer({iterations: 10});
		short.step(10);
		expect(short.state).toBe('done');
		short.reset();
		expect(short.state).toBe('paused');
		expect(short.step(10)).toBe(10);
	});
});

describe('Trainer: learning rate and speed', () => {
	test('setLearningRate() takes effect from the next iteration and is recorded', () => {
		const trainer = createTrainer();
		trainer.step(10);
		const events = record(trainer);
		trainer.setLearningRate(0.5);
		expect(events).toEqual([['learningRate', 0.5]]);
		expect(trainer.learningRate).toBe(0.5);
		expect(trainer.initialLearningRate).toBe(tutorial3.learningRate);
		trainer.step(10);
		trainer.setLearningRate(0.25);
		trainer.step(5);
		expect(trainer.learningRateChanges).toEqual([
			{iteration: 10, learningRate: 0.5},
			{iteration: 20, learningRate: 0.25},
		]);
		expect(trainer.network.getWeights()).toEqual(trained(tutorial3, 0, [10, tutorial3.learningRate], [10, 0.5], [5, 0.25]));
	});

	test('setLearningRate() rejects what is not a positive number, and records nothing', () => {
		const trainer = createTrainer();
		const events = record(trainer);
		for (const bad of [0, -0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
			expect(() => trainer.setLearningRate(bad)).toThrow(RangeError);
		}

		expect(trainer.learningRate).toBe(tutorial3.learningRate);
		expect(trainer.learningRateChanges).toEqual([]);
		expect(events).toEqual([]);
	});

	test('the record of learning-rate changes is bounded and keeps the newest', () => {
		const trainer = createTrainer();
		for (let k = 1; k <= 300; k++) {
			trainer.setLearningRate(k / 1000);
		}

		expect(trainer.learningRateChanges.length).toBeLessThanOrEqual(256);
		expect(trainer.learningRateChanges.at(-1)).toEqual({iteration: 0, learningRate: 0.3});
	});

	test('setSpeed() emits the speed and rejects what is not positive', () => {
		const trainer = createTrainer();
		const events = record(trainer);
		trainer.setSpeed(500);
		trainer.setSpeed(Number.POSITIVE_INFINITY);
		expect(events).toEqual([
			['speed', 500],
			['speed', Number.POSITIVE_INFINITY],
		]);
		for (const bad of [0, -5, Number.NaN]) {
			expect(() => trainer.setSpeed(bad)).toThrow(RangeError);
		}

		expect(trainer.speed).toBe(Number.POSITIVE_INFINITY);
	});

	test('a speed limit is roughly respected: 1,000 a second for 300 ms runs well under 1,000', async () => {
		const trainer = createTrainer({iterations: 1e12, speed: 1000});
		trainer.start();
		await wait(300);
		trainer.pause();
		expect(trainer.iteration).toBeGreaterThan(0);
		expect(trainer.iteration).toBeLessThan(1000);
	});

	test('the event loop stays free at full speed: a timer set from outside fires within 50 ms of computing', async () => {
		const trainer = createTrainer({iterations: 1e12, speed: Number.POSITIVE_INFINITY});
		trainer.start();
		await until(() => trainer.iteration > 0, 'a first iteration');
		const before = trainer.iteration;
		const walls: number[] = [];
		const busy: number[] = [];
		const measure = async (schedule: (resolve: () => void) => void) => {
			const wall = performance.now();
			const cpu = process.cpuUsage();
			await new Promise<void>(resolve => {
				schedule(resolve);
			});
			const spent = process.cpuUsage(cpu);
			walls.push(performance.now() - wall);
			// on a loaded machine the process may wait for a core; only the time it computed is the trainer's
			busy.push(Math.min(walls.at(-1)!, (spent.user + spent.system) / 1000));
		};

		for (let k = 0; k < 15; k++) {
			await measure(resolve => setTimeout(resolve, 0));
			await measure(resolve => setImmediate(resolve));
		}

		trainer.pause();
		// it really was training flat out meanwhile
		expect(trainer.iteration - before).toBeGreaterThan(20_000);
		expect(Math.max(...busy)).toBeLessThan(50);
		walls.sort((a, b) => a - b);
		expect(walls[Math.floor(walls.length / 2)]).toBeLessThan(50);
	});
});

describe('Trainer: divergence', () => {
	const linear: NetworkSpec = {...tutorial3, activation: 'linear'};

	/** The first iteration whose loss or new weights are not finite, by a bare Network. */
	function divergence(learningRate: number): {at: number; weights: NestedWeights} {
		const network = new Network(linear);
		network.initialise(0);
		for (let k = 1; k <= 1000; k++) {
			network.iterate(learningRate);
			if (!Number.isFinite(network.loss) || !network.getWeights().flat(2).every(Number.isFinite)) {
				return {at: k, weights: network.getWeights()};
			}
		}

		throw new Error('no divergence');
	}

	test.each([1, 10])('linear with learning rate %d: state diverged at the first non-finite iteration, weights kept', learningRate => {
		const expected = divergence(learningRate);
		const trainer = createTrainer({spec: linear, learningRate});
		const events = record(trainer);
		expect(trainer.step(10_000)).toBe(expected.at);
		expect(trainer.state).toBe('diverged');
		expect(trainer.finished).toBe(true);
		expect(trainer.divergedAt).toBe(expected.at);
		expect(trainer.iteration).toBe(expected.at);
		expect(trainer.network.getWeights()).toEqual(expected.weights);
		expect(events).toEqual([
			['state', 'diverged'],
			['progress', expected.at],
		]);
		expect(trainer.step()).toBe(0);
		trainer.start();
		expect(trainer.state).toBe('diverged');
		trainer.reset();
		expect(trainer.divergedAt).toBeUndefined();
		expect(trainer.state).toBe('paused');
	});

	test('learning rate 10 overflows the loss while the weights are still finite numbers', () => {
		const trainer = createTrainer({spec: linear, learningRate: 10});
		trainer.step(10_000);
		expect(trainer.network.loss).toBe(Number.POSITIVE_INFINITY);
		expect(trainer.network.getWeights().flat(2).every(Number.isFinite)).toBe(true);
	});

	test('diverges while running too', async () => {
		const trainer = createTrainer({spec: linear, learningRate: 1});
		trainer.start();
		await until(() => trainer.state !== 'running', 'the run to end');
		expect(trainer.state).toBe('diverged');
		expect(trainer.divergedAt).toBe(divergence(1).at);
	});
});

describe('Trainer: history and resuming', () => {
	test('the histories stay within their capacity over a long run, and end at the last iteration', () => {
		const trainer = createTrainer({historyCapacity: 64, iterations: 200_000});
		trainer.step(200_000);
		expect(trainer.errorHistory.length).toBeLessThanOrEqual(64);
		expect(trainer.outputHistories[0]!.length).toBeLessThanOrEqual(64);
		const lastError = trainer.errorHistory.points().at(-1)!;
		expect(lastError.iteration).toBe(200_000);
		expect(lastError.last).toBe(trainer.network.loss);
		expect(trainer.outputHistories[0]!.points().at(-1)!.last).toBe(trainer.network.getOutputs()[0]![0]);
		// the first bucket holds the largest error of the run
		expect(trainer.errorHistory.points()[0]!.max).toBe(golden['tutorial-3-inputs-seed-0']!.trace['1']!.error);
	});

	test('records the predicted value of at most 8 outputs, of the first sample', () => {
		const spec: NetworkSpec = {layers: [2, 3, 10], activation: 'sigmoid', bias: true, samples: [{x: [0.5, -1], t: Array.from({length: 10}, (_, k) => k / 10)}]};
		const trainer = createTrainer({spec});
		trainer.step(3);
		expect(trainer.outputHistories).toHaveLength(MAX_OUTPUT_HISTORIES);
		const outputs = trainer.network.getOutputs()[0]!;
		expect(trainer.outputHistories.map(history => history.points().at(-1)!.last)).toEqual(outputs.slice(0, 8));
	});

	test('resuming from {weights, iteration} continues exactly where the run was', () => {
		const straight = createTrainer();
		straight.step(40_000);
		const weights = straight.network.getWeights();
		straight.step(40_000);

		const resumed = createTrainer({resume: {weights, iteration: 40_000}});
		expect(resumed.iteration).toBe(40_000);
		expect(resumed.state).toBe('paused');
		expect(resumed.network.getWeights()).toEqual(weights);
		expect(resumed.errorHistory.start).toBe(40_001);
		expect(resumed.step(80_000)).toBe(40_000);
		expect(resumed.state).toBe('done');
		expect(resumed.network.getWeights()).toEqual(straight.network.getWeights());
		expect(resumed.errorHistory.points()[0]!.iteration).toBeGreaterThan(40_000);
		expect(maxWeightError(resumed.network.getWeights(), golden['tutorial-3-inputs-seed-0']!.finalWeights)).toBeLessThan(1e-9);
	});

	test('a resumed run already at its limit is done', () => {
		const trainer = createTrainer({iterations: 100, resume: {weights: trained(tutorial3, 0), iteration: 100}});
		expect(trainer.state).toBe('done');
		expect(trainer.step()).toBe(0);
	});
});
