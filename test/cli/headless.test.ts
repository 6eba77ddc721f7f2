import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, test} from 'vitest';
import type {Checkpoint} from '../../source/core/checkpoint.js';
import {goldenRuns, maxWeightError, relativeError} from '../helpers/golden.js';
import {cli, runCli, runNode} from '../helpers/run-cli.js';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-headless-'));
const file = (name: string) => path.join(folder, name);
const golden = Object.fromEntries(goldenRuns().map(run => [run.name, run]));
const tutorial3 = golden['tutorial-3-inputs-seed-0']!;

type JsonResult = {
	layers: number[];
	activation: string;
	bias: boolean;
	learningRate: number;
	seed: number;
	iterations: number;
	status: string;
	weights: number[][][];
	error: number;
	outputs: number[][];
};

async function runJson(args: readonly string[]): Promise<JsonResult> {
	const result = await runCli(['--headless', '--json', ...args]);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	return JSON.parse(result.stdout) as JsonResult;
}

/** CSV text as rows of numbers, after its header. */
function csvRows(text: string): {header: string; rows: number[][]} {
	const [header = '', ...rows] = text.trimEnd().split('\n');
	return {header, rows: rows.map(row => row.split(',').map(Number))};
}

describe.concurrent('descent --headless', () => {
	test('--save then --load resumes exactly: 40,000 + 40,000 iterations equal 80,000 straight, bit for bit', async () => {
		const flags = ['--seed', '5', '--lr', '0.002'];
		const [straight, first] = await Promise.all([
			runJson([...flags, '--iterations', '80000']),
			runCli(['--headless', ...flags, '--iterations', '40000', '--save', file('half-way.json')]),
		]);
		expect(first.code).toBe(0);
		expect(first.stdout).toContain(`wrote checkpoint ${file('half-way.json')}`);

		const checkpoint = JSON.parse(fs.readFileSync(file('half-way.json'), 'utf8')) as Checkpoint;
		expect(checkpoint).toMatchObject({layers: [3, 2, 1], activation: 'sigmoid', bias: false, iteration: 40_000, learningRate: 0.002, seed: 5});
		expect(checkpoint.weights.map(layer => layer.map(row => row.length))).toEqual([[3, 3], [2]]);

		// the learning rate and the seed come from the checkpoint, not the defaults
		const resumed = await runJson(['--load', file('half-way.json'), '--iterations', '80000']);
		expect(resumed.status).toBe('done');
		expect(resumed.iterations).toBe(80_000);
		expect(resumed.learningRate).toBe(0.002);
		expect(resumed.seed).toBe(5);
		expect(resumed.weights).toEqual(straight.weights);
		expect(resumed.error).toBe(straight.error);
	});

	test('a checkpoint keeps the samples, the bias and the activation: xor resumes exactly too', async () => {
		const [straight, first] = await Promise.all([
			runJson(['--preset', 'xor', '--seed', '5']),
			runCli(['--headless', '--preset', 'xor', '--seed', '5', '--iterations', '2500', '--save', file('xor.json')]),
		]);
		expect(first.code).toBe(0);
		const resumed = await runJson(['--load', file('xor.json'), '--iterations', '5000']);
		expect(resumed).toMatchObject({layers: [2, 3, 1], bias: true, activation: 'sigmoid', learningRate: 1, iterations: 5000});
		expect(resumed.weights).toEqual(straight.weights);
		expect(resumed.outputs).toEqual(straight.outputs);
	});

	test('--every N prints iteration,error,predicted every N iterations, matching the reference run', async () => {
		const result = await runCli(['--headless', '--every', '10', '--iterations', '100', '--seed', '0']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		const {header, rows} = csvRows(result.stdout);
		expect(header).toBe('iteration,error,predicted');
		expect(rows.map(row => row[0])).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
		for (const k of [10, 100]) {
			const [, error, predicted] = rows.find(row => row[0] === k)!;
			const reference = tutorial3.trace[String(k)]!;
			expect(relativeError(error!, reference.error, 1e-9), `error at ${k}`).toBeLessThan(1e-9);
			expect(relativeError(predicted!, reference.outputs[0]![0]!, 1e-6), `predicted at ${k}`).toBeLessThan(1e-9);
		}
	});

	test('--every ends with the last iteration when N does not divide it', async () => {
		const result = await runCli(['--headless', '--every', '30', '--iterations', '100', '--seed', '0']);
		expect(csvRows(result.stdout).rows.map(row => row[0])).toEqual([30, 60, 90, 100]);
	});

	test('--history writes the error and predicted value per iteration as CSV', async () => {
		const result = await runCli(['--headless', '--seed', '0', '--iterations', '1000', '--history', file('history.csv')]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(`wrote history ${file('history.csv')}`);
		const {header, rows} = csvRows(fs.readFileSync(file('history.csv'), 'utf8'));
		expect(header).toBe('iteration,error,predicted');
		expect(rows.map(row => row[0])).toEqual(Array.from({length: 1000}, (_, k) => k + 1));
		for (const k of [1, 2, 10, 100, 1000]) {
			const [, error, predicted] = rows[k - 1]!;
			const reference = tutorial3.trace[String(k)]!;
			expect(relativeError(error!, reference.error, 1e-9), `error at ${k}`).toBeLessThan(1e-9);
			expect(relativeError(predicted!, reference.outputs[0]![0]!, 1e-6), `predicted at ${k}`).toBeLessThan(1e-9);
		}
	});

	test('--history of a long run stays bounded and ends at the last iteration', async () => {
		const result = await runCli(['--headless', '--seed', '0', '--history', file('long-history.csv')]);
		expect(result.code).toBe(0);
		const {rows} = csvRows(fs.readFileSync(file('long-history.csv'), 'utf8'));
		expect(rows.length).toBeLessThanOrEqual(1024);
		expect(rows.length).toBeGreaterThan(256);
		const [iteration, error] = rows.at(-1)!;
		expect(iteration).toBe(80_000);
		expect(relativeError(error!, tutorial3.trace['80000']!.error, 1e-9)).toBeLessThan(1e-9);
	});

	test('the plain summary', async () => {
		const result = await runCli(['--headless', '--seed', '0']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		const last = tutorial3.trace['80000']!;
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(5);
		expect(lines[0]).toBe('descent: 3 → 2 → 1, sigmoid, no bias, learning rate 0.001, seed 0');
		expect(lines[1]).toMatch(/^done: 80,000 iterations in \d+\.\d\d s$/);
		expect(lines[2]).toMatch(new RegExp(`^error ${last.error.toPrecision(6)} at the last iteration, \\S+ with the final weights$`));
		expect(lines[3]).toBe(`  sample 1: predicted ${last.outputs[0]![0]!.toPrecision(6)}  target 0.2`);
		expect(lines[4]).toBe('reproduce: descent --headless --seed 0');
	});

	test('without --seed a random seed is shown, and running with it reproduces the run', async () => {
		const runs = await Promise.all([runCli(['--headless', '--iterations', '2000']), runCli(['--headless', '--iterations', '2000'])]);
		const seeds = runs.map(run => {
			expect(run.code).toBe(0);
			return /, seed (\d+)$/m.exec(run.stdout.split('\n')[0]!)?.[1];
		});
		expect(seeds[0]).toMatch(/^\d+$/);
		expect(seeds[1]).not.toBe(seeds[0]);
		const first = runs[0]!;
		const reproduce = /^reproduce: descent (.*)$/m.exec(first.stdout)?.[1];
		expect(reproduce).toBe(`--headless --iterations 2000 --seed ${seeds[0]}`);
		const again = await runCli(reproduce!.split(' '));
		const withoutTiming = (stdout: string) => stdout.split('\n').filter(line => !line.startsWith('done:'));
		expect(withoutTiming(again.stdout)).toEqual(withoutTiming(first.stdout));
	});

	test('--preset tutorial-10 reproduces its reference run', async () => {
		const run = golden['tutorial-10-inputs-seed-0']!;
		const result = await runJson(['--preset', 'tutorial-10', '--seed', '0']);
		expect(result).toMatchObject({layers: [10, 2, 1], status: 'done', iterations: 80_000});
		expect(maxWeightError(result.weights, run.finalWeights)).toBeLessThan(1e-9);
	});

	test('--preset xor reproduces its reference run and learns XOR', async () => {
		const run = golden['xor-2-3-1-bias']!;
		const result = await runJson(['--preset', 'xor', '--seed', String(run.seed)]);
		expect(result).toMatchObject({layers: [2, 3, 1], bias: true, status: 'done', iterations: run.iterations});
		expect(maxWeightError(result.weights, run.finalWeights)).toBeLessThan(1e-9);
		expect(result.outputs.map(([predicted]) => Math.round(predicted!))).toEqual([0, 1, 1, 0]);
	});

	test('piped stdin without --headless trains headless, with a one-line note on stderr', async () => {
		const result = await runCli(['--seed', '0', '--iterations', '1000']);
		expect(result.code).toBe(0);
		expect(result.stderr.split('\n')).toEqual([expect.stringMatching(/^descent: not a terminal\b.*--headless/), '']);
		expect(result.stdout).toContain('done: 1,000 iterations');
	});
});

describe('the headless path does not load the dashboard', () => {
	// a module hook that writes every module URL the program resolves to a log file
	const register = file('register.mjs');
	fs.writeFileSync(register, "import {register} from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
	fs.writeFileSync(
		file('hooks.mjs'),
		[
			"import fs from 'node:fs';",
			'export async function resolve(specifier, context, nextResolve) {',
			'\tconst result = await nextResolve(specifier, context);',
			'\tfs.appendFileSync(process.env.DESCENT_MODULE_LOG, result.url + "\\n");',
			'\treturn result;',
			'}',
		].join('\n'),
	);

	async function modulesOf(name: string, args: readonly string[]): Promise<string[]> {
		const log = file(`${name}.log`);
		const result = await runNode(['--import', pathToFileURL(register).href, ...args], {env: {...process.env, DESCENT_MODULE_LOG: log}});
		expect(result.code, result.stderr).toBe(0);
		return fs.readFileSync(log, 'utf8').trimEnd().split('\n');
	}

	const dashboard = /\/node_modules\/(ink|react|react-reconciler|yoga-layout)\/|\/dist\/source\/ui\//;

	test('the hook sees the dashboard when it is loaded', async () => {
		const runDashboard = pathToFileURL(path.join(path.dirname(cli), 'source', 'ui', 'run-dashboard.js')).href;
		const modules = await modulesOf('control', ['--input-type=module', '-e', `await import(${JSON.stringify(runDashboard)});`]);
		expect(modules.some(url => url.includes('/node_modules/ink/'))).toBe(true);
		expect(modules.some(url => url.includes('/node_modules/react/'))).toBe(true);
	});

	test.each([
		['--headless', ['--headless', '--seed', '0', '--iterations', '10']],
		['piped, without --headless', ['--seed', '0', '--iterations', '10']],
	])('%s: neither ink nor react is loaded', async (name, args) => {
		const modules = await modulesOf(name.replaceAll(/\W+/g, '-'), [cli, ...args]);
		// the hook saw the program and its packages
		expect(modules).toContain(pathToFileURL(cli).href);
		expect(modules.some(url => url.endsWith('/dist/source/cli/headless.js'))).toBe(true);
		expect(modules.some(url => url.includes('/node_modules/meow/'))).toBe(true);
		expect(modules.filter(url => dashboard.test(url))).toEqual([]);
	});
});
