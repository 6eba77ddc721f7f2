import {describe, expect, test} from 'vitest';
import {runCli} from '../helpers/run-cli.js';

describe.concurrent('a network whose iteration takes long is announced before it starts', () => {
	test('2-200-200-1 over 320 training samples (80 held out): one line with its weights, an iteration’s time and its memory', async () => {
		const result = await runCli([
			'--dataset',
			'xor',
			'--samples',
			'400',
			'--test',
			'0.2',
			'--layers',
			'2,200,200,1',
			'--headless',
			'--iterations',
			'1',
			'--seed',
			'0',
		]);
		expect(result.code).toBe(0);
		const lines = result.stderr.split('\n').filter(line => line.includes(' weights; '));
		expect(lines).toEqual([
			expect.stringMatching(
				/^descent: 2-200-200-1 has 40,600 weights; over 320 samples an iteration takes about \d+ ms here, and its buffers about [\d,]+ MB$/,
			),
		]);
	});

	test('the tutorial says nothing of the kind', async () => {
		const result = await runCli(['--headless', '--iterations', '1', '--seed', '0']);
		expect(result.code).toBe(0);
		expect(result.stderr).not.toContain(' weights; ');
	});
});
