import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {loadPackaged} from '../../source/cli/packaged.js';
import {digitOrder} from '../../source/core/data/packaged.js';
import type {Sample} from '../../source/core/data/samples.js';
import {runNumpy} from '../helpers/numpy.js';
import {expectOneLineError, runCli, temporaryFolder} from '../helpers/run-cli.js';

const folder = temporaryFolder('packaged');
const nodeModules = path.join(import.meta.dirname, '..', '..', 'node_modules');

type Check = {weights: number; largestRelative: number; confusion: number[][]; testConfusion: number[][]};
type Result = {weights: unknown; confusion?: number[][]; testConfusion?: number[][]; accuracy?: number; testAccuracy?: number};

/** A short headless run that exports its samples, then numpy trains the exported CSV from the run's own choices. */
async function againstNumpy(name: string, flags: readonly string[]): Promise<{result: Result; check: Check}> {
	const csv = path.join(folder, `${name}.csv`);
	const json = path.join(folder, `${name}.json`);
	const run = await runCli([...flags, '--headless', '--json', '--export-data', csv]);
	expect(run.code, run.stderr).toBe(0);
	fs.writeFileSync(json, run.stdout);
	return {result: JSON.parse(run.stdout) as Result, check: runNumpy('check_export.py', [csv, json]) as Check};
}

function largestDifference(ours: readonly Sample[], theirs: readonly Sample[]): number {
	expect(ours.map(sample => [sample.x.length, sample.t])).toEqual(theirs.map(sample => [sample.x.length, sample.t]));
	let largest = 0;
	for (const [s, sample] of ours.entries()) {
		for (const [i, x] of sample.x.entries()) {
			largest = Math.max(largest, Math.abs(x - theirs[s]!.x[i]!));
		}
	}

	return largest;
}

