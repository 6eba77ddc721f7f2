import {afterEach, describe, expect, test, vi} from 'vitest';
import {checkpointOf, parseCheckpoint, type Checkpoint, type Resume} from '../../source/core/files/checkpoint.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {SessionHost} from '../../source/session/host.js';
import type {RunOptions} from '../../source/session/options.js';
import type {Command, HostMessage} from '../../source/session/protocol.js';
import {weightRefAt} from '../../source/core/names.js';
import type {ViewContext} from '../../source/session/views/context.js';
import {samplesOf} from '../../source/session/views/samples.js';
import {DEFAULT_VIEW, type Snapshot, type View} from '../../source/session/views/snapshot.js';
import {readFixture, relativeError, setupOf, type GoldenRun} from '../helpers/golden.js';
import {runOptions} from '../helpers/ui.js';

/** Every panel that draws the last iteration or the weights it used, each sample's row among them. */
const VIEW: View = {...DEFAULT_VIEW, panels: {...DEFAULT_VIEW.panels, samples: {start: 0, rows: 300}, map: {columns: 24, rows: 10, layer: 0}}};

const turns = async (count: number) => {
	for (let k = 0; k < count; k++) {
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}
};

/** The snapshot a session sends once it has handled every command and stands paused at `iteration`. */
async function snapshotAt(run: RunOptions, iteration: number, commands: readonly Command[] = []): Promise<Snapshot> {
	const snapshots: Snapshot[] = [];
	const send = (message: HostMessage) => {
		if (message.type === 'snapshot') {
			snapshots.push(message.snapshot);
		}
	};

	const host = new SessionHost(run, send, new Int32Array(new SharedArrayBuffer(4)));
	const all: Command[] = [{type: 'view', view: VIEW}, ...commands];
	const from = run.resume?.iteration ?? 0;
	if (iteration > from && commands.length === 0) {
		all.push({type: 'step', count: iteration - from});
	}

	for (const command of all) {
		host.handle(command);
	}

	const ready = () => {
		const last = snapshots.at(-1);
		return last?.handled === all.length && last.status.state === 'paused' && last.status.iteration === iteration;
	};

	for (let k = 0; k < 2000 && !ready(); k++) {
		await turns(1);
	}

	host.dispose();
	expect(ready(), `paused at iteration ${iteration}`).toBe(true);
	return snapshots.at(-1)!;
}

/** A run of these flags, started paused. */
const straightRun = (flags: readonly string[]) => runOptions(['--paused', ...flags]);

/** A run loaded from a checkpoint of a run of these flags at `iteration` (edited first, if asked), started paused. */
function loadedRun(flags: readonly string[], iteration: number, edit?: (json: Checkpoint) => Checkpoint): RunOptions {
	return runOptions(['--paused'], {checkpoint: checkpointAt(flags, iteration, edit)});
}

/** The checkpoint w writes (the run's map plane with it), read back. */
function checkpointAt(flags: readonly string[], iteration: number, edit: (json: Checkpoint) => Checkpoint = json => json): Resume {
	const run = runOptions(flags);
	const trainer = new Trainer(run.setup);
	trainer.step(iteration);
	const json = checkpointOf(trainer, run.plane) as Checkpoint;
	const read = parseCheckpoint(JSON.stringify(edit(json)));
	if ('problem' in read) {
		throw new Error(read.problem);
	}

	return read;
}

/**
 * What the screen shows of a run: the status line's numbers, the chart's histories, every panel; not the
 * time, the map's cost, or how far back it can go (a loaded run, not before its checkpoint).
 */
function shown(snapshot: Snapshot) {
	const {elapsedMs: _elapsed, iterationsPerSecond: _speed, earliestReachable: _reach, ...status} = snapshot.status;
	const {map, ...panels} = snapshot.panels;
	const {costMs: _cost, ...mapShown} = map ?? {costMs: 0};
	return {status, panels, map: mapShown, history: snapshot.history, phase: snapshot.phase};
}

afterEach(() => {
	vi.useRealTimers();
});

describe('a run loaded from a checkpoint shows what the run showed at that iteration', () => {
	test.each([
		['the tutorial', ['--seed', '0'], 3000],
		['xor, plain gradient descent', ['--preset', 'xor', '--seed', '1'], 700],
		['circle: adam, a test split, the map', ['--preset', 'circle', '--seed', '2'], 150],
		[
			'xor points: momentum 0.5, mini-batches of 16, a test split',
			['--preset', 'xor-cloud', '--seed', '3', '--optimizer', 'momentum', '--momentum', '0.5', '--batch', '16'],
			45,
		],
	] as const)('%s', async (_name, flags, iteration) => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		const straight = await snapshotAt(straightRun(flags), iteration);
		const loaded = await snapshotAt(loadedRun(flags, iteration), iteration);
		expect(straight.status.iteration).toBe(iteration);
		expect(shown(loaded)).toEqual(shown(straight));
		// the samples panel's first row is the iteration the status line reports (one sample: the same error)
		const first = straight.panels.samples!.rows[0]!;
		if (straight.run.sampleCount === 1) {
			expect(first.error).toBe(straight.status.error);
		}

		expect(straight.status.errorRecorded).toBe(true);
	});

	test('stepping on and back to the loaded iteration shows it again, as the run did', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		const flags = ['--preset', 'circle', '--seed', '2'];
		const straight = await snapshotAt(straightRun(flags), 150);
		const steps: Command[] = [{type: 'step', count: 1}, {type: 'step', count: 1}, {type: 'back'}, {type: 'back'}];
		const back = await snapshotAt(loadedRun(flags, 150), 150, steps);
		expect(shown(back)).toEqual(shown(straight));
	});

	test('a checkpoint without the state before it (an earlier descent wrote it): the status says the loaded weights’ error, the samples’ own', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		const older = loadedRun(['--seed', '0'], 3000, ({training: {previous: _previous, ...training}, ...json}) => ({...json, training}));
		expect(older.resume?.previous).toBeUndefined();
		const loaded = await snapshotAt(older, 3000);
		const sample = loaded.panels.samples!.rows[0]!;
		expect(loaded.status.errorRecorded).toBe(false);
		expect(loaded.status.error).toBe(sample.error);
		// the weights after update 3,000: iteration 3,001's error, not 3,000's
		const after = await snapshotAt(straightRun(['--seed', '0']), 3001);
		expect(sample.error).toBe(after.status.error);
	});
});

