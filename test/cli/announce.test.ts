import process from 'node:process';
import {describe, expect, test} from 'vitest';
import {runCli} from '../helpers/run-cli.js';

describe.concurrent('a network whose iteration takes long is announced before it starts', () => {
	const xor = ['--dataset', 'xor', '--samples', '400', '--test', '0.2', '--layers', '2,200,200,1', '--headless', '--iterations', '1', '--seed', '0'];
	const announced = (stderr: string) => stderr.split('\n').filter(line => line.includes(' weights; '));

	test('2-200-200-1 over 320 training samples (80 held out) on the scalar path: one line with its weights, an iteration’s time and its memory', async () => {
		const result = await runCli(xor, {env: {...process.env, DESCENT_MATRIX: 'off'}});
		expect(result.code).toBe(0);
		expect(announced(result.stderr)).toEqual([
			expect.stringMatching(
				/^descent: 2-200-200-1 has 40,600 weights; over 320 samples an iteration takes about \d+ ms here, and its buffers about [\d,]+ MB$/,
			),
		]);
	});

	test('on the matrix path the same network is not announced (an iteration takes a few ms there), 784-256-10 over 2,000 digits is', async () => {
		const quick = await runCli(xor);
		expect(quick.code).toBe(0);
		expect(announced(quick.stderr)).toEqual([]);
		const digits = await runCli(['--dataset', 'mnist', '--layers', '784,256,10', '--headless', '--iterations', '1', '--seed', '0']);
		expect(digits.code).toBe(0);
		expect(announced(digits.stderr)).toEqual([
			expect.stringMatching(
				/^descent: 784-256-10 has 203,264 weights; over 2,000 samples an iteration takes about \d+ ms here, and its buffers about [\d,]+ MB$/,
			),
		]);
	});

	test('the tutorial says nothing of the kind', async () => {
		const result = await runCli(['--headless', '--iterations', '1', '--seed', '0']);
		expect(result.code).toBe(0);
		expect(result.stderr).not.toContain(' weights; ');
	});
});
