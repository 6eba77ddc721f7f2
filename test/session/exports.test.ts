import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {parseCheckpoint} from '../../source/core/files/checkpoint.js';
import {PRESETS} from '../../source/core/presets.js';
import type {Setup} from '../../source/core/setup.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {checkpointText, historyCsv, predictedColumns, writeOnKey, writeRequested} from '../../source/session/exports.js';
import {goldenRuns, relativeError, setupOf} from '../helpers/golden.js';
import {temporaryFolder} from '../helpers/run-cli.js';

const golden = Object.fromEntries(goldenRuns().map(run => [run.name, run]));
const tutorial = {...PRESETS.get('tutorial-3')!.setup, seed: 0};

/** The CSV's header and its rows as numbers. */
function csv(text: string): {header: string; rows: number[][]} {
	expect(text.endsWith('\n')).toBe(true);
	const [header = '', ...rows] = text.trimEnd().split('\n');
	return {header, rows: rows.map(row => row.split(',').map(Number))};
}

/** Trains `setup` one iteration at a time, keeping each iteration's error and first predicted output. */
function stepByStep(setup: Setup, iterations: number): {trainer: Trainer; errors: number[]; predicted: number[]} {
	const trainer = new Trainer({...setup, limit: iterations});
	const errors = [Number.NaN];
	const predicted = [Number.NaN];
	while (!trainer.finished) {
		trainer.step(1);
		errors.push(trainer.network.error);
		predicted.push(trainer.network.activations[trainer.network.depth]![0]!);
	}

	return {trainer, errors, predicted};
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('predictedColumns', () => {
	test('one output: predicted; several: one column each', () => {
		expect(predictedColumns(1)).toEqual(['predicted']);
		expect(predictedColumns(3)).toEqual(['predicted_out1', 'predicted_out2', 'predicted_out3']);
		expect(predictedColumns(2, 'predicted_s1')).toEqual(['predicted_s1_out1', 'predicted_s1_out2']);
	});
});

describe('historyCsv', () => {
	test.each([5000, 47_712])("a run of %i iterations: the first row is iteration 1, the last the last; each row is its own iteration's values", iterations => {
		const {trainer, errors, predicted} = stepByStep(tutorial, iterations);
		const {header, rows} = csv(historyCsv(trainer));
		expect(header).toBe('iteration,error,predicted');
		expect(rows[0]![0]).toBe(1);
		expect(rows.at(-1)![0]).toBe(iterations);
		expect(rows.length).toBeLessThanOrEqual(1025);
		expect(rows.length).toBeGreaterThan(500);
		// in order, no iteration twice
		expect(rows.every((row, k) => k === 0 || row[0]! > rows[k - 1]![0]!)).toBe(true);
		for (const [iteration, error, output] of rows) {
			expect(error, `error at ${iteration}`).toBe(errors[iteration!]);
			expect(output, `predicted at ${iteration}`).toBe(predicted[iteration!]);
		}

		// and the numbers are numpy's
		const reference = golden['tutorial-3-inputs-seed-0']!.trace;
		expect(relativeError(rows[0]![1]!, reference['1']!.error, 1e-9)).toBeLessThan(1e-9);
	});

	test("xor, 5,000 iterations: the last row is the reference run's last iteration", () => {
		const run = golden['xor-2-3-1-bias']!;
		const trainer = new Trainer(setupOf(run));
		trainer.step(run.iterations);
		const {rows} = csv(historyCsv(trainer));
		const [iteration, error, predicted] = rows.at(-1)!;
		expect(iteration).toBe(5000);
		expect(relativeError(error!, run.trace['5000']!.error, 1e-9)).toBeLessThan(1e-9);
		expect(relativeError(predicted!, run.trace['5000']!.outputs![0]![0]!, 1e-6)).toBeLessThan(1e-9);
		expect(rows[0]).toEqual([1, run.trace['1']!.error, run.trace['1']!.outputs![0]![0]]);
	});

	test('short runs: a row per iteration', () => {
		const trainer = new Trainer({...tutorial, limit: 3});
		trainer.step(3);
		expect(csv(historyCsv(trainer)).rows.map(row => row[0])).toEqual([1, 2, 3]);
	});

	test('a run continued from a checkpoint goes on from the history the checkpoint carries', () => {
		const first = new Trainer({...tutorial, limit: 1000});
		first.step(1000);
		const read = parseCheckpoint(checkpointText(first));
		if ('problem' in read) {
			throw new Error(read.problem);
		}

		const resumed = new Trainer({...read.setup, limit: 5000}, read.state);
		resumed.step(4000);
		const {rows} = csv(historyCsv(resumed));
		expect(rows[0]![0]).toBe(1);
		expect(rows.at(-1)![0]).toBe(5000);
		const straight = new Trainer({...tutorial, limit: 5000});
		straight.step(5000);
		expect(historyCsv(resumed)).toBe(historyCsv(straight));
	});

	test('several outputs: a column each; mini-batches: the error only', () => {
		const two = new Trainer(setupOf(golden['two-samples-4-3-2']!));
		two.step(10);
		expect(historyCsv(two).split('\n')[0]).toBe('iteration,error,predicted_out1,predicted_out2');
		const batches = new Trainer(setupOf(golden['choices-xor-minibatch-2']!));
		batches.step(10);
		const {header, rows} = csv(historyCsv(batches));
		expect(header).toBe('iteration,error');
		expect(rows.every(row => row.length === 2)).toBe(true);
	});
});

describe('checkpointText', () => {
	test('one line of JSON that reads back as the run where it stands', () => {
		const trainer = new Trainer({...tutorial, limit: 100});
		trainer.step(40);
		const text = checkpointText(trainer);
		expect(text.endsWith('}\n')).toBe(true);
		expect(text.trimEnd()).not.toContain('\n');
		const read = parseCheckpoint(text);
		expect('problem' in read).toBe(false);
		if (!('problem' in read)) {
			expect(read.state.iteration).toBe(40);
			expect(Array.from(read.state.weights)).toEqual(Array.from(trainer.network.weights));
		}
	});

	test('a diverged run has no checkpoint: an error saying so', () => {
		const trainer = new Trainer({...tutorial, activation: 'linear', outputActivation: 'linear', learningRate: 1e300, limit: 100});
		trainer.step(100);
		expect(trainer.divergedAt).toBeDefined();
		expect(() => checkpointText(trainer)).toThrow(/diverged at iteration \d+/);
	});
});

describe('writeRequested', () => {
	test('writes the files asked for and says so', () => {
		const folder = temporaryFolder('exports');
		const trainer = new Trainer({...tutorial, limit: 20});
		trainer.step(20);
		const lines = writeRequested(trainer, {save: path.join(folder, 'run.json'), history: path.join(folder, 'history.csv')});
		expect(lines).toEqual([
			`wrote checkpoint ${path.join(folder, 'run.json')} at iteration 20`,
			`wrote history ${path.join(folder, 'history.csv')} at iteration 20`,
		]);
		expect(fs.readFileSync(path.join(folder, 'run.json'), 'utf8')).toBe(checkpointText(trainer));
		expect(fs.readFileSync(path.join(folder, 'history.csv'), 'utf8')).toBe(historyCsv(trainer));
		expect(writeRequested(trainer, {})).toEqual([]);
	});

	test('a file that cannot be written: a line naming it and why, and the other file still written', () => {
		const folder = temporaryFolder('exports');
		fs.writeFileSync(path.join(folder, 'a-file'), '');
		const trainer = new Trainer({...tutorial, limit: 20});
		trainer.step(20);
		const save = path.join(folder, 'a-file', 'run.json');
		const lines = writeRequested(trainer, {save, history: path.join(folder, 'history.csv')});
		expect(lines[0]).toBe(`checkpoint ${save} not written: a part of the path is not a folder`);
		expect(lines[1]).toBe(`wrote history ${path.join(folder, 'history.csv')} at iteration 20`);
	});

	test('a diverged run: the checkpoint is not written, with the reason', () => {
		const folder = temporaryFolder('exports');
		const trainer = new Trainer({...tutorial, activation: 'linear', outputActivation: 'linear', learningRate: 1e300, limit: 50});
		trainer.step(50);
		const [line] = writeRequested(trainer, {save: path.join(folder, 'run.json')});
		expect(line).toMatch(/^checkpoint .*run\.json not written: diverged at iteration \d+/);
		expect(fs.existsSync(path.join(folder, 'run.json'))).toBe(false);
	});
});

describe('writeOnKey', () => {
	test('without a file named: a new file named after the run, never overwriting one: the next free number, said', () => {
		const folder = temporaryFolder('exports');
		const trainer = new Trainer({...tutorial, limit: 20});
		trainer.step(20);
		const previous = process.cwd();
		process.chdir(folder);
		try {
			expect(writeOnKey('checkpoint', trainer, undefined)).toBe('wrote checkpoint descent-0-20.json at iteration 20');
			expect(writeOnKey('history', trainer, undefined)).toBe('wrote history descent-history-0-20.csv at iteration 20');
			const first = fs.readFileSync('descent-0-20.json', 'utf8');
			expect(writeOnKey('checkpoint', trainer, undefined)).toBe('wrote checkpoint descent-0-20-2.json at iteration 20 (descent-0-20.json exists)');
			expect(writeOnKey('checkpoint', trainer, undefined)).toBe('wrote checkpoint descent-0-20-3.json at iteration 20 (descent-0-20.json exists)');
			expect(writeOnKey('history', trainer, undefined)).toBe('wrote history descent-history-0-20-2.csv at iteration 20 (descent-history-0-20.csv exists)');
			expect(fs.readFileSync('descent-0-20.json', 'utf8')).toBe(first);
			expect(fs.readFileSync('descent-0-20-3.json', 'utf8')).toBe(first);
		} finally {
			process.chdir(previous);
		}
	});

	test('with --save: that file, overwritten', () => {
		const folder = temporaryFolder('exports');
		const file = path.join(folder, 'mine.json');
		fs.writeFileSync(file, 'old');
		const trainer = new Trainer({...tutorial, limit: 20});
		trainer.step(5);
		expect(writeOnKey('checkpoint', trainer, file)).toBe(`wrote checkpoint ${file} at iteration 5`);
		expect(fs.readFileSync(file, 'utf8')).toBe(checkpointText(trainer));
	});
});
