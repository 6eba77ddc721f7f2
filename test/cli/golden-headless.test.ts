import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {goldenRuns, maxWeightError, relativeError} from '../helpers/golden.js';

const cli = path.join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const TOLERANCE = 1e-9;

/** Flags that describe a reference run: the samples go through --data, as a user's CSV would. */
function flagsOf(run: ReturnType<typeof goldenRuns>[number], folder: string): string[] {
	const data = path.join(folder, `${run.name}.csv`);
	fs.writeFileSync(data, run.samples.map(s => [...s.x, ...s.t].join(',')).join('\n') + '\n');
	return [
		'--headless',
		'--json',
		`--layers=${run.layers.join(',')}`,
		`--activation=${run.activation}`,
		run.bias ? '--bias' : '--no-bias',
		`--data=${data}`,
		`--lr=${run.learningRate}`,
		`--seed=${run.seed}`,
	];
}

describe.each(goldenRuns().map(run => [run.name, run] as const))('descent --headless --json, reference run %s', (_name, run) => {
	test('prints the reference numbers', () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-golden-'));
		const last = Math.max(...Object.keys(run.trace).map(Number));
		const stdout = execFileSync(process.execPath, [cli, ...flagsOf(run, folder), `--iterations=${run.iterations}`], {encoding: 'utf8'});
		const result = JSON.parse(stdout) as Record<string, unknown>;
		expect(result['status']).toBe('done');
		expect(result['iterations']).toBe(run.iterations);
		expect(result['seed']).toBe(run.seed);
		expect(result['layers']).toEqual(run.layers);
		expect(maxWeightError(result['initialWeights'] as number[][][], run.initialWeights)).toBeLessThan(TOLERANCE);
		expect(maxWeightError(result['weights'] as number[][][], run.finalWeights)).toBeLessThan(TOLERANCE);
		// the last trace point is the last iteration's forward pass: what the tutorial prints last
		expect(last).toBe(run.iterations);
		const reference = run.trace[String(last)]!;
		expect(relativeError(result['error'] as number, reference.error, 1e-9)).toBeLessThan(TOLERANCE);
		expect(maxWeightError([result['outputs'] as number[][]], [reference.outputs])).toBeLessThan(TOLERANCE);
		expect(typeof result['finalError']).toBe('number');
		expect(result['finalError'] as number).toBeLessThanOrEqual((result['error'] as number) * 1.01 + 1e-30);
	});

	test('every trace point, by running exactly that many iterations', () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-golden-'));
		for (const [k, reference] of Object.entries(run.trace)) {
			const stdout = execFileSync(process.execPath, [cli, ...flagsOf(run, folder), `--iterations=${k}`], {encoding: 'utf8'});
			const result = JSON.parse(stdout) as {error: number; outputs: number[][]};
			expect(relativeError(result.error, reference.error, 1e-9), `error at ${k}`).toBeLessThan(TOLERANCE);
			expect(maxWeightError([result.outputs], [reference.outputs]), `outputs at ${k}`).toBeLessThan(TOLERANCE);
		}
	});
});
