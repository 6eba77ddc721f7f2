import {describe, expect, test} from 'vitest';
import {parseArgv} from '../../source/cli/parse.js';
import {InputError} from '../../source/session/input-error.js';

/** The one-line message parseArgv throws for `argv`. */
function problem(argv: readonly string[]): string {
	try {
		parseArgv(argv);
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		const {message} = error as InputError;
		expect(message).not.toContain('\n');
		return message;
	}

	throw new Error(`parseArgv(${argv.join(' ')}) did not throw`);
}

describe('parseArgv: --help, -h and --version win over everything', () => {
	test.each([
		[['--help'], true, false],
		[['-h'], true, false],
		[['--version'], false, true],
		[['--frobnicate', '--help'], true, false],
		[['--lr', 'abc', '-h'], true, false],
		[['--lr', '--version'], false, true],
		[['stray', '--version', '--layers', '3,0,1'], false, true],
		[['--json', '--every', '5', '--help', '--version'], true, true],
	])('%j', (argv, help, version) => {
		const parsed = parseArgv(argv);
		expect(parsed.help).toBe(help);
		expect(parsed.version).toBe(version);
		expect(parsed.given.size).toBe(0);
	});

	test('--help given as a value is still help (it wins even there)', () => {
		expect(parseArgv(['--data', '--help']).help).toBe(true);
	});
});

describe('parseArgv: values', () => {
	test('--flag value and --flag=value give the same value; the text is kept as typed', () => {
		const spaced = parseArgv(['--lr', '0.50', '--layers', '2,3,1']);
		const joined = parseArgv(['--lr=0.50', '--layers=2,3,1']);
		expect(spaced.values).toEqual({lr: 0.5, layers: [2, 3, 1]});
		expect(joined.values).toEqual(spaced.values);
		expect(spaced.given.get('lr')).toBe('0.50');
		expect(joined.given.get('layers')).toBe('2,3,1');
	});

	test('--flag= keeps everything after the first =', () => {
		expect(parseArgv(['--data=a=b.csv']).values.data).toBe('a=b.csv');
	});

	test('a repeated value flag: the last wins, and it is listed once', () => {
		const parsed = parseArgv(['--lr', '0.1', '--seed', '3', '--lr', '0.2']);
		expect(parsed.values.lr).toBe(0.2);
		expect(parsed.given.get('lr')).toBe('0.2');
		// listed once, at its last place: the reproduce line gives it once
		expect([...parsed.given.keys()]).toEqual(['seed', 'lr']);
	});

	test('--bias --no-bias: the last wins, both ways', () => {
		expect(parseArgv(['--bias', '--no-bias']).values.bias).toBe(false);
		expect(parseArgv(['--no-bias', '--bias']).values.bias).toBe(true);
		expect(parseArgv(['--no-bias']).given.get('bias')).toBe(false);
	});

	test('a switch is true', () => {
		expect(parseArgv(['--headless', '--json']).values).toEqual({headless: true, json: true});
	});

	test('a value may start with - (a negative number), and is then checked as that value', () => {
		expect(problem(['--l2', '-0.5'])).toBe("--l2: '-0.5' must be a number of at least 0");
	});

	test('no flags: nothing given', () => {
		expect(parseArgv([])).toEqual({help: false, version: false, values: {}, given: new Map()});
	});
});

describe('parseArgv: bad command lines are one line naming the flag', () => {
	test.each([
		[['--frobnicate'], 'unknown flag --frobnicate'],
		[['--frobnicate=3'], 'unknown flag --frobnicate'],
		[['-x'], 'unknown flag -x'],
		[['stray'], "unexpected argument 'stray'"],
		[['--'], "unexpected argument '--'"],
		[['--headless=yes'], "--headless takes no value (got 'yes')"],
		[['--no-bias=1'], '--no-bias takes no value'],
		// only a negatable switch has a --no- form
		[['--no-headless'], 'unknown flag --no-headless'],
		[['--seed'], '--seed needs a value'],
		[['--lr', '--paused'], '--lr needs a value'],
		[['--lr', 'abc'], "--lr: 'abc' is not a number"],
		[['--speed', 'fast'], "--speed: 'fast' is not a speed: give a positive number of iterations a second, or max"],
		[['--speed', '0'], "--speed: '0' must be a positive number of iterations a second, or max"],
		[['--lr', '0'], "--lr: '0' must be a positive number"],
		[['--lr', '1e-400'], 'underflows to 0'],
		[['--lr', '1e400'], "--lr: '1e400' is too large to hold"],
		[['--layers', '3,0,1'], '--layers 3,0,1: every layer needs a whole number of neurons, at least 1 (got 0)'],
		[['--layers', '3,1.5,1'], '--layers 3,1.5,1'],
		[['--layers', '3'], '--layers 3: needs at least an input and an output layer'],
		[['--inputs', '1,,2'], "--inputs: '' is not a number"],
		[['--batch', '0'], "--batch: '0' must be a whole number"],
		[['--batch', '1.5'], "--batch: '1.5' must be a whole number"],
		[['--test', '0'], "--test: '0' must be a fraction above 0 and below 1"],
		[['--test', '1'], "--test: '1' must be a fraction above 0 and below 1"],
		[['--test', '-0.2'], '--test'],
		[['--momentum', '1'], "--momentum: '1' must be from 0 up to (not including) 1"],
		[['--l1', '-1'], "--l1: '-1' must be a number of at least 0"],
		[['--optimizer', 'rmsprop'], "--optimizer: unknown optimizer 'rmsprop' (choose sgd, momentum, adam)"],
		[['--init', 'zeros'], "--init: unknown initialisation 'zeros'"],
		[['--loss', 'hinge'], "--loss: unknown loss 'hinge'"],
		[['--dataset', 'moons'], "--dataset: unknown dataset 'moons'"],
		[['--activation', 'softmax'], "--activation: unknown activation 'softmax'"],
		[['--preset', 'foo'], "--preset: unknown preset 'foo'"],
		[['--iterations', '-5'], '--iterations'],
		[['--seed', '4294967296'], "--seed: '4294967296' must be a whole number from 0 to 4,294,967,295"],
		[['--features', 'x3'], '--features'],
		[['--speed', 'fast'], '--speed'],
		[['--data', ''], '--data needs a file name'],
		[['--save', ' '], '--save needs a file name'],
	])('%j', (argv, message) => {
		expect(problem(argv)).toContain(message);
	});

	test('the first bad flag is reported, not a later one', () => {
		expect(problem(['--lr', 'abc', '--frobnicate'])).toContain('--lr');
	});
});
