import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {FLAGS} from '../../source/cli/flags.js';
import {PRESETS} from '../../source/core/presets.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {checkpointText} from '../../source/session/exports.js';
import {expectOneLineError, runCli, temporaryFolder} from '../helpers/run-cli.js';

// Every bad input is a unit test of parseArgv, buildOptions or loadFiles; these prove the process's side: exit 2, one line, no stack trace
const folder = temporaryFolder('errors');
const file = (name: string) => path.join(folder, name);
fs.writeFileSync(file('semicolons.csv'), '0.1;0.4;4.1;0.2\n');
fs.writeFileSync(file('quoted.csv'), '"0.1","0.4","4.1","0.2"\n');
fs.writeFileSync(file('truncated.json'), '{"format":"descent-checkpoint","version":2,"setup":{"lay');
fs.writeFileSync(file('a-file'), '');

describe.concurrent('bad input: exit code 2, one line on stderr naming the flag or file, nothing on stdout', () => {
	// one of each kind: a flag, a value, a file's content, the file system, a cross-check, a regression that once crashed
	test.each<[string, string[], string[]]>([
		['an unknown flag', ['--frobnicate'], ['--frobnicate']],
		['--lr abc', ['--lr', 'abc'], ['--lr', "'abc' is not a number"]],
		['a CSV with semicolons', ['--data', file('semicolons.csv')], ['--data', file('semicolons.csv'), 'semicolons']],
		['--load truncated', ['--load', file('truncated.json')], ['--load', file('truncated.json')]],
		['--save /dev/null', ['--save', '/dev/null'], ['--save', '/dev/null', 'not a regular file']],
		['--save under a file (once a crash: ENOTDIR)', ['--save', path.join(file('a-file'), 'run.json')], ['--save', 'is not a folder']],
		['softmax with squared loss', ['--layers', '3,2,2', '--target', '1,0', '--output-activation', 'softmax'], ['--output-activation', '--loss']],
	])('%s', async (_what, args, mentions) => {
		expectOneLineError(await runCli(['--headless', ...args]), ...mentions);
	});

	test('a checkpoint past its own limit, in the dashboard too: its iteration and its limit, each named as what it is', async () => {
		const trainer = new Trainer({...PRESETS.get('tutorial-3')!.setup, seed: 0});
		trainer.step(300);
		const json = JSON.parse(checkpointText(trainer)) as {setup: {limit: number}};
		json.setup.limit = 200;
		fs.writeFileSync(file('past.json'), JSON.stringify(json));
		for (const flags of [['--headless'], ['--paused']]) {
			expectOneLineError(await runCli([...flags, '--load', file('past.json')]), "the checkpoint is at iteration 300, past its run's limit of 200 iterations");
		}
	});

	test('without --headless too: input is checked before the choice of dashboard or headless', async () => {
		expectOneLineError(await runCli(['--json']), '--json goes with --headless');
	});

	test('quoted numbers in a CSV are accepted', async () => {
		const result = await runCli(['--headless', '--json', '--data', file('quoted.csv'), '--seed', '0', '--iterations', '3']);
		expect(result.code, result.stderr).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({layers: [3, 2, 1], iterations: 3});
	});

	test('a bad input leaves an existing --save file as it was, and no temporary file', async () => {
		fs.writeFileSync(file('precious.json'), 'keep me\n');
		expectOneLineError(await runCli(['--headless', '--save', file('precious.json'), '--lr', 'abc']));
		expect(fs.readFileSync(file('precious.json'), 'utf8')).toBe('keep me\n');
		expect(fs.readdirSync(folder).filter(name => name.endsWith('.tmp'))).toEqual([]);
	});
});

describe.concurrent('--help, -h and --version', () => {
	test.each([
		['--frobnicate', '--help'],
		['--lr', 'abc', '-h'],
	])('%s %s: the help, exit 0', async (...args) => {
		const result = await runCli(args);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toMatch(/^Usage\n/);
	});

	test('--help: no line over 80 columns, and every flag', async () => {
		const {stdout} = await runCli(['--help']);
		const lines = stdout.split('\n');
		expect(lines.filter(line => [...line].length > 80)).toEqual([]);
		for (const spec of FLAGS) {
			expect(stdout).toContain(`--${spec.name}`);
		}
	});

	test('--version beside bad flags: the version, exit 0', async () => {
		const result = await runCli(['stray', '--version', '--lr', '0']);
		const {version} = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {version: string};
		expect(result).toMatchObject({code: 0, stdout: `${version}\n`, stderr: ''});
	});
});

describe.concurrent('a pipe', () => {
	test('stdin and stdout not a terminal: trains headless, and says so in one line on stderr', async () => {
		const result = await runCli(['--seed', '0', '--iterations', '1000']);
		expect(result.code).toBe(0);
		expect(result.stderr.split('\n')).toEqual([
			expect.stringMatching(/^descent: not a terminal \(stdin or stdout is piped\), so training headless.*--headless/),
			'',
		]);
		expect(result.stdout).toContain('done: 1,000 iterations');
	});

	test('with --headless: no note', async () => {
		const result = await runCli(['--headless', '--seed', '0', '--iterations', '10']);
		expect(result).toMatchObject({code: 0, stderr: ''});
	});
});
