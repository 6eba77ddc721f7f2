import {beforeAll, describe, expect, test} from 'vitest';
import {flagsOf, goldenRuns, maxWeightError, relativeError} from '../helpers/golden.js';
import {mapLimited, runCli, temporaryFolder, type CliResult} from '../helpers/run-cli.js';

const TOLERANCE = 1e-9;
const folder = temporaryFolder('golden');
const runs = goldenRuns();

type Result = {
	status: string;
	iterations: number;
	seed: number;
	layers: number[];
	initialWeights: number[][][];
	weights: number[][][];
	error: number;
	outputs: number[][];
	trainError?: number;
	testError?: number;
	testSamples?: number[];
};

const results = new Map<string, CliResult>();

beforeAll(async () => {
	// every reference run through the built program, a few at a time
	const done = await mapLimited(runs, 4, async run => runCli(flagsOf(run, folder)));
	for (const [k, run] of runs.entries()) {
		results.set(run.name, done[k]!);
	}
}, 60_000);

test('every reference run is here, the hand-worked one with given weights too', () => {
	expect(runs.length).toBeGreaterThanOrEqual(29);
	expect(runs.map(run => run.name)).toContain('worked-example-2-2-2');
	expect(runs.some(run => run.name.startsWith('choices-'))).toBe(true);
	expect(runs.some(run => run.name.startsWith('more-'))).toBe(true);
});

describe.each(runs.map(run => [run.name, run] as const))('descent --headless --json, reference run %s', (_name, run) => {
	test('gives the reference numbers', () => {
		const outcome = results.get(run.name)!;
		expect(outcome.stderr).toBe('');
		expect(outcome.code).toBe(0);
		const result = JSON.parse(outcome.stdout) as Result;
		expect(result).toMatchObject({status: 'done', iterations: run.iterations, seed: run.seed, layers: run.layers});
		expect(maxWeightError(result.initialWeights, run.initialWeights), 'initial weights').toBeLessThan(TOLERANCE);
		expect(maxWeightError(result.weights, run.finalWeights), 'final weights').toBeLessThan(TOLERANCE);
		// the last trace point is the last iteration's forward pass: its batch's loss
		const last = run.trace[String(run.iterations)]!;
		expect(last, 'the reference traces its last iteration').toBeDefined();
		expect(relativeError(result.error, last.error, 1e-9), 'error').toBeLessThan(TOLERANCE);
		if (last.outputs) {
			expect(maxWeightError([result.outputs], [last.outputs]), 'outputs').toBeLessThan(TOLERANCE);
		}

		if (run.testSamples) {
			expect(result.testSamples).toEqual(run.testSamples);
		}

		if (run.finalTrainError !== undefined) {
			expect(relativeError(result.trainError!, run.finalTrainError, 1e-9), 'train error').toBeLessThan(TOLERANCE);
		}

		if (run.finalTestError !== undefined) {
			expect(relativeError(result.testError!, run.finalTestError, 1e-9), 'test error').toBeLessThan(TOLERANCE);
		}
	});
});
