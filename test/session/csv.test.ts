import {describe, expect, test} from 'vitest';
import {generateDataset} from '../../source/core/data/datasets.js';
import {cellNumber, csvColumns, parseSamplesCsv, samplesCsv} from '../../source/session/csv.js';
import {InputError} from '../../source/session/input-error.js';

function problem(text: string, inputs = 2, outputs = 1): string {
	try {
		parseSamplesCsv(text, 'd.csv', inputs, outputs);
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		expect((error as Error).message).not.toContain('\n');
		return (error as Error).message;
	}

	throw new Error('did not throw');
}

describe('cellNumber', () => {
	test.each([
		['1', 1],
		[' -2.5 ', -2.5],
		['"1"', 1],
		['"0.5"', 0.5],
		[' " 3e2 " ', 300],
		['.5', 0.5],
		['+7', 7],
		['1e-300', 1e-300],
	])('%j is %d', (cell, value) => {
		expect(cellNumber(cell)).toBe(value);
	});

	test.each(['0x10', 'Infinity', '-Infinity', 'NaN', '', '  ', '""', '1,5', 'abc', '1e999', '"1', '0b11', '1_000'])('%j is not a number', cell => {
		expect(cellNumber(cell)).toBeUndefined();
	});
});

describe('parseSamplesCsv', () => {
	test('a row a sample: the inputs, then the targets', () => {
		expect(parseSamplesCsv('0,1,1\n1,1,0\n', 'xor.csv', 2, 1)).toEqual([
			{x: [0, 1], t: [1]},
			{x: [1, 1], t: [0]},
		]);
		expect(parseSamplesCsv('1,2,3,4\n', 'd.csv', 1, 3)).toEqual([{x: [1], t: [2, 3, 4]}]);
	});

	test('quoted numbers are accepted', () => {
		expect(parseSamplesCsv('"1","2","0.5"\n', 'd.csv', 2, 1)).toEqual([{x: [1, 2], t: [0.5]}]);
	});

	test('a header row of names, blank lines, Windows line ends and no final line end are fine', () => {
		expect(parseSamplesCsv('x1,x2,target\r\n\r\n0,1,1\r\n\n1,1,0', 'xor.csv', 2, 1)).toEqual([
			{x: [0, 1], t: [1]},
			{x: [1, 1], t: [0]},
		]);
	});

	test.each<[string, string, string]>([
		['a cell that is not a number, with its line and column', 'x1,x2,t\n0,1,1\n0.2,oops,1\n', "--data d.csv line 3: column 2 'oops' is not a decimal number"],
		['a typo in the first row is no header: it has numbers', '0,1x,1\n1,1,0\n', "--data d.csv line 1: column 2 '1x' is not a decimal number"],
		['hex', '0x10,1,1\n', "--data d.csv line 1: column 1 '0x10' is not a decimal number"],
		['Infinity', '1,Infinity,1\n', "column 2 'Infinity' is not a decimal number"],
		['a blank cell', '1,,1\n', "--data d.csv line 1: column 2 '' is not a decimal number"],
		['semicolons', '0;1;1\n1;1;0\n', '--data d.csv line 1: the cells are separated by semicolons; descent reads comma-separated values'],
		['tabs', '0\t1\t1\n', '--data d.csv line 1: the cells are separated by tabs'],
		['bars', '0|1|1\n', 'separated by bars'],
		['semicolons after a header of names', 'a;b;c\n0;1;1\n', 'separated by semicolons'],
		['a short row', '0,1,1\n1,1\n', '--data d.csv line 2: 2 columns, expected 3 (2 inputs then 1 target)'],
		['a long row', '0,1,1,1\n', '--data d.csv line 1: 4 columns, expected 3'],
		['a header alone', 'x1,x2,t\n', '--data d.csv: no samples'],
		['nothing', '\n\n', '--data d.csv: no samples'],
	])('%s', (_what, text, message) => {
		expect(problem(text)).toContain(message);
	});

	test('two outputs: the plural', () => {
		expect(problem('1,2\n', 1, 2)).toContain('(1 inputs then 2 targets)');
	});
});

describe('csvColumns', () => {
	test('the first row of numbers, past a header', () => {
		expect(csvColumns('a,b\n1,2,3\n')).toBe(3);
		expect(csvColumns('\n1,2\n')).toBe(2);
		expect(csvColumns('"1","2","3","4"\n')).toBe(4);
		expect(csvColumns('')).toBe(0);
	});
});

describe('samplesCsv', () => {
	test('a header x1…, t1…, then a row a sample', () => {
		expect(
			samplesCsv([
				{x: [0.1, 0.4], t: [1, 0]},
				{x: [-2, 3e-7], t: [0, 1]},
			]),
		).toBe('x1,x2,t1,t2\n0.1,0.4,1,0\n-2,3e-7,0,1\n');
	});

	test('reads back as the same samples, to the bit (a generated dataset)', () => {
		const samples = generateDataset('spiral', {samples: 100, noise: 0.3, dataSeed: 4});
		const text = samplesCsv(samples);
		expect(parseSamplesCsv(text, 'spiral.csv', 2, 1)).toEqual(samples);
		expect(csvColumns(text)).toBe(3);
	});
});
