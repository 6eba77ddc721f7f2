import {execFile} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import {expect, test} from 'vitest';
import {requireNumpy} from '../helpers/python.js';
import {runCli, temporaryFolder} from '../helpers/run-cli.js';

const folder = temporaryFolder('load-lr');

// the tutorial's update from the checkpoint's weights: sigmoid, squared error, no biases, w - lr*grad
const TUTORIAL = `
import json, sys
import numpy as np
checkpoint = json.load(open(sys.argv[1]))
lr, iterations = float(sys.argv[2]), int(sys.argv[3])
sample = checkpoint["setup"]["samples"][0]
x, t = np.array(sample["x"]), np.array(sample["t"])
w1, w2 = (np.array(w) for w in checkpoint["training"]["weights"])
sigmoid = lambda z: 1 / (1 + np.exp(-z))
for _ in range(iterations):
    h = sigmoid(w1 @ x)
    p = sigmoid(w2 @ h)
    d2 = 2 * (p - t) * p * (1 - p)
    d1 = (w2.T @ d2) * h * (1 - h)
    w2, w1 = w2 - lr * np.outer(d2, h), w1 - lr * np.outer(d1, x)
print(json.dumps([w1.tolist(), w2.tolist()]))
`;

test('--load with --lr trains on at the rate given (a continuable setting), as numpy does from the checkpoint; the summary and reproduce line say it', async () => {
	await requireNumpy();
	const checkpoint = path.join(folder, 'c.json');
	fs.rmSync(checkpoint, {force: true});
	const saved = await runCli(['--seed', '0', '--iterations', '300', '--headless', '--save', checkpoint]);
	expect(saved.code, saved.stderr).toBe(0);
	expect((JSON.parse(fs.readFileSync(checkpoint, 'utf8')) as {training: {learningRate: number}}).training.learningRate).toBe(0.001);

	const loaded = await runCli(['--load', checkpoint, '--lr', '5', '--iterations', '600', '--headless', '--json']);
	expect(loaded.code, loaded.stderr).toBe(0);
	const summary = JSON.parse(loaded.stdout) as {learningRate: number; weights: number[][][]};
	expect(summary.learningRate).toBe(5);

	const {stdout} = await promisify(execFile)('python3', ['-c', TUTORIAL, checkpoint, '5', '300']);
	const numpy = (JSON.parse(stdout) as number[][][]).flat(2);
	const ours = summary.weights.flat(2);
	expect(ours).toHaveLength(numpy.length);
	for (const [k, value] of ours.entries()) {
		expect(Math.abs(value - numpy[k]!), `weight ${k}: ${value} vs numpy ${numpy[k]}`).toBeLessThan(1e-9);
	}

	const text = await runCli(['--load', checkpoint, '--lr', '5', '--iterations', '600', '--headless']);
	expect(text.stdout.split('\n')[0]).toContain('learning rate 5');
	expect(text.stdout).toMatch(/^reproduce: .*--lr 5 .*--load /m);
});
