import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {parseSamplesCsv, writeFileAtomic} from '../../source/cli/files.js';
import {InputError} from '../../source/core/input-error.js';

const temporaryFiles = (folder: string) => fs.readdirSync(folder).filter(name => name.endsWith('.tmp'));

describe('writeFileAtomic', () => {
	test('with overwrite: false, refuses to replace an existing file and leaves no temporary file', () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-files-'));
		const file = path.join(folder, 'run.json');
		fs.writeFileSync(file, 'the first run\n');
		expect(() => {
			writeFileAtomic(file, 'the second run\n', {overwrite: false});
		}).toThrow(InputError);
		expect(() => {
			writeFileAtomic(file, 'the second run\n', {overwrite: false});
		}).toThrow(/already exists/);
		expect(fs.readFileSync(file, 'utf8')).toBe('the first run\n');
		expect(temporaryFiles(folder)).toEqual([]);
		expect(fs.readdirSync(folder)).toEqual(['run.json']);
	});

	test('with overwrite: false, writes a file that does not exist yet', () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-files-'));
		const file = path.join(folder, 'new.json');
		writeFileAtomic(file, 'fresh\n', {overwrite: false});
		expect(fs.readFileSync(file, 'utf8')).toBe('fresh\n');
		expect(fs.readdirSync(folder)).toEqual(['new.json']);
	});

	test('by default replaces the file whole, and leaves no temporary file', () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-files-'));
		const file = path.join(folder, 'run.json');
		fs.writeFileSync(file, 'old and much longer than the new content\n');
		writeFileAtomic(file, 'new\n');
		expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
		expect(temporaryFiles(folder)).toEqual([]);
	});
});

describe('parseSamplesCsv', () => {
	test('skips a header row of names and blank lines', () => {
		expect(parseSamplesCsv('x1,x2,target\n\n0,1,1\n1,1,0\n', 'xor.csv', 2, 1)).toEqual([
			{x: [0, 1], t: [1]},
			{x: [1, 1], t: [0]},
		]);
	});

	test('a first row with numbers and a typo is an error on line 1, not a header dropped silently', () => {
		expect(() => parseSamplesCsv('0,1x,1\n1,1,0\n', 'xor.csv', 2, 1)).toThrow("--data xor.csv line 1: column 2 '1x' is not a number");
	});
});
