import {describe, expect, test} from 'vitest';
import {laneWords} from '../../source/cli/race.js';
import {runCli} from '../helpers/run-cli.js';

type Run = {
	flags?: string;
	initialWeights: unknown;
	weights: unknown;
	error: number;
	outputs: unknown;
	finalError: number;
	testSamples?: number[];
	optimizer: string;
	iterations: number;
};

const BASE = [
	'--headless',
	'--json',
	'--dataset',
	'xor',
	'--samples',
	'60',
	'--layers',
	'2,4,1',
	'--bias',
	'--activation',
	'tanh',
	'--output-activation',
	'sigmoid',
];
const CHOICES = ['--batch', '7', '--test', '0.25', '--iterations', '700', '--seed', '5', '--lr', '0.1'];
const LANES = ['--optimizer sgd', '--optimizer momentum --momentum 0.5', '--optimizer adam --lr 0.01'];

async function json(args: string[]): Promise<unknown> {
	const run = await runCli(args);
	expect(run.stderr).toBe('');
	expect(run.code).toBe(0);
	return JSON.parse(run.stdout) as unknown;
}

describe('--race: every lane bit for bit its single run', () => {
	test('sgd, momentum and adam with mini-batches and a test split', async () => {
		const raced = (await json([...BASE, ...CHOICES, ...LANES.flatMap(lane => ['--race', lane])])) as {lanes: Run[]};
		expect(raced.lanes.map(lane => lane.flags)).toEqual(LANES);
		const singles = (await Promise.all(LANES.map(async lane => json([...BASE, ...CHOICES, ...laneWords(lane)])))) as Run[];
		for (const [k, lane] of raced.lanes.entries()) {
			const single = singles[k]!;
			// JSON writes each double's shortest exact form: equal text is equal bits
			for (const key of ['weights', 'error', 'outputs', 'finalError', 'initialWeights', 'testSamples', 'optimizer', 'iterations'] as const) {
				expect(JSON.stringify(lane[key]), `lane ${k + 1} ${key}`).toBe(JSON.stringify(single[key]));
			}
		}

		// one start, one split; different ways down
		expect(new Set(raced.lanes.map(lane => JSON.stringify(lane.initialWeights))).size).toBe(1);
		expect(new Set(raced.lanes.map(lane => JSON.stringify(lane.testSamples))).size).toBe(1);
		expect(new Set(raced.lanes.map(lane => lane.finalError)).size).toBe(3);
	});

	test('with --surface, each lane has its own surface and path', async () => {
		const raced = (await json([...BASE, ...CHOICES, '--surface', 'W31,W32', '--grid', '3', '--race', '--lr 0.1', '--race', '--lr 0.3'])) as {
			lanes: Array<Run & {surface: {error: number[][]; path: number[][]}}>;
		};
		expect(raced.lanes).toHaveLength(2);
		expect(raced.lanes[0]!.surface.path[0]).toEqual(raced.lanes[1]!.surface.path[0]);
		expect(raced.lanes[0]!.surface.error[1]![1]).toBe(raced.lanes[0]!.finalError);
		expect(raced.lanes[0]!.surface.path.at(-1)).not.toEqual(raced.lanes[1]!.surface.path.at(-1));
	});
});

describe('--race: bad input, one line and exit 2', () => {
	test.each([
		[
			['--race', '--init he', '--race', '--lr 1'],
			/^descent: --race "--init he": a lane may change --lr, --optimizer, --momentum, --batch, --l1 and --l2, not --init/,
		],
		[['--race', '--layers 3,3,1', '--race', '--lr 1'], /not --layers/],
		[['--race', '--seed 3', '--race', '--lr 1'], /not --seed/],
		[['--race', '--lr 1'], /give --race two or more times/],
		[['--race', '--lr x', '--race', '--lr 1'], /^descent: --race "--lr x": --lr: 'x' is not a number$/],
		[['--race', '--lr 1', '--race', '--lr 2', '--save', 'x.json'], /--race and --save/],
		[['--race', '--momentum 0.5', '--race', '--lr 2'], /^descent: --race "--momentum 0.5": --momentum goes with --optimizer momentum$/],
	])('%j', async (flags, message) => {
		const run = await runCli(['--headless', '--seed', '0', '--iterations', '10', ...flags]);
		expect(run.code).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
		expect(run.stderr.trim()).toMatch(message);
	});
});
