import fs from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, test} from 'vitest';
import {flagsOf, goldenRuns, maxWeightError, relativeError} from '../helpers/golden.js';
import {lastJson, requireNumpy, runPython, runScripts} from '../helpers/python.js';
import {expectOneLineError, isRoot, mapLimited, runCli, temporaryFolder} from '../helpers/run-cli.js';

const TOLERANCE = 1e-9;
const folder = temporaryFolder('export-code');

type Numbers = {iterations: number; status: string; weights: number[][][]; error: number | null; finalError: number};

/** Choices beyond the reference runs: datasets with features, the test split with mini-batches, penalties with bias, divergence, --until-error. */
const CHOICES: ReadonlyArray<readonly [string, readonly string[]]> = [
	[
		'tanh, features, cross-entropy, adam, batches of 16, a test split, bias',
		[
			...['--dataset', 'circle', '--features', 'x1^2,x2^2,x1x2', '--layers', '3,4,1', '--activation', 'tanh', '--output-activation', 'sigmoid'],
			...['--loss', 'cross-entropy', '--test', '0.2', '--batch', '16', '--optimizer', 'adam', '--lr', '0.01', '--bias'],
		],
	],
	['the spiral preset (2-8-8-1, full batch, a test split)', ['--preset', 'spiral', '--iterations', '150', '--seed', '1']],
	[
		'relu, softmax, momentum 0.5, L1 and L2 with bias, he, batches of 7',
		[
			...['--dataset', 'xor', '--layers', '2,5,2', '--activation', 'relu', '--output-activation', 'softmax', '--loss', 'cross-entropy'],
			...['--optimizer', 'momentum', '--momentum', '0.5', '--batch', '7', '--l1', '0.001', '--l2', '0.002', '--bias', '--init', 'he', '--lr', '0.05'],
		],
	],
	['the sine preset: a linear output', ['--preset', 'sine', '--iterations', '300', '--seed', '4']],
	['--until-error', ['--seed', '0', '--lr', '0.5', '--until-error', '0.001']],
	['a run that diverges', ['--seed', '0', '--activation', 'linear', '--lr', '1e6', '--iterations', '40']],
];

type Case = {name: string; flags: string[]; script: string};

const cases: Case[] = [
	...goldenRuns().map(run => ({name: run.name, flags: flagsOf(run, folder), script: path.join(folder, `${run.name}.py`)})),
	...CHOICES.map(([name, flags], k) => ({
		name,
		flags: ['--headless', '--json', '--iterations', '400', '--seed', '3', ...flags],
		script: path.join(folder, `choice-${k}.py`),
	})),
];

/** descent's JSON and the script's last line, for every case. */
const outcomes = new Map<string, {descent: Numbers; script: Numbers; summary: string}>();

beforeAll(async () => {
	await requireNumpy();
	// a checkpoint mid-epoch: the script starts from its state (weights, Adam's buffers, the generator, the epoch's order)
	const checkpoint = path.join(folder, 'mid-run.json');
	const saved = await runCli([
		'--headless',
		'--seed',
		'2',
		'--dataset',
		'gauss',
		'--batch',
		'6',
		'--optimizer',
		'adam',
		'--lr',
		'0.02',
		'--iterations',
		'137',
		'--save',
		checkpoint,
	]);
	expect(saved.code, saved.stderr).toBe(0);
	cases.push({
		name: 'a checkpoint mid-epoch (--load)',
		flags: ['--headless', '--json', '--load', checkpoint, '--iterations', '300'],
		script: path.join(folder, 'loaded.py'),
	});
	const results = await mapLimited(cases, 2, async ({name, flags, script}) => {
		const result = await runCli([...flags, '--export-code', script]);
		expect(result.code, `${name}: ${result.stderr}`).toBe(0);
		expect(result.stderr).toContain(`wrote the run as a numpy script to ${script}`);
		return JSON.parse(result.stdout) as Numbers;
	});
	// two python3 processes, each importing numpy once and running every other script
	const stdouts = await runScripts(cases.map(item => item.script));
	for (const [k, {name}] of cases.entries()) {
		outcomes.set(name, {descent: results[k]!, script: lastJson<Numbers>(stdouts[k]!), summary: stdouts[k]!});
	}
}, 240_000);

