import {execFile} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, test} from 'vitest';
import {cli, runCli, startCli, temporaryFolder} from '../helpers/run-cli.js';

const folder = temporaryFolder('files');
const file = (name: string) => path.join(folder, name);
const temporaryFiles = (where: string) => fs.readdirSync(where).filter(name => name.endsWith('.tmp'));

type Json = {weights: number[][][]; initialWeights: number[][][]; initialWeightsFrom: string; error: number; iterations: number; layers: number[]};

async function json(args: readonly string[], cwd = folder): Promise<Json> {
	const result = await runCli(['--headless', '--json', ...args], {cwd});
	expect(result.code, result.stderr).toBe(0);
	return JSON.parse(result.stdout) as Json;
}

describe.concurrent('initialWeights after --load', () => {
	test('the weights the run started from, kept in the checkpoint, and where they come from', async () => {
		const hand = [
			[
				[0.1, -0.2, 0.3],
				[0.4, 0.5, -0.6],
			],
			[[0.7, -0.8]],
		];
		fs.writeFileSync(file('hand.json'), JSON.stringify({weights: hand}));
		const start = await json(['--seed', '0', '--weights', 'hand.json', '--iterations', '1', '--save', 'hand-1.json']);
		expect([start.initialWeights, start.initialWeightsFrom]).toEqual([hand, 'given']);
		// loaded at iteration 1: neither the seed's draws nor the weights loaded, but the run's start
		const loaded = await json(['--load', 'hand-1.json', '--iterations', '50']);
		expect([loaded.initialWeights, loaded.initialWeightsFrom]).toEqual([hand, 'checkpoint']);
		expect(loaded.initialWeights).not.toEqual(start.weights);
		const seeded = await json(['--seed', '0', '--iterations', '5']);
		expect(seeded.initialWeightsFrom).toBe('seed');
		expect(seeded.initialWeights).not.toEqual(hand);
	});

	test('a version 2 checkpoint did not keep them: the loaded weights, said so', async () => {
		const v2 = path.join(import.meta.dirname, '..', 'core', 'checkpoints', 'version-2-xor-batch-2.json');
		const loaded = await json(['--load', v2, '--iterations', '61']);
		const {training} = JSON.parse(fs.readFileSync(v2, 'utf8')) as {training: {weights: number[][][]}};
		expect([loaded.initialWeights, loaded.initialWeightsFrom]).toEqual([training.weights, 'loaded']);
	});
});

describe.concurrent('--save and --history', () => {
	test("through symbolic links: the targets are written, the links stay links; a dangling link's target is created", async () => {
		fs.mkdirSync(file('real'));
		fs.writeFileSync(file('real/run.json'), 'old\n');
		fs.symlinkSync('real/run.json', file('run-link.json'));
		fs.symlinkSync('real/history.csv', file('history-link.csv'));
		const result = await runCli(['--headless', '--seed', '0', '--iterations', '50', '--save', 'run-link.json', '--history', 'history-link.csv'], {cwd: folder});
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toContain('wrote checkpoint run-link.json at iteration 50');
		expect(result.stdout).toContain('wrote history history-link.csv at iteration 50');
		for (const [link, target] of [
			['run-link.json', 'real/run.json'],
			['history-link.csv', 'real/history.csv'],
		] as const) {
			expect(fs.lstatSync(file(link)).isSymbolicLink()).toBe(true);
			expect(fs.readlinkSync(file(link))).toBe(target);
		}

		expect(JSON.parse(fs.readFileSync(file('real/run.json'), 'utf8'))).toMatchObject({format: 'descent-checkpoint', training: {iteration: 50}});
		expect(fs.readFileSync(file('real/history.csv'), 'utf8')).toMatch(/^iteration,error,predicted\n1,/);
		expect(temporaryFiles(folder)).toEqual([]);
		expect(temporaryFiles(file('real'))).toEqual([]);
	});

	test('a write that fails at the end names the path as given, never the temporary file; the run still ends', async () => {
		fs.mkdirSync(file('goes-away'));
		const running = startCli(['--headless', '--every', '1000', '--iterations', '300000000', '--seed', '0', '--save', 'goes-away/run.json'], {cwd: folder});
		// the folder was there when the flags were checked; it is gone when the checkpoint is written
		await running.waitForStdout(stdout => stdout.includes('\n1000,'));
		fs.rmSync(file('goes-away'), {recursive: true});
		fs.writeFileSync(file('goes-away'), 'now a file');
		running.child.kill('SIGINT');
		const result = await running.done;
		expect(result.code).toBe(130);
		expect(result.stderr).toBe('descent: checkpoint goes-away/run.json not written: a part of the path is not a folder\n');
		expect(temporaryFiles(folder)).toEqual([]);
	});

	test.each([5000, 47_712])('the history of %i iterations: the first row iteration 1, the last the last iteration', async iterations => {
		const history = `history-${iterations}.csv`;
		const result = await runCli(['--headless', '--seed', '0', '--iterations', String(iterations), '--history', history], {cwd: folder});
		expect(result.code, result.stderr).toBe(0);
		const rows = fs.readFileSync(file(history), 'utf8').trimEnd().split('\n').slice(1);
		expect(rows[0]!.split(',')[0]).toBe('1');
		expect(rows.at(-1)!.split(',')[0]).toBe(String(iterations));
		const last = /^error (\S+) at the last iteration/m.exec(result.stdout)?.[1];
		expect(Number(rows.at(-1)!.split(',')[1]).toPrecision(6)).toBe(Number(last).toPrecision(6));
	});
});

