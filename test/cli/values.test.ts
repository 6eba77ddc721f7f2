import {describe, expect, test} from 'vitest';
import {between, choice, file, list, number, positive, whole} from '../../source/cli/values.js';
import {InputError} from '../../source/session/input-error.js';

const message = (read: () => unknown): string => {
	try {
		read();
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return (error as Error).message;
	}

	throw new Error('did not throw');
};

describe('number', () => {
	test.each([
		['0.5', 0.5],
		[' 0.5 ', 0.5],
		['-3', -3],
		['+2', 2],
		['.25', 0.25],
		['5.', 5],
		['1e-3', 0.001],
		['2E+2', 200],
		// the smallest double is not 0
		['5e-324', 5e-324],
		['0', 0],
		['0e-999', 0],
	])('%j is %d', (text, value) => {
		expect(number(text, '--x')).toBe(value);
	});

	test.each(['abc', '', ' ', '0x10', 'Infinity', '-Infinity', 'NaN', '1,5', '1e', 'e5', '--1', '1 2', '0b1'])('%j is not a number', text => {
		expect(message(() => number(text, '--lr'))).toBe(`--lr: '${text}' is not a number`);
	});

	test('a decimal beyond the largest double is too large, not "not a number"', () => {
		expect(message(() => number('1e400', '--lr'))).toBe("--lr: '1e400' is too large to hold (over 1.8e308)");
		expect(message(() => number('-2e308', '--lr'))).toContain('too large');
	});

	test('a non-zero decimal that underflows to 0 says so', () => {
		expect(message(() => number('1e-400', '--lr'))).toBe("--lr: '1e-400' is too small to hold: it underflows to 0 (the smallest is about 5e-324)");
		expect(message(() => number('0.0001e-330', '--l2'))).toContain('underflows to 0');
	});
});

describe('the readers built on number', () => {
	test('positive rejects 0 and negatives', () => {
		expect(positive()('0.1', '--lr')).toBe(0.1);
		expect(message(() => positive()('0', '--lr'))).toBe("--lr: '0' must be a positive number");
		expect(message(() => positive()('-1', '--lr'))).toBe("--lr: '-1' must be a positive number");
	});

	test('between, half open: min in, max out', () => {
		const read = between(0, 1, false, 'in [0, 1)');
		expect(read('0', '--momentum')).toBe(0);
		expect(read('0.99', '--momentum')).toBe(0.99);
		expect(message(() => read('1', '--momentum'))).toBe("--momentum: '1' must be in [0, 1)");
		expect(message(() => read('-0.01', '--momentum'))).toContain('must be in [0, 1)');
	});

	test('between, closed: both ends in', () => {
		const read = between(0, 0.5, true, 'from 0 to 0.5');
		expect(read('0', '--noise')).toBe(0);
		expect(read('0.5', '--noise')).toBe(0.5);
		expect(() => read('0.51', '--noise')).toThrow(InputError);
	});

	test('between, open: both ends out', () => {
		const read = between(0, 1, 'open', 'a fraction');
		expect(read('0.2', '--test')).toBe(0.2);
		expect(message(() => read('0', '--test'))).toBe("--test: '0' must be a fraction");
		expect(message(() => read('1', '--test'))).toBe("--test: '1' must be a fraction");
	});

	test('whole', () => {
		const read = whole(1, 10);
		expect(read('10', '--batch')).toBe(10);
		expect(message(() => read('1.5', '--batch'))).toBe("--batch: '1.5' must be a whole number from 1 to 10");
		expect(message(() => read('0', '--batch'))).toContain('from 1 to 10');
		expect(message(() => read('11', '--batch'))).toContain('from 1 to 10');
		expect(message(() => whole(1)('1e300', '--iterations'))).toContain('9,007,199,254,740,991');
	});

	test('list', () => {
		expect(list('0.1, 0.4 ,4.1', '--inputs')).toEqual([0.1, 0.4, 4.1]);
		expect(message(() => list('', '--inputs'))).toBe('--inputs needs a comma-separated list of numbers');
		expect(message(() => list('1,x', '--target'))).toBe("--target: 'x' is not a number");
	});

	test('choice', () => {
		const read = choice(['sgd', 'adam'], 'optimizer');
		expect(read('adam', '--optimizer')).toBe('adam');
		expect(message(() => read('Adam', '--optimizer'))).toBe("--optimizer: unknown optimizer 'Adam' (choose sgd, adam)");
	});

	test('file', () => {
		expect(file('my data.csv', '--data')).toBe('my data.csv');
		expect(message(() => file('  ', '--data'))).toBe('--data needs a file name');
	});
});
