import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {expect, test} from 'vitest';
import {runCli, runNode} from './helpers/run-cli.js';

const root = path.join(import.meta.dirname, '..');

/** What an example printed: `name = value` lines, by name (the value's last number). */
async function printed(example: string): Promise<{text: string; value: (name: string) => number}> {
	const result = await runNode([path.join(root, 'examples', example)], {cwd: root});
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	const value = (name: string) => {
		const line = result.stdout.split('\n').find(candidate => candidate.startsWith(name));
		expect(line, `${example} prints ${name}`).toBeDefined();
		return Number(line!.match(/(-?[\d.]+(?:e-?\d+)?)\s*$/)![1]);
	};

	return {text: result.stdout, value};
}

const json = async (args: readonly string[]) => JSON.parse((await runCli(args)).stdout) as Record<string, unknown>;

test('npm run examples runs every example, each to its end', () => {
	const result = spawnSync('npm', ['run', '--silent', 'examples'], {cwd: root, encoding: 'utf8'});
	expect(result.status, result.stderr).toBe(0);
	expect(result.stdout.match(/^# examples\/.+\.js$/gm)).toEqual(['# examples/adam-dataset.js', '# examples/chain.js', '# examples/tutorial.js']);
});

test("examples/tutorial.js: the library's weights after 80,000 iterations are the headless run's, bit for bit", async () => {
	const {value} = await printed('tutorial.js');
	const headless = await json(['--headless', '--json', '--seed', '0']);
	const weights = (headless['weights'] as number[][][]).flat(2);
	// W11 W21 W31 into h1, then h2, then W41 W42: the flat order
	expect(['W11', 'W21', 'W31', 'W12', 'W22', 'W32', 'W41', 'W42'].map(name => value(name))).toEqual(weights);
	expect(value('tutorial-3')).toBe(headless['error']);
});

test("examples/chain.js: W41's chain multiplies to --explain's gradient of iteration 1", async () => {
	const {value} = await printed('chain.js');
	const explained = await json(['--explain', '1', '--json', '--seed', '0']);
	const gradient = (explained['weights'] as Record<string, {gradient: number}>)['W41']!.gradient;
	expect(value('gradient')).toBe(gradient);
	expect(value('g1') * value('g2') * value('g3')).toBeCloseTo(gradient, 15);
});

test("examples/adam-dataset.js: the test accuracy is the headless run's", async () => {
	const {value, text} = await printed('adam-dataset.js');
	const headless = await json(['--headless', '--json', '--preset', 'circle', '--seed', '1']);
	expect(text).toContain('test samples 40');
	expect(value('test samples')).toBe(headless['testAccuracy']);
	expect(value('training samples')).toBe(headless['accuracy']);
});