describe.concurrent('--export-data and the reproduce line', () => {
	test('--export-data writes the samples as --data reads them: the same run, bit for bit', async () => {
		const flags = ['--seed', '3', '--iterations', '300', '--layers', '2,6,1', '--optimizer', 'adam', '--lr', '0.01'];
		const exported = await runCli(['--headless', '--json', '--dataset', 'spiral', '--noise', '0.2', '--export-data', 'spiral.csv', ...flags], {cwd: folder});
		expect(exported.code, exported.stderr).toBe(0);
		expect(exported.stderr).toBe('descent: wrote 200 samples to spiral.csv\n');
		expect(fs.readFileSync(file('spiral.csv'), 'utf8')).toMatch(/^x1,x2,t1\n-?\d/);
		const fromFile = await json(['--data', 'spiral.csv', ...flags]);
		const fromDataset = JSON.parse(exported.stdout) as Json;
		expect(fromFile.initialWeights).toEqual(fromDataset.initialWeights);
		expect(fromFile.weights).toEqual(fromDataset.weights);
		expect(fromFile.error).toBe(fromDataset.error);
	});

	test('the reproduce line quotes a path with spaces, and running it gives the same numbers', async () => {
		const data = file('my data.csv');
		fs.writeFileSync(data, 'x1,x2,t\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n');
		const first = await runCli(['--headless', '--data', 'my data.csv', '--layers', '2,3,1', '--bias', '--lr', '0.5', '--iterations', '400'], {cwd: folder});
		expect(first.code, first.stderr).toBe(0);
		const line = /^reproduce: (descent .*)$/m.exec(first.stdout)?.[1];
		expect(line).toMatch(/^descent --layers 2,3,1 --bias --data 'my data.csv' --lr 0\.5 --iterations 400 --headless --seed \d+$/);
		// the shell reads the line as printed
		const command = `${line!.replace(/^descent/, `'${process.execPath}' '${cli}'`)} --json`;
		const {stdout} = await promisify(execFile)('/bin/sh', ['-c', command], {cwd: folder});
		const again = JSON.parse(stdout) as Json & {seed: number};
		expect(again.seed).toBe(Number(/--seed (\d+)$/.exec(line!)![1]));
		const straight = await json(['--data', 'my data.csv', '--layers', '2,3,1', '--bias', '--lr', '0.5', '--iterations', '400', '--seed', String(again.seed)]);
		expect(again.weights).toEqual(straight.weights);
		// and it is the run the summary described
		expect(first.stdout).toContain(`error ${again.error.toPrecision(6)} at the last iteration`);
	});
});
