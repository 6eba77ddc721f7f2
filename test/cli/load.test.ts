import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {loadFiles} from '../../source/cli/load.js';
import {parseArgv} from '../../source/cli/parse.js';
import {PRESETS} from '../../source/core/presets.js';
import {MAX_SEED} from '../../source/core/maths/random.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {checkpointText} from '../../source/session/exports.js';
import {InputError} from '../../source/session/input-error.js';
import {isRoot, temporaryFolder} from '../helpers/run-cli.js';

const folder = temporaryFolder('load');
const file = (name: string) => path.join(folder, name);

const trainer = new Trainer({...PRESETS.get('tutorial-3')!.setup, seed: 3, limit: 10});
trainer.step(10);
const checkpoint = checkpointText(trainer);
fs.writeFileSync(file('checkpoint.json'), checkpoint);
fs.writeFileSync(file('truncated.json'), checkpoint.slice(0, checkpoint.length >> 1));
fs.writeFileSync(file('version-9.json'), checkpoint.replace(/"version":\d+/, '"version":9'));
fs.writeFileSync(file('other.json'), '{"weights": [[[1]]]}');
fs.writeFileSync(file('samples.csv'), '1,2,3\n');
fs.writeFileSync(file('weights.json'), '[[[1, 2]]]');
fs.writeFileSync(file('broken-weights.json'), '[[[1, 2]');
fs.writeFileSync(file('a-file'), 'not a folder');
fs.mkdirSync(file('a-folder'));

function load(argv: readonly string[]) {
	return loadFiles(parseArgv(argv));
}

function problem(argv: readonly string[]): string {
	try {
		load(argv);
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		expect((error as Error).message).not.toContain('\n');
		return (error as Error).message;
	}

	throw new Error(`loadFiles(${argv.join(' ')}) did not throw`);
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('loadFiles reads what the flags name', () => {
	test('--data gives the text, --weights the JSON, --load the checkpoint', () => {
		const loaded = load(['--data', file('samples.csv'), '--weights', file('weights.json'), '--load', file('checkpoint.json')]);
		expect(loaded.csv).toBe('1,2,3\n');
		expect(loaded.weights).toEqual([[[1, 2]]]);
		expect(loaded.checkpoint?.state.iteration).toBe(10);
		expect(loaded.checkpoint?.setup).toMatchObject({seed: 3, layers: [3, 2, 1], limit: 10});
	});

	test("a random seed in numpy's range, a different one each time (almost surely)", () => {
		const seeds = Array.from({length: 4}, () => load([]).randomSeed);
		for (const seed of seeds) {
			expect(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED).toBe(true);
		}

		expect(new Set(seeds).size).toBeGreaterThan(1);
	});

	test('nothing is read or written without flags', () => {
		expect(Object.keys(load([]))).toEqual(['randomSeed']);
	});
});

describe('loadFiles: a file that cannot be read or written is one line naming the flag and the file', () => {
	test.each<[string, string[], string]>([
		['--data missing', ['--data', file('missing.csv')], `--data ${file('missing.csv')}: no such file`],
		['--data a folder', ['--data', file('a-folder')], `--data ${file('a-folder')}: is a folder, not a file`],
		['--data under a file', ['--data', path.join(file('a-file'), 'x.csv')], `--data ${path.join(file('a-file'), 'x.csv')}: a part of the path is not a folder`],
		['--load missing', ['--load', file('missing.json')], `--load ${file('missing.json')}: no such file`],
		['--load truncated JSON', ['--load', file('truncated.json')], `--load ${file('truncated.json')}: not a complete JSON checkpoint (truncated or not JSON)`],
		[
			'--load of a version it does not read',
			['--load', file('version-9.json')],
			`--load ${file('version-9.json')}: checkpoint version 9 is not one this descent reads`,
		],
		['--load of other JSON', ['--load', file('other.json')], 'not a descent checkpoint'],
		['--weights not JSON', ['--weights', file('broken-weights.json')], `--weights ${file('broken-weights.json')}: not JSON`],
		['--weights missing', ['--weights', file('missing.json')], `--weights ${file('missing.json')}: no such file`],
		['--save into a missing folder', ['--save', file('nowhere/run.json')], `--save ${file('nowhere/run.json')}: folder ${file('nowhere')} does not exist`],
		[
			'--save under a file',
			['--save', path.join(file('a-file'), 'run.json')],
			`--save ${path.join(file('a-file'), 'run.json')}: ${file('a-file')} is not a folder`,
		],
		['--save to a folder', ['--save', file('a-folder')], `--save ${file('a-folder')}: is a folder, not a file`],
		['--save /dev/null', ['--save', '/dev/null'], '--save /dev/null: is not a regular file (a device, pipe or socket)'],
		['--history /dev/null', ['--history', '/dev/null'], '--history /dev/null: is not a regular file'],
		['--export-data to a folder', ['--export-data', file('a-folder')], `--export-data ${file('a-folder')}: is a folder`],
	])('%s', (_what, argv, message) => {
		expect(problem(argv)).toContain(message);
	});

	test('an unreadable file: permission denied', () => {
		// root reads whatever the mode: the error is the one the system would give
		vi.spyOn(fs, 'readFileSync').mockImplementation(() => {
			throw Object.assign(new Error('EACCES: permission denied, open'), {code: 'EACCES'});
		});
		expect(problem(['--data', file('samples.csv')])).toBe(`--data ${file('samples.csv')}: permission denied`);
	});

	test.skipIf(isRoot)('an unreadable file (mode 000), for real', () => {
		fs.writeFileSync(file('locked.csv'), '1,2\n');
		fs.chmodSync(file('locked.csv'), 0o000);
		expect(problem(['--data', file('locked.csv')])).toBe(`--data ${file('locked.csv')}: permission denied`);
	});

	test.skipIf(isRoot)('--save into a read-only folder', () => {
		fs.mkdirSync(file('read-only'));
		fs.chmodSync(file('read-only'), 0o555);
		expect(problem(['--save', file('read-only/run.json')])).toContain('is not writable');
	});

	test('--save through a symbolic link loop names the flag', () => {
		fs.symlinkSync('loop-b', file('loop-a'));
		fs.symlinkSync('loop-a', file('loop-b'));
		expect(problem(['--save', file('loop-a')])).toBe(`--save ${file('loop-a')}: too many symbolic links`);
	});

	test('the files to write are checked first, and none is created or changed', () => {
		fs.writeFileSync(file('precious.json'), 'keep me\n');
		expect(problem(['--save', file('precious.json'), '--history', file('new.csv'), '--export-data', file('a-folder')])).toContain('--export-data');
		expect(fs.readFileSync(file('precious.json'), 'utf8')).toBe('keep me\n');
		expect(fs.existsSync(file('new.csv'))).toBe(false);
	});
});
