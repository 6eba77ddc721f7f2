import fs from 'node:fs';
import path from 'node:path';
import {Writable} from 'node:stream';
import {describe, expect, test} from 'vitest';
import {parseCheckpoint} from '../../source/core/files/checkpoint.js';
import {PRESETS} from '../../source/core/presets.js';
import type {Setup} from '../../source/core/setup.js';
import {runHeadless, type HeadlessOptions} from '../../source/session/headless.js';
import type {RunOptions} from '../../source/session/options.js';
import {goldenRuns, maxWeightError, relativeError, setupOf} from '../helpers/golden.js';
import {temporaryFolder} from '../helpers/run-cli.js';

const golden = Object.fromEntries(goldenRuns().map(run => [run.name, run]));
const tutorial: Setup = {...PRESETS.get('tutorial-3')!.setup, seed: 0};

type Output = Writable & {text: () => string; writes: string[]; isTTY?: boolean};

/** A stream that keeps what is written; `onWrite` sees each write as it happens. */
function output(onWrite: (chunk: string, all: string) => void = () => undefined, isTTY = false): Output {
	const writes: string[] = [];
	const stream = new Writable({
		write(chunk: Buffer | string, _encoding, done) {
			writes.push(String(chunk));
			onWrite(String(chunk), writes.join(''));
			done();
		},
	}) as Output;
	stream.writes = writes;
	stream.text = () => writes.join('');
	stream.isTTY = isTTY;
	return stream;
}

function run(setup: Setup, extra: Partial<RunOptions> = {}): RunOptions {
	return {setup, paused: false, speed: Number.POSITIVE_INFINITY, ...extra};
}

function headlessOptions(extra: Partial<HeadlessOptions> = {}): HeadlessOptions {
	return {json: false, stop: {requested: false}, describe: end => [`summary: ${end.state} at ${end.iteration}`], ...extra};
}

type Json = Record<string, unknown> & {initialWeights: number[][][]; weights: number[][][]; error: number; outputs: number[][]};

async function json(setup: Setup): Promise<Json> {
	const stdout = output();
	const stderr = output();
	await runHeadless(run(setup), headlessOptions({json: true}), {stdout, stderr});
	expect(stderr.text()).toBe('');
	expect(stdout.writes).toHaveLength(1);
	return JSON.parse(stdout.text()) as Json;
}

describe('runHeadless --json', () => {
	test("the reference run's numbers, named as the reference names them", async () => {
		const reference = golden['xor-2-3-1-bias']!;
		const result = await json(setupOf(reference));
		expect(result).toMatchObject({layers: [2, 3, 1], bias: true, seed: reference.seed, iterations: 5000, epoch: 5000, status: 'done', learningRate: 1});
		expect(maxWeightError(result.initialWeights, reference.initialWeights)).toBeLessThan(1e-9);
		expect(maxWeightError(result.weights, reference.finalWeights)).toBeLessThan(1e-9);
		expect(relativeError(result.error, reference.trace['5000']!.error, 1e-9)).toBeLessThan(1e-9);
		// the outputs of the last iteration's forward pass
		expect(maxWeightError([result.outputs], [reference.trace['5000']!.outputs!])).toBeLessThan(1e-9);
		// targets of 0 and 1: classes
		expect(result['accuracy']).toBe(1);
		expect(result).not.toHaveProperty('testAccuracy');
		expect(result).not.toHaveProperty('trainError');
	});

	test('with a test split: trainError, testError, testSamples, accuracy and testAccuracy; the epoch counts passes over the batches', async () => {
		const reference = golden['choices-bce-test-split-batch-3']!;
		const result = await json(setupOf(reference));
		expect(result['testSamples']).toEqual(reference.testSamples);
		expect(relativeError(result['trainError'] as number, reference.finalTrainError!, 1e-9)).toBeLessThan(1e-9);
		expect(relativeError(result['testError'] as number, reference.finalTestError!, 1e-9)).toBeLessThan(1e-9);
		expect(result['finalError']).toBe(result['trainError']);
		// 12 samples, 3 held out, 9 to train on in batches of 3: three iterations an epoch
		expect(result['epoch']).toBe(Math.floor(reference.iterations / 3));
		expect(typeof result['accuracy']).toBe('number');
		expect(typeof result['testAccuracy']).toBe('number');
		expect(result['accuracy']).toBeGreaterThanOrEqual(0);
		expect(result['testAccuracy']).toBeLessThanOrEqual(1);
	});

	test('targets that are not classes: no accuracy', async () => {
		const result = await json({...tutorial, limit: 10});
		expect(result).not.toHaveProperty('accuracy');
		expect(result).toMatchObject({iterations: 10, epoch: 10});
	});

	test('what happened to the files goes to stderr: stdout is the JSON alone', async () => {
		const folder = temporaryFolder('headless');
		const stdout = output();
		const stderr = output();
		await runHeadless(run({...tutorial, limit: 10}, {save: path.join(folder, 'run.json')}), headlessOptions({json: true}), {stdout, stderr});
		expect(() => JSON.parse(stdout.text()) as unknown).not.toThrow();
		expect(stderr.text()).toBe(`descent: wrote checkpoint ${path.join(folder, 'run.json')} at iteration 10\n`);
	});
});

