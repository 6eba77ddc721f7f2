import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import {beforeAll, describe, expect, test} from 'vitest';
import {maxWeightError, relativeError} from '../helpers/golden.js';
import {lastJson, requireNumpy, runPython} from '../helpers/python.js';
import {runCli} from '../helpers/run-cli.js';
import {closeTerminalsAfterEach, startDashboard} from './terminals.js';

closeTerminalsAfterEach();

type Numbers = {iterations: number; status: string; weights: number[][][]; error: number; finalError: number};

/** A run with mini-batches and Adam: the script must carry the weights, Adam's buffers, the generator and the epoch's order. */
const FLAGS = ['--seed', '7', '--dataset', 'xor', '--samples', '40', '--layers', '2,4,1', '--activation', 'tanh', '--bias'];
const CHOICES = ['--optimizer', 'adam', '--lr', '0.02', '--batch', '6', '--iterations', '600'];

function expectSame(script: Numbers, descent: Numbers): void {
	expect(script.iterations).toBe(descent.iterations);
	expect(maxWeightError(script.weights, descent.weights), 'weights').toBeLessThan(1e-9);
	expect(relativeError(script.error, descent.error, 1e-9), 'error').toBeLessThan(1e-9);
	expect(relativeError(script.finalError, descent.finalError, 1e-9), 'final error').toBeLessThan(1e-9);
}

beforeAll(async () => {
	await requireNumpy();
});

describe('P and O in the dashboard: the numpy script and the ONNX model of the run as it is now', () => {
	test('mid-run, the script continues exactly where the screen is, a changed learning rate too', async () => {
		const term = await startDashboard([...FLAGS, ...CHOICES, '--paused'], {cols: 120, rows: 40});
		const folder = term.cwd!;
		await term.press('n');
		await term.waitFor('iteration 100 / 600');
		await term.press('P');
		await term.waitFor('wrote numpy script descent-7-100.py at iteration 100');
		await term.press('[');
		await term.waitFor('learning rate 0.01 ·');
		await term.press('n');
		await term.waitFor('iteration 200 / 600');
		await term.press('P');
		await term.waitFor('wrote numpy script descent-7-200.py at iteration 200');
		await term.press('w');
		await term.waitFor('wrote checkpoint descent-7-200.json at iteration 200');
		await term.press('O');
		await term.waitFor('wrote ONNX model descent-7-200.onnx at iteration 200');
		await term.press('q');
		await term.exit();

		// at 100, before [: the run the flags describe, headless, to the same iteration
		const straight = await runCli(['--headless', '--json', ...FLAGS, ...CHOICES]);
		expect(straight.code, straight.stderr).toBe(0);
		const fromHundred = await runPython(path.join(folder, 'descent-7-100.py'));
		expect(fromHundred.stdout).toContain('trained from iteration 100');
		expectSame(lastJson<Numbers>(fromHundred.stdout), JSON.parse(straight.stdout) as Numbers);

		// at 200, after [: the flags alone no longer reproduce the run; the checkpoint of that moment does
		const loaded = await runCli(['--headless', '--json', '--load', path.join(folder, 'descent-7-200.json')]);
		expect(loaded.code, loaded.stderr).toBe(0);
		const fromTwoHundred = await runPython(path.join(folder, 'descent-7-200.py'));
		expect(fs.readFileSync(path.join(folder, 'descent-7-200.py'), 'utf8')).toContain('learning_rate = 0.01  # the learning rate now');
		expectSame(lastJson<Numbers>(fromTwoHundred.stdout), JSON.parse(loaded.stdout) as Numbers);

		const session = await ort.InferenceSession.create(path.join(folder, 'descent-7-200.onnx'));
		expect([session.inputNames, session.outputNames]).toEqual([['inputs'], ['predicted']]);
	});
});