describe.each(cases.map(item => [item.name, item] as const))('the script of %s', name => {
	test("gives descent's numbers within 1e-9", () => {
		const {descent, script} = outcomes.get(name)!;
		expect(script.status).toBe(descent.status);
		expect(script.iterations).toBe(descent.iterations);
		expect(maxWeightError(script.weights, descent.weights), 'weights').toBeLessThan(TOLERANCE);
		if (descent.error === null) {
			expect(script.error).toBeNull();
		} else {
			expect(relativeError(script.error!, descent.error, 1e-9), 'error').toBeLessThan(TOLERANCE);
		}

		if (descent.status !== 'diverged') {
			expect(relativeError(script.finalError, descent.finalError, 1e-9), 'final error').toBeLessThan(TOLERANCE);
		}
	});
});

test('the choices are what they say: the diverging run diverges, --until-error stops early, the checkpoint continues from 137', async () => {
	expect(outcomes.get('a run that diverges')!.descent.status).toBe('diverged');
	expect(outcomes.get('--until-error')!.script.iterations).toBeLessThan(400);
	expect(outcomes.get('a checkpoint mid-epoch (--load)')!.summary).toContain('trained from iteration 137');
	expect(fs.readFileSync(path.join(folder, 'loaded.py'), 'utf8')).toContain('np.random.set_state(("MT19937"');
	// on its own, as `python3 FILE`, the same output
	expect((await runPython(path.join(folder, 'loaded.py'))).stdout).toBe(outcomes.get('a checkpoint mid-epoch (--load)')!.summary);
});

test('the script reads as the tutorial: SOP, Activ, g1, g2, the gradient, the learning rate', () => {
	const script = fs.readFileSync(path.join(folder, 'tutorial-3-inputs-seed-0.py'), 'utf8');
	for (const name of [
		'SOP',
		'Activ',
		'g1 = 2.0 * (predicted - target)',
		'g2 = sigmoid_derivative(sop, predicted)',
		'gradient',
		'learning_rate',
		'np.random.seed(SEED)',
	]) {
		expect(script).toContain(name);
	}

	expect(script).not.toMatch(/^import (?!json|math|numpy)/m);
});

describe.concurrent('--export-code FILE, bad input: one line, exit 2, before any training', () => {
	test('a folder', async () => {
		fs.mkdirSync(path.join(folder, 'a-folder'));
		expectOneLineError(await runCli(['--headless', '--export-code', 'a-folder'], {cwd: folder}), '--export-code a-folder', 'is a folder');
	});

	test('a folder that does not exist', async () => {
		expectOneLineError(await runCli(['--headless', '--export-code', 'nowhere/run.py'], {cwd: folder}), '--export-code nowhere/run.py', 'does not exist');
	});

	test('a path through a file', async () => {
		fs.writeFileSync(path.join(folder, 'a-file'), '');
		expectOneLineError(await runCli(['--headless', '--export-code', 'a-file/run.py'], {cwd: folder}), '--export-code a-file/run.py', 'is not a folder');
	});

	test.skipIf(isRoot)('a folder that is not writable', async () => {
		fs.mkdirSync(path.join(folder, 'locked'), {mode: 0o555});
		expectOneLineError(await runCli(['--headless', '--export-code', 'locked/run.py'], {cwd: folder}), 'not writable');
	});

	test('an existing file is replaced, as --save replaces it', async () => {
		fs.writeFileSync(path.join(folder, 'old.py'), 'old\n');
		const result = await runCli(['--headless', '--seed', '0', '--iterations', '10', '--export-code', 'old.py'], {cwd: folder});
		expect(result.code, result.stderr).toBe(0);
		expect(fs.readFileSync(path.join(folder, 'old.py'), 'utf8')).toMatch(/^#!\/usr\/bin\/env python3\n/);
	});
});