describe('runHeadless --every', () => {
	test('a header, then a row every N iterations and the last; each row as numpy has it', async () => {
		const stdout = output();
		await runHeadless(run({...tutorial, limit: 100}), headlessOptions({every: 30}), {stdout, stderr: output()});
		const [header, ...rows] = stdout.text().trimEnd().split('\n');
		expect(header).toBe('iteration,error,predicted');
		expect(rows.map(row => Number(row.split(',')[0]))).toEqual([30, 60, 90, 100]);
		const reference = golden['tutorial-3-inputs-seed-0']!.trace['100']!;
		const [, error, predicted] = rows.at(-1)!.split(',').map(Number);
		expect(relativeError(error!, reference.error, 1e-9)).toBeLessThan(1e-9);
		expect(relativeError(predicted!, reference.outputs![0]![0]!, 1e-6)).toBeLessThan(1e-9);
	});

	test('rows are written as they are computed, not at the end: a stop asked for on the second row stops the run there', async () => {
		const stop = {requested: false};
		const stdout = output((_chunk, all) => {
			if (all.split('\n').length > 3) {
				stop.requested = true;
			}
		});
		const end = await runHeadless(run({...tutorial, limit: 300_000_000}), headlessOptions({every: 1000, stop}), {stdout, stderr: output()});
		expect(end.state).toBe('stopped');
		expect(end.iteration).toBe(2000);
		expect(stdout.writes).toEqual(['iteration,error,predicted\n', expect.stringMatching(/^1000,/), expect.stringMatching(/^2000,/)]);
	});

	test('several samples: a column per sample; mini-batches: the error only', async () => {
		const twoSamples = output();
		await runHeadless(run({...setupOf(golden['two-samples-4-3-2']!), limit: 2}), headlessOptions({every: 1}), {stdout: twoSamples, stderr: output()});
		expect(twoSamples.writes[0]).toBe('iteration,error,predicted_s1_out1,predicted_s1_out2,predicted_s2_out1,predicted_s2_out2\n');
		expect(twoSamples.writes[1]!.split(',')).toHaveLength(6);
		const batches = output();
		await runHeadless(run({...setupOf(golden['choices-xor-minibatch-2']!), limit: 2}), headlessOptions({every: 1}), {stdout: batches, stderr: output()});
		expect(batches.text()).toMatch(/^iteration,error\n1,[\d.e-]+\n2,[\d.e-]+\n$/);
	});

	test('what happened to the files goes to stderr, a failure too', async () => {
		const folder = temporaryFolder('headless');
		fs.writeFileSync(path.join(folder, 'a-file'), '');
		const save = path.join(folder, 'a-file', 'run.json');
		const stderr = output();
		await runHeadless(run({...tutorial, limit: 10}, {save, history: path.join(folder, 'h.csv')}), headlessOptions({every: 5}), {stdout: output(), stderr});
		expect(stderr.text()).toBe(
			`descent: checkpoint ${save} not written: a part of the path is not a folder\ndescent: wrote history ${path.join(folder, 'h.csv')} at iteration 10\n`,
		);
	});
});

describe('runHeadless: stopping, the summary and the progress line', () => {
	test('a stop request ends training at the current iteration; the files and the summary are still written', async () => {
		const folder = temporaryFolder('headless');
		const save = path.join(folder, 'run.json');
		const stop = {requested: false};
		const stdout = output();
		const timer = setTimeout(() => {
			stop.requested = true;
		}, 150);
		const end = await runHeadless(run({...tutorial, limit: 300_000_000}, {save}), headlessOptions({stop}), {stdout, stderr: output()});
		clearTimeout(timer);
		expect(end.state).toBe('stopped');
		expect(end.iteration).toBeGreaterThan(0);
		expect(end.iteration).toBeLessThan(300_000_000);
		expect(end.written).toEqual([`wrote checkpoint ${save} at iteration ${end.iteration.toLocaleString('en-US')}`]);
		expect(stdout.text()).toBe(`summary: stopped at ${end.iteration}\n`);
		const read = parseCheckpoint(fs.readFileSync(save, 'utf8'));
		expect('problem' in read ? read.problem : read.state.iteration).toBe(end.iteration);
	});

	test('on a terminal a progress line is drawn on stderr, and erased at the end', async () => {
		const stop = {requested: false};
		const stderr = output(() => undefined, true);
		const timer = setTimeout(() => {
			stop.requested = true;
		}, 350);
		await runHeadless(run({...tutorial, limit: 300_000_000}), headlessOptions({stop}), {stdout: output(), stderr});
		clearTimeout(timer);
		const text = stderr.text();
		expect(text).toMatch(/^\r\[#* *\] [\d,]+ \/ 300,000,000 iterations/);
		expect(text.endsWith('\r\u001B[2K')).toBe(true);
	});

	test.each<[string, Partial<HeadlessOptions>, boolean]>([
		['not on a terminal', {}, false],
		['--json, on a terminal', {json: true}, true],
		['--every, on a terminal', {every: 50}, true],
	])('%s: no progress line', async (_what, extra, isTTY) => {
		const stderr = output(() => undefined, isTTY);
		await runHeadless(run({...tutorial, limit: 100}), headlessOptions(extra), {stdout: output(), stderr});
		expect(stderr.text()).toBe('');
	});

	test('a diverged run ends diverged, with no checkpoint and a line saying why', async () => {
		const folder = temporaryFolder('headless');
		const end = await runHeadless(
			run({...tutorial, activation: 'linear', outputActivation: 'linear', learningRate: 1e300, limit: 1000}, {save: path.join(folder, 'run.json')}),
			headlessOptions(),
			{stdout: output(), stderr: output()},
		);
		expect(end.state).toBe('diverged');
		expect(end.written[0]).toMatch(/not written: diverged at iteration/);
		expect(fs.existsSync(path.join(folder, 'run.json'))).toBe(false);
	});
});
