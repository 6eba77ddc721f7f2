import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import {describe, expect, test} from 'vitest';
import {buildOptions} from '../../source/cli/build.js';
import {loadFiles} from '../../source/cli/load.js';
import {parseArgv} from '../../source/cli/parse.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {onnxModel} from '../../source/session/export-onnx.js';
import {relativeError} from '../helpers/golden.js';
import {expectOneLineError, runCli, temporaryFolder} from '../helpers/run-cli.js';

const TOLERANCE = 1e-12;

/** A run as the command line gives it, trained to its limit. */
function trained(argv: readonly string[]) {
	const parsed = parseArgv(argv);
	const {run} = buildOptions(parsed, loadFiles(parsed));
	const trainer = new Trainer(run.setup, run.resume);
	trainer.step(run.setup.limit);
	return {trainer, plane: run.plane};
}

/** onnxruntime's outputs for the raw inputs, a row per sample. */
async function runModel(model: Uint8Array | string, rows: ReadonlyArray<readonly number[]>): Promise<{outputs: number[][]; session: ort.InferenceSession}> {
	const session = typeof model === 'string' ? await ort.InferenceSession.create(model) : await ort.InferenceSession.create(model);
	const width = rows[0]!.length;
	const input = new ort.Tensor('float64', Float64Array.from(rows.flat()), [rows.length, width]);
	const result = await session.run({[session.inputNames[0]!]: input});
	const output = result[session.outputNames[0]!]!;
	const [count, outputs] = output.dims as [number, number];
	const data = output.data as Float64Array;
	return {outputs: Array.from({length: count}, (_, s) => [...data.subarray(s * outputs, (s + 1) * outputs)]), session};
}

const RUNS: ReadonlyArray<readonly [string, readonly string[]]> = [
	["the tutorial's run (3-2-1 sigmoid, no bias)", ['--seed', '0', '--iterations', '5000']],
	[
		'a tanh dataset run with features (x1², x2², x1·x2, sin x1)',
		['--dataset', 'circle', '--features', 'x1^2,x2^2,x1x2,sin(x1)', '--layers', '4,5,1', '--activation', 'tanh', '--output-activation', 'sigmoid'],
	],
	[
		'a softmax run (relu hidden, bias, the spiral one-hot)',
		['--dataset', 'spiral', '--layers', '2,6,2', '--activation', 'relu', '--output-activation', 'softmax', '--loss', 'cross-entropy', '--bias'],
	],
	['linear output, two hidden layers', ['--preset', 'plane', '--layers', '2,4,3,1', '--iterations', '300']],
];

describe.each(RUNS.map(([name, flags]) => [name, flags] as const))('the ONNX model of %s', (_name, flags) => {
	test("onnxruntime gives descent's outputs on every training sample, within 1e-12", async () => {
		const {trainer, plane} = trained(['--seed', '3', '--iterations', '400', ...flags]);
		const {network, data, evaluator, setup} = trainer;
		// the raw coordinates when features are computed from them, else the inputs themselves
		const raw = plane?.features ? plane.coordinates : setup.samples.map(sample => sample.x);
		const {outputs, session} = await runModel(onnxModel(trainer, plane?.features), raw);
		expect(session.inputNames).toEqual([plane?.features ? 'coordinates' : 'inputs']);
		expect(outputs).toHaveLength(data.count);
		let largest = 0;
		for (let s = 0; s < data.count; s++) {
			const expected = evaluator.forward(network.weights, data.inputs, s * data.inputCount)[network.depth]!;
			for (const [k, value] of expected.entries()) {
				largest = Math.max(largest, relativeError(outputs[s]![k]!, value, 1e-6));
			}
		}

		expect(largest).toBeLessThan(TOLERANCE);
	});
});

describe('--export-onnx FILE', () => {
	const folder = temporaryFolder('export-onnx');

	test('headless: the final weights, the file as onnxruntime reads it; the same numbers as the model made in-process', async () => {
		const flags = [
			'--seed',
			'5',
			'--iterations',
			'300',
			'--dataset',
			'gauss',
			'--features',
			'x1,x2,x1x2',
			'--layers',
			'3,3,1',
			'--activation',
			'tanh',
			'--bias',
		];
		const result = await runCli(['--headless', ...flags, '--export-onnx', 'gauss.onnx'], {cwd: folder});
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toContain('wrote ONNX model gauss.onnx at iteration 300');
		const {trainer, plane} = trained(flags);
		const fromFile = await runModel(path.join(folder, 'gauss.onnx'), plane!.coordinates);
		const inProcess = await runModel(onnxModel(trainer, plane!.features), plane!.coordinates);
		expect(fromFile.outputs).toEqual(inProcess.outputs);
	});

	test.each([
		['a folder', 'a-folder', 'is a folder'],
		['a missing folder', 'nowhere/model.onnx', 'does not exist'],
		['a path through a file', 'a-file/model.onnx', 'is not a folder'],
	])('%s: one line, exit 2, before any training', async (_what, file, message) => {
		fs.mkdirSync(path.join(folder, 'a-folder'), {recursive: true});
		fs.writeFileSync(path.join(folder, 'a-file'), '');
		expectOneLineError(await runCli(['--headless', '--export-onnx', file], {cwd: folder}), `--export-onnx ${file}`, message);
	});

	test('an existing file is replaced, as --save replaces it', async () => {
		fs.writeFileSync(path.join(folder, 'old.onnx'), 'old');
		const result = await runCli(['--headless', '--seed', '0', '--iterations', '10', '--export-onnx', 'old.onnx'], {cwd: folder});
		expect(result.code, result.stderr).toBe(0);
		expect((await ort.InferenceSession.create(path.join(folder, 'old.onnx'))).outputNames).toEqual(['predicted']);
	});
});
