import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, test} from 'vitest';
import {runCli, type CliResult} from '../helpers/run-cli.js';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-errors-'));
const file = (name: string) => path.join(folder, name);
const isRoot = process.getuid?.() === 0;

beforeAll(async () => {
	fs.writeFileSync(file('not-a-number.csv'), 'x1,x2,x3,target\n0.1,0.4,4.1,0.2\n0.2,oops,4.1,0.2\n');
	fs.writeFileSync(file('typo-in-row-1.csv'), '0.1,0.4,4.1x,0.2\n0.2,0.3,4.1,0.2\n');
	fs.writeFileSync(file('short-row.csv'), '0.1,0.4,4.1,0.2\n0.2,0.3\n');
	fs.writeFileSync(file('locked.json'), '{}');
	fs.chmodSync(file('locked.json'), 0o000);
	fs.mkdirSync(file('a-folder'));
	const saved = await runCli(['--headless', '--seed', '0', '--iterations', '10', '--save', file('checkpoint.json')]);
	expect(saved.code).toBe(0);
	const checkpoint = fs.readFileSync(file('checkpoint.json'), 'utf8');
	fs.writeFileSync(file('truncated.json'), checkpoint.slice(0, Math.floor(checkpoint.length / 2)));
});

/** The contract for every bad input: exit code 2, one line on stderr, no stack trace, nothing on stdout. */
function expectOneLineError(result: CliResult, ...mentions: string[]): void {
	expect(result.code, result.stderr).toBe(2);
	expect(result.stdout).toBe('');
	const lines = result.stderr.split('\n');
	expect(lines, result.stderr).toHaveLength(2);
	expect(lines[1]).toBe('');
	expect(lines[0]).toMatch(/^descent: \S/);
	expect(result.stderr).not.toMatch(/^\s+at /m);
	expect(result.stderr).not.toMatch(/Error:|node:internal|file:\/\//);
	for (const mention of mentions) {
		expect(lines[0]).toContain(mention);
	}
}

// [what is wrong, the arguments, what the message must name]
const cases: Array<[string, () => string[], string[]]> = [
	['a learning rate that is not a number', () => ['--lr', 'abc'], ['--lr', 'abc']],
	['a learning rate of 0', () => ['--lr', '0'], ['--lr']],
	['one layer', () => ['--layers', '3'], ['--layers']],
	['a layer of 0 neurons', () => ['--layers', '3,0,1'], ['--layers']],
	['inputs that do not fit the input layer', () => ['--layers', '3,2,1', '--inputs', '1,2'], ['--inputs']],
	['a target that does not fit the output layer', () => ['--target', '1,2'], ['--target']],
	['an unknown activation', () => ['--activation', 'foo'], ['--activation', 'foo']],
	['an unknown preset', () => ['--preset', 'foo'], ['--preset', 'foo']],
	['a negative iteration count', () => ['--iterations', '-5'], ['--iterations']],
	['a fractional iteration count', () => ['--iterations', '1.5'], ['--iterations']],
	['a negative seed', () => ['--seed', '-1'], ['--seed']],
	['a seed over 2^32 - 1', () => ['--seed', '4294967296'], ['--seed']],
	['a missing checkpoint', () => ['--load', file('missing.json')], ['--load', file('missing.json')]],
	['a missing CSV', () => ['--data', file('missing.csv')], ['--data', file('missing.csv')]],
	['a folder given as the checkpoint', () => ['--load', file('a-folder')], ['--load', file('a-folder')]],
	['a folder given as the CSV', () => ['--data', file('a-folder')], ['--data', file('a-folder')]],
	['a CSV cell that is not a number', () => ['--data', file('not-a-number.csv')], ['--data', file('not-a-number.csv'), 'line 3', 'oops']],
	['a typo in the first CSV row (not a header: it has numbers)', () => ['--data', file('typo-in-row-1.csv')], ['--data', 'line 1', '4.1x']],
	['a short CSV row', () => ['--data', file('short-row.csv')], ['--data', file('short-row.csv'), 'line 2']],
	['a truncated checkpoint', () => ['--load', file('truncated.json')], ['--load', file('truncated.json')]],
	['a checkpoint whose layers disagree with --layers', () => ['--load', file('checkpoint.json'), '--layers', '4,2,1'], ['--load', '--layers', '4,2,1']],
	['a finished checkpoint and no new limit', () => ['--load', file('checkpoint.json')], ['--load', file('checkpoint.json'), '--iterations']],
	['a limit not beyond the checkpoint', () => ['--load', file('checkpoint.json'), '--iterations', '5'], ['--iterations 5']],
	['an unknown flag', () => ['--frobnicate'], ['--frobnicate']],
	['a repeated flag', () => ['--lr', '0.1', '--lr', '0.2'], ['--lr']],
	['a flag missing its value at the end', () => ['--seed'], ['--seed']],
	['a flag followed by another flag instead of its value', () => ['--lr', '--paused'], ['--lr']],
	['a stray argument', () => ['stray'], ['stray']],
];

describe.concurrent('descent with bad input: exit code 2 and one line naming the problem', () => {
	test.each(cases)('%s', async (_what, args, mentions) => {
		expectOneLineError(await runCli(['--headless', ...args()]), ...mentions);
	});

	// without --headless too: the checks come before the choice of dashboard or headless
	test.each(cases.filter((_, k) => k % 14 === 0))('%s, without --headless', async (_what, args, mentions) => {
		expectOneLineError(await runCli(args()), ...mentions);
	});

	// root reads a file whatever its mode, so the check cannot fail there; the folder cases above still run
	test.skipIf(isRoot)('an unreadable checkpoint (mode 000)', async () => {
		expectOneLineError(await runCli(['--headless', '--load', file('locked.json')]), '--load', file('locked.json'), 'permission denied');
	});

	test('a bad input leaves an existing --save file as it was', async () => {
		const precious = file('precious.json');
		fs.writeFileSync(precious, 'keep me\n');
		for (const args of [['--lr', 'abc'], ['--load', file('missing.json')], ['--data', file('short-row.csv')], ['--frobnicate']]) {
			expectOneLineError(await runCli(['--headless', '--save', precious, ...args]));
			expect(fs.readFileSync(precious, 'utf8')).toBe('keep me\n');
		}

		expect(fs.readdirSync(folder).filter(name => name.endsWith('.tmp'))).toEqual([]);
	});
});