describe("the loaded run's numbers are numpy's", () => {
	test.each([
		['tutorial-3-inputs-seed-0', 1000],
		['choices-xor-adam-tanh', 1000],
		['choices-tutorial-3-momentum', 1000],
	])('%s at iteration %i: each sample’s predicted output and error as the reference computed them before that update', (name, iteration) => {
		const run = readFixture<GoldenRun & {trace: Record<string, {error: number; outputs: number[][]}>}>(`${name}.json`);
		const setup = setupOf(run);
		const trainer = new Trainer(setup);
		trainer.step(iteration);
		const read = parseCheckpoint(JSON.stringify(checkpointOf(trainer))) as Resume;
		const loaded = new Trainer(read.setup, read.state);
		const reference = run.trace[String(iteration)]!;
		const {layers, bias} = loaded.network.shape;
		const context: ViewContext = {
			selected: weightRefAt(layers, bias, 0),
			sample: 0,
			position: 0,
			walking: false,
			gradients: true,
			changes: true,
			checked: undefined,
			plane: undefined,
			packaged: undefined,
			predictions: undefined,
		};
		const rows = samplesOf(loaded, {start: 0, rows: run.samples.length}, context).rows;
		expect(rows.length).toBe(run.samples.length);
		const predicted = rows.flatMap((row, s) => row.predicted.map((value, k) => relativeError(value, reference.outputs[s]![k]!, 1e-6)));
		expect(Math.max(...predicted)).toBeLessThan(1e-9);
		expect(relativeError(loaded.records.error.latest!, reference.error, 1e-9)).toBeLessThan(1e-9);
		// the mean of the rows' errors is the iteration's (the status line's)
		// (outside a phase walk every row's error is known)
		expect(rows.every(row => row.error !== undefined)).toBe(true);
		const mean = rows.reduce((sum, row) => sum + row.error!, 0) / rows.length;
		expect(relativeError(mean, loaded.records.error.latest!, 1e-12)).toBeLessThan(1e-12);
	});
});

describe("a checkpoint keeps the map's plane: the loaded run's map is the run's", () => {
	test.each([
		['a dataset: its box, not the samples’', ['--preset', 'circle', '--seed', '2']],
		['--features: the features and the coordinates they were computed from', ['--preset', 'circle', '--seed', '2', '--features', 'x1,x2,x1^2,x2^2']],
		['one coordinate (sine)', ['--preset', 'sine', '--seed', '1']],
		['the samples of a file of points: their box', ['--preset', 'xor', '--seed', '1']],
	])('%s', (_name, flags) => {
		const {plane} = runOptions(flags);
		expect(plane).toBeDefined();
		expect(loadedRun(flags, 20).plane).toEqual(plane);
	});

	test('a checkpoint without one (an earlier descent wrote it): the box around its samples, as before', () => {
		const {plane: _plane, ...older} = checkpointOf(
			new Trainer(runOptions(['--preset', 'circle']).setup),
			runOptions(['--preset', 'circle']).plane,
		) as Checkpoint;
		const read = parseCheckpoint(JSON.stringify(older)) as Resume;
		expect(read.plane).toBeUndefined();
		expect(runOptions([], {checkpoint: read}).plane?.x1[0]).toBeLessThan(-1);
	});

	test.each([
		['a range the wrong way round', (plane: Record<string, unknown>) => ({...plane, x1: [1, -1]})],
		['no x2 for points of two coordinates', (plane: Record<string, unknown>) => ({...plane, x2: undefined})],
		['features without coordinates', (plane: Record<string, unknown>) => ({...plane, coordinates: undefined})],
		['an unknown feature', (plane: Record<string, unknown>) => ({...plane, features: ['x1', 'x2', 'x1^3', 'x2^2']})],
		['not an object', () => 'box'],
	])('%s is one line', (_name, edit) => {
		const flags = ['--preset', 'circle', '--features', 'x1,x2,x1^2,x2^2'];
		const run = runOptions(flags);
		const json = checkpointOf(new Trainer(run.setup), run.plane) as Checkpoint;
		const read = parseCheckpoint(JSON.stringify({...json, plane: edit(json.plane as unknown as Record<string, unknown>)}));
		expect('problem' in read && read.problem).toBe(
			'"plane" must hold the range of x1 (and of x2) as [low, high] and fit the samples, with "features" their coordinates',
		);
	});
});