describe.concurrent('packaged datasets against numpy', () => {
	test('iris: the 150 flowers standardised (population sd) as numpy does it, species one-hot', () => {
		const ours = loadPackaged('iris', undefined);
		expect(ours).toHaveLength(150);
		expect(largestDifference(ours, runNumpy('packaged.py', ['iris', nodeModules]) as Sample[])).toBeLessThan(1e-12);
	});

	test("mnist: the first 300 digits, each in turn, grey levels exactly as the package's JSON", () => {
		const ours = loadPackaged('mnist', 300);
		expect(ours).toHaveLength(300);
		expect(ours[0]!.x).toHaveLength(784);
		expect(largestDifference(ours, runNumpy('packaged.py', ['mnist', nodeModules, '300']) as Sample[])).toBe(0);
	});

	test('the digits in turn skip a digit whose images ran out, and any first N are the first of more', () => {
		const order = digitOrder([2, 1, 3], 6);
		expect(order).toEqual([
			{digit: 0, index: 0},
			{digit: 1, index: 0},
			{digit: 2, index: 0},
			{digit: 0, index: 1},
			{digit: 2, index: 1},
			{digit: 2, index: 2},
		]);
		expect(digitOrder([2, 1, 3], 4)).toEqual(order.slice(0, 4));
		expect(() => digitOrder([2, 1, 3], 7)).toThrow(/has 6/);
	});

	test('--preset iris: numpy trains the exported data to the same weights, and counts the same confusion matrices', async () => {
		const {result, check} = await againstNumpy('iris', ['--preset', 'iris', '--seed', '3', '--iterations', '40']);
		expect(check.weights).toBe(8 * 5 + 3 * 9);
		expect(check.largestRelative).toBeLessThan(1e-9);
		expect(result.confusion).toEqual(check.confusion);
		expect(result.testConfusion).toEqual(check.testConfusion);
		expect(result.confusion!.flat().reduce((sum, n) => sum + n, 0)).toBe(120);
		expect(result.testConfusion!.flat().reduce((sum, n) => sum + n, 0)).toBe(30);
	});

	test('--preset mnist (batches of 32, a fifth held out): the same weights and confusion matrices in numpy', async () => {
		const {result, check} = await againstNumpy('mnist', ['--preset', 'mnist', '--samples', '300', '--seed', '3', '--iterations', '30']);
		expect(check.weights).toBe(32 * 785 + 10 * 33);
		expect(check.largestRelative).toBeLessThan(1e-9);
		expect(result.confusion).toEqual(check.confusion);
		expect(result.testConfusion).toEqual(check.testConfusion);
		expect(result.confusion).toHaveLength(10);
	});

	test('a 2-D dataset with one output is two classes, and the diagonal is the accuracy', async () => {
		const {result, check} = await againstNumpy('circle', ['--preset', 'circle', '--seed', '1', '--iterations', '50', '--test', '0.3']);
		expect(check.largestRelative).toBeLessThan(1e-9);
		expect(result.confusion).toEqual(check.confusion);
		expect(result.testConfusion).toEqual(check.testConfusion);
		const diagonal = (matrix: number[][]) => matrix.reduce((sum, row, k) => sum + row[k]!, 0) / matrix.flat().reduce((sum, n) => sum + n, 0);
		expect(diagonal(result.confusion!)).toBe(result.accuracy);
		expect(diagonal(result.testConfusion!)).toBe(result.testAccuracy);
		const full = await againstNumpy('iris-all', [
			'--dataset',
			'iris',
			'--layers',
			'4,3',
			'--output-activation',
			'softmax',
			'--loss',
			'cross-entropy',
			'--seed',
			'2',
			'--iterations',
			'20',
			'--test',
			'0.5',
		]);
		expect(full.result.confusion).toEqual(full.check.confusion);
	});

	test('regression has no confusion matrix; a run without a test split no testConfusion', async () => {
		const sine = await runCli(['--preset', 'sine', '--seed', '0', '--iterations', '5', '--headless', '--json']);
		expect(JSON.parse(sine.stdout)).not.toHaveProperty('confusion');
		const xor = await runCli(['--preset', 'xor', '--seed', '0', '--iterations', '5', '--headless', '--json']);
		expect(JSON.parse(xor.stdout)).toHaveProperty('confusion');
		expect(JSON.parse(xor.stdout)).not.toHaveProperty('testConfusion');
	});

	test('a checkpoint of an mnist run reloads and continues as a straight run', async () => {
		const save = path.join(folder, 'mnist-checkpoint.json');
		const common = ['--preset', 'mnist', '--samples', '100', '--seed', '5', '--headless', '--json'];
		const first = await runCli([...common, '--iterations', '4', '--save', save]);
		expect(first.code, first.stderr).toBe(0);
		const [resumed, straight] = await Promise.all([
			runCli(['--load', save, '--iterations', '8', '--headless', '--json']),
			runCli([...common, '--iterations', '8']),
		]);
		expect(resumed.code, resumed.stderr).toBe(0);
		expect((JSON.parse(resumed.stdout) as Result).weights).toEqual((JSON.parse(straight.stdout) as Result).weights);
	});

	test('iris works with --explain and --batch', async () => {
		const run = await runCli(['--preset', 'iris', '--seed', '0', '--batch', '10', '--explain', '3']);
		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toContain('# Iteration 3, worked out');
		expect(run.stdout).toContain('The batch: 10 samples');
	});
});

describe.concurrent('packaged datasets: bad input is one line', () => {
	test.each([
		[['--dataset', 'mnist', '--samples', '10001'], 'the mnist package has 10,000 digits'],
		[['--dataset', 'iris', '--samples', '50'], 'iris has its 150 flowers'],
		[['--preset', 'iris', '--noise', '0.1'], '--noise goes with a generated dataset'],
		[['--dataset', 'mnist', '--features', 'x1'], '--features goes with a generated dataset'],
		[['--dataset', 'iris', '--data-seed', '2'], '--data-seed goes with a generated dataset'],
	])('%j', async (args, message) => {
		expectOneLineError(await runCli([...args, '--headless']), message);
	});
});
