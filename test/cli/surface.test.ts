import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {weightRefs} from '../../source/core/names.js';
import {runCli, temporaryFolder} from '../helpers/run-cli.js';

const TOLERANCE = 1e-9;
const folder = temporaryFolder('surface');
const reference = path.join(import.meta.dirname, '..', 'helpers', 'surface_numpy.py');

type Surface = {weights: [string, string]; x: number[]; y: number[]; error: number[][]; path: Array<[number, number]>};
type Result = {
	layers: number[];
	activation: string;
	outputActivation: string;
	bias: boolean;
	loss: string;
	l1: number;
	l2: number;
	weights: number[][][];
	initialWeights: number[][][];
	testSamples?: number[];
	finalError: number;
	surface: Surface;
};

/** numpy's error over the same grid, from the run's final weights and training samples. */
function numpyGrid(result: Result, csv: string): number[][] {
	const outputs = result.layers.at(-1)!;
	const test = new Set(result.testSamples ?? []);
	const rows = csv
		.trim()
		.split('\n')
		.filter(line => /^[-\d.]/.test(line))
		.map(line => line.split(',').map(Number))
		.filter((_, s) => !test.has(s));
	const refs = new Map(weightRefs(result.layers, result.bias).map(ref => [ref.name, [ref.layer, ref.row, ref.col]]));
	const spec = {
		...result,
		inputs: rows.map(row => row.slice(0, row.length - outputs)),
		targets: rows.map(row => row.slice(row.length - outputs)),
		a: refs.get(result.surface.weights[0]),
		b: refs.get(result.surface.weights[1]),
		x: result.surface.x,
		y: result.surface.y,
	};
	const run = spawnSync('python3', [reference], {input: JSON.stringify(spec), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
	if (run.error || run.status !== 0) {
		throw new Error(`python3 with numpy is needed for this test: ${run.error?.message ?? run.stderr.trim().split('\n').at(-1)}`);
	}

	return JSON.parse(run.stdout) as number[][];
}

async function surfaceRun(name: string, flags: string[]): Promise<{result: Result; csv: string}> {
	const data = path.join(folder, `${name}.csv`);
	const run = await runCli(['--headless', '--json', '--export-data', data, ...flags]);
	expect(run.stderr.replace(/^descent: wrote .*\n/m, '')).toBe('');
	expect(run.code).toBe(0);
	return {result: JSON.parse(run.stdout) as Result, csv: fs.readFileSync(data, 'utf8')};
}

const CASES: Array<[string, string[]]> = [
	['tutorial-3, both output weights', ['--seed', '0', '--iterations', '3000', '--surface', 'W41,W42', '--grid', '7']],
	['tutorial-3, a hidden and an output weight', ['--seed', '1', '--iterations', '500', '--surface', 'W31,W42', '--grid', '5']],
	[
		'spiral: tanh, bias, cross-entropy, Adam, L2, a test split, batches; a weight and a bias of different layers',
		[
			'--preset',
			'spiral',
			'--samples',
			'60',
			'--seed',
			'2',
			'--iterations',
			'300',
			'--batch',
			'8',
			'--l2',
			'0.001',
			'--surface',
			'w1[2,1],b2[3]',
			'--grid',
			'6',
		],
	],
	[
		'softmax, 3 outputs, L1 and L2, two weights of one neuron',
		[
			'--dataset',
			'gauss',
			'--samples',
			'40',
			'--layers',
			'2,3,2',
			'--bias',
			'--output-activation',
			'softmax',
			'--loss',
			'cross-entropy',
			'--l1',
			'0.002',
			'--l2',
			'0.003',
			'--seed',
			'3',
			'--iterations',
			'200',
			'--lr',
			'0.1',
			'--surface',
			'w2[1,1],w2[1,3]',
			'--grid',
			'4',
		],
	],
	[
		'relu, no bias, 4 layers, the same neuron of the first layer',
		[
			'--dataset',
			'plane',
			'--samples',
			'30',
			'--layers',
			'2,4,3,1',
			'--activation',
			'relu',
			'--seed',
			'4',
			'--iterations',
			'100',
			'--lr',
			'0.01',
			'--surface',
			'w1[1,1],w1[1,2]',
		],
	],
];

describe('--surface: the error over two weights against numpy', () => {
	test.each(CASES)('%s', async (name, flags) => {
		const {result, csv} = await surfaceRun(name.replaceAll(/\W+/g, '-'), flags);
		const {surface} = result;
		const grid = Number(flags[flags.indexOf('--grid') + 1] ?? 21) || 21;
		expect(surface.x).toHaveLength(grid);
		expect(surface.y).toHaveLength(grid);
		expect(surface.error).toHaveLength(grid);
		const expected = numpyGrid(result, csv);
		let worst = 0;
		for (const [r, row] of expected.entries()) {
			for (const [c, value] of row.entries()) {
				worst = Math.max(worst, Math.abs(surface.error[r]![c]! - value) / Math.max(Math.abs(value), 1e-300));
			}
		}

		expect(worst).toBeLessThan(TOLERANCE);
		// the path ends at the final weights, which the grid is centred on
		const refs = new Map(weightRefs(result.layers, result.bias).map(ref => [ref.name, ref]));
		const [a, b] = surface.weights.map(weight => refs.get(weight)!);
		const final = [result.weights[a!.layer]![a!.row]![a!.col]!, result.weights[b!.layer]![b!.row]![b!.col]!];
		expect(surface.path.at(-1)).toEqual(final);
		expect((surface.x[0]! + surface.x.at(-1)!) / 2).toBeCloseTo(final[0]!, 12);
		expect((surface.y[0]! + surface.y.at(-1)!) / 2).toBeCloseTo(final[1]!, 12);
		for (const [pa, pb] of surface.path) {
			expect(pa).toBeGreaterThanOrEqual(surface.x[0]!);
			expect(pa).toBeLessThanOrEqual(surface.x.at(-1)!);
			expect(pb).toBeGreaterThanOrEqual(surface.y[0]!);
			expect(pb).toBeLessThanOrEqual(surface.y.at(-1)!);
		}

		expect(surface.x.at(-1)! - surface.x[0]!).toBeGreaterThanOrEqual(2 - 1e-12);
	});

	test('the grid is centred on the final weights, at least ±1 or ±50 %, and its centre is the finalError', async () => {
		const {result} = await surfaceRun('centre', ['--seed', '0', '--iterations', '2000', '--surface', 'W41,W42', '--grid', '9']);
		const {surface} = result;
		expect(surface.error[4]![4]).toBeCloseTo(result.finalError, 15);
		// the path starts at the initial weights (W41, W42: the output row)
		expect(surface.path[0]).toEqual(result.initialWeights[1]![0]!.slice(0, 2));
		expect(surface.path.length).toBeGreaterThan(100);
		expect(surface.path.length).toBeLessThanOrEqual(1025);
	});
});

describe('--surface: bad input', () => {
	test.each([
		[['--surface', 'W41,W99'], /--surface W41,W99: 'W99' is not a weight of this network; its weights are W11 W21 W31 W12 W22 W32 W41 W42$/],
		[['--surface', 'W41'], /--surface W41: needs two weight names/],
		[['--surface', 'W41,W41'], /needs two different weights/],
		[['--surface', 'W41,W42', '--grid', '202'], /--grid: '202' must be a whole number from 2 to 201/],
		[['--grid', '5'], /--grid goes with --surface/],
	])('%j', async (flags, message) => {
		const run = await runCli(['--headless', '--json', '--seed', '0', '--iterations', '10', ...flags]);
		expect(run.code).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
		expect(run.stderr.trim()).toMatch(message);
	});

	test('a name of tutorial-10, which holds a comma itself', async () => {
		const run = await runCli([
			'--headless',
			'--json',
			'--preset',
			'tutorial-10',
			'--seed',
			'0',
			'--iterations',
			'10',
			'--surface',
			'W10,1,W11,2',
			'--grid',
			'3',
		]);
		expect(run.code).toBe(0);
		expect((JSON.parse(run.stdout) as Result).surface.weights).toEqual(['W10,1', 'W11,2']);
	});
});
