import {describe, expect, test} from 'vitest';
import {buildOptions, type Options} from '../../source/cli/build.js';
import {parseArgv} from '../../source/cli/parse.js';
import {reproduceLine, shellQuote} from '../../source/cli/reproduce.js';
import type {Setup} from '../../source/core/setup.js';
import type {RunEnd} from '../../source/session/summary.js';

function options(argv: readonly string[], csv?: string): Options {
	return buildOptions(parseArgv(argv), {randomSeed: 11, ...(csv !== undefined && {csv})});
}

/** The end of a run that started as `options` and ended with `changes` to its setup. */
function endOf(
	started: Options,
	changes: Partial<Setup> = {},
	learningRateChanges: RunEnd['learningRateChanges'] = [],
): Pick<RunEnd, 'setup' | 'learningRateChanges'> {
	return {setup: {...started.run.setup, ...changes}, learningRateChanges};
}

describe('shellQuote', () => {
	test.each([
		['plain.csv', 'plain.csv'],
		['dir/run-1_a.json', 'dir/run-1_a.json'],
		['0.001', '0.001'],
		['3,2,1', '3,2,1'],
		['my data.csv', "'my data.csv'"],
		["it's.csv", `'it'\\''s.csv'`],
		['$HOME', "'$HOME'"],
		['a;rm -rf', "'a;rm -rf'"],
		['', "''"],
		['*.csv', "'*.csv'"],
	])('%j → %s', (text, quoted) => {
		expect(shellQuote(text)).toBe(quoted);
	});
});

describe('reproduceLine', () => {
	test('started by npm start: the command that works there', () => {
		const started = options(['--lr', '0.2']);
		expect(reproduceLine(started, endOf(started), {npm_lifecycle_event: 'start'})).toBe('npm start -- --lr 0.2 --seed 11');
		expect(reproduceLine(started, endOf(started), {npm_lifecycle_event: 'test'})).toBe('descent --lr 0.2 --seed 11');
		expect(reproduceLine(started, endOf(started), {})).toBe('descent --lr 0.2 --seed 11');
	});

	test('a run stopped early (Ctrl-C) is reproduced to the iteration it stopped at', () => {
		const started = options(['--iterations', '300000000', '--headless']);
		const stopped = {...endOf(started), state: 'stopped', iteration: 1234} as const;
		expect(reproduceLine(started, stopped, {})).toBe('descent --iterations 1234 --headless --seed 11');
		// not typed: given all the same
		const plain = options(['--headless']);
		expect(reproduceLine(plain, {...endOf(plain), state: 'stopped', iteration: 99}, {})).toBe('descent --iterations 99 --headless --seed 11');
		// before the first iteration there is nothing to stop at: the run as started
		expect(reproduceLine(plain, {...endOf(plain), state: 'stopped', iteration: 0}, {})).toBe('descent --headless --seed 11');
		expect(reproduceLine(plain, {...endOf(plain), state: 'done', iteration: 80_000}, {})).toBe('descent --headless --seed 11');
	});

	test('a run quit while paused is reproduced to the iteration it was paused at, as one quit while running (issue 21)', () => {
		const started = options(['--seed', '0']);
		expect(reproduceLine(started, {...endOf(started), state: 'paused', iteration: 29_225}, {})).toBe('descent --iterations 29225 --seed 0');
		expect(reproduceLine(started, {...endOf(started), state: 'stopped', iteration: 27_357}, {})).toBe('descent --iterations 27357 --seed 0');
		// paused before the first iteration: the run as started
		expect(reproduceLine(started, {...endOf(started), state: 'paused', iteration: 0}, {})).toBe('descent --seed 0');
	});

	test('the flags given that shape the run, as typed, and the seed', () => {
		const started = options(['--lr', '0.50', '--layers', '3,4,1', '--bias', '--headless', '--save', 'x.json', '--history', 'h.csv', '--json']);
		expect(reproduceLine(started, endOf(started))).toBe('descent --layers 3,4,1 --bias --lr 0.50 --headless --seed 11');
	});

	test('a path with spaces is quoted', () => {
		const started = options(['--data', 'my data.csv', '--headless'], '1,2,3,4\n');
		expect(reproduceLine(started, endOf(started))).toBe("descent --data 'my data.csv' --headless --seed 11");
	});

	test('--no-bias and a repeated flag come out once, as the run had them', () => {
		const started = options(['--bias', '--lr', '0.1', '--no-bias', '--lr', '0.2']);
		expect(reproduceLine(started, endOf(started))).toBe('descent --no-bias --lr 0.2 --seed 11');
	});

	test('a setting changed during the run (a reset) is given with the value the run ended with', () => {
		const started = options(['--optimizer', 'sgd']);
		expect(reproduceLine(started, endOf(started, {optimizer: 'adam', seed: 12}))).toBe('descent --optimizer adam --seed 12');
		// changed without being typed: still given
		expect(reproduceLine(started, endOf(started, {batch: 4}))).toContain('--batch 4');
	});

	test("a learning rate set before the first update is the run's own: flags reproduce it", () => {
		const started = options([]);
		const line = reproduceLine(started, endOf(started, {learningRate: 0.5}, [{iteration: 0, learningRate: 0.5}]));
		expect(line).toBe('descent --lr 0.5 --seed 11');
	});

	test('a learning rate changed during the run: not by flags alone, and where', () => {
		const started = options(['--lr', '0.1', '--headless']);
		const once = reproduceLine(started, endOf(started, {}, [{iteration: 1500, learningRate: 0.05}]));
		expect(once).toMatch(/^not by flags alone: the learning rate changed during the run \(to 0\.05 from update 1,501\)/);
		expect(once).toContain('a checkpoint (w, or --save) continues it exactly');
		expect(once.endsWith('its start: descent --lr 0.1 --headless --seed 11')).toBe(true);
		const thrice = reproduceLine(
			started,
			endOf(started, {}, [
				{iteration: 0, learningRate: 0.2},
				{iteration: 10, learningRate: 0.3},
				{iteration: 20, learningRate: 0.4},
				{iteration: 30, learningRate: 0.5},
			]),
		);
		expect(thrice).toContain('(to 0.3 from update 11, and 2 more times)');
	});
});
