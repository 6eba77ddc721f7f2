import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {checkWritable, readUserFile, writeFileAtomic, writeTarget} from '../../source/session/files.js';
import {InputError} from '../../source/session/input-error.js';
import {temporaryFolder} from '../helpers/run-cli.js';

const temporaryFiles = (folder: string) => fs.readdirSync(folder).filter(name => name.endsWith('.tmp'));

/** The InputError `run` throws, as its message. */
function problem(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		expect((error as Error).message).not.toContain('\n');
		return (error as Error).message;
	}

	throw new Error('did not throw');
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('readUserFile', () => {
	const folder = temporaryFolder('read');
	fs.writeFileSync(path.join(folder, 'a.csv'), '1,2\n');

	test('the text', () => {
		expect(readUserFile(path.join(folder, 'a.csv'), '--data')).toBe('1,2\n');
	});

	test('errors name the flag and the path as given', () => {
		expect(problem(() => readUserFile('no-such-file.csv', '--data'))).toBe('--data no-such-file.csv: no such file');
		expect(problem(() => readUserFile(folder, '--load'))).toBe(`--load ${folder}: is a folder, not a file`);
	});
});

describe('writeTarget', () => {
	const folder = temporaryFolder('target');
	const file = (name: string) => path.join(folder, name);
	fs.mkdirSync(file('real'));
	fs.writeFileSync(file('real/run.json'), '');
	fs.symlinkSync('real/run.json', file('link.json'));
	fs.symlinkSync('link.json', file('link-to-link.json'));
	fs.symlinkSync('real/new.json', file('dangling.json'));
	fs.symlinkSync('../link.json', file('real/up.json'));
	fs.symlinkSync('self.json', file('self.json'));

	test('a file is itself, absolute', () => {
		expect(writeTarget(file('plain.json'))).toBe(file('plain.json'));
	});

	test("a link is its target; a chain of links, its last; relative links from the link's own folder", () => {
		expect(writeTarget(file('link.json'))).toBe(file('real/run.json'));
		expect(writeTarget(file('link-to-link.json'))).toBe(file('real/run.json'));
		expect(writeTarget(file('real/up.json'))).toBe(file('real/run.json'));
	});

	test('a dangling link is the file it names', () => {
		expect(writeTarget(file('dangling.json'))).toBe(file('real/new.json'));
	});

	test('a loop is an error', () => {
		expect(problem(() => writeTarget(file('self.json')))).toBe(`${file('self.json')}: too many symbolic links`);
	});
});

describe('writeFileAtomic', () => {
	test('replaces the file whole, and leaves no temporary file', () => {
		const folder = temporaryFolder('write');
		const file = path.join(folder, 'run.json');
		fs.writeFileSync(file, 'old and much longer than the new content\n');
		writeFileAtomic(file, 'new\n');
		expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
		expect(fs.readdirSync(folder)).toEqual(['run.json']);
	});

	test('keeps the mode of the file it replaces', () => {
		const folder = temporaryFolder('write');
		const file = path.join(folder, 'run.json');
		fs.writeFileSync(file, 'old\n');
		fs.chmodSync(file, 0o640);
		writeFileAtomic(file, 'new\n');
		expect(fs.statSync(file).mode & 0o777).toBe(0o640);
	});

	test('through a symbolic link: the target is written and the link stays a link', () => {
		const folder = temporaryFolder('write');
		fs.mkdirSync(path.join(folder, 'real'));
		fs.writeFileSync(path.join(folder, 'real/run.json'), 'old\n');
		fs.symlinkSync('real/run.json', path.join(folder, 'link.json'));
		writeFileAtomic(path.join(folder, 'link.json'), 'new\n');
		expect(fs.lstatSync(path.join(folder, 'link.json')).isSymbolicLink()).toBe(true);
		expect(fs.readlinkSync(path.join(folder, 'link.json'))).toBe('real/run.json');
		expect(fs.readFileSync(path.join(folder, 'real/run.json'), 'utf8')).toBe('new\n');
		expect(temporaryFiles(folder)).toEqual([]);
		expect(temporaryFiles(path.join(folder, 'real'))).toEqual([]);
	});

	test('through a dangling link: the target is created, the link kept', () => {
		const folder = temporaryFolder('write');
		fs.symlinkSync('made.json', path.join(folder, 'dangling.json'));
		writeFileAtomic(path.join(folder, 'dangling.json'), 'made\n');
		expect(fs.lstatSync(path.join(folder, 'dangling.json')).isSymbolicLink()).toBe(true);
		expect(fs.readFileSync(path.join(folder, 'made.json'), 'utf8')).toBe('made\n');
	});

	test('a non-regular file is refused, and left as it is', () => {
		const folder = temporaryFolder('write');
		fs.mkdirSync(path.join(folder, 'a-folder'));
		fs.symlinkSync('/dev/null', path.join(folder, 'null-link'));
		expect(problem(() => writeFileAtomic('/dev/null', 'x'))).toBe('/dev/null: is not a regular file; not written');
		expect(problem(() => writeFileAtomic(path.join(folder, 'null-link'), 'x'))).toContain('null-link: is not a regular file');
		expect(problem(() => writeFileAtomic(path.join(folder, 'a-folder'), 'x'))).toContain('a-folder: is not a regular file');
		expect(fs.statSync(path.join(folder, 'a-folder')).isDirectory()).toBe(true);
		expect(fs.lstatSync(path.join(folder, 'null-link')).isSymbolicLink()).toBe(true);
	});

	test('a path through a file is an InputError naming the path, not a crash', () => {
		const folder = temporaryFolder('write');
		fs.writeFileSync(path.join(folder, 'a-file'), '');
		const file = path.join(folder, 'a-file', 'run.json');
		expect(problem(() => writeFileAtomic(file, 'x'))).toBe(`${file}: a part of the path is not a folder`);
	});

	test('a folder gone before the write: named, not "no such file"', () => {
		const folder = temporaryFolder('write');
		const file = path.join(folder, 'gone', 'run.json');
		expect(problem(() => writeFileAtomic(file, 'x'))).toBe(`${file}: folder ${path.join(folder, 'gone')} does not exist`);
	});

	test('a failed write names the path as given, never the temporary file; the old file stays whole; no temporary file is left', () => {
		const folder = temporaryFolder('write');
		const file = path.join(folder, 'run.json');
		fs.writeFileSync(file, 'the old run\n');
		const rename = vi.spyOn(fs, 'renameSync').mockImplementation(() => {
			throw Object.assign(new Error(`ENOSPC: no space left on device, rename '${folder}/.run.json.1.2.tmp'`), {code: 'ENOSPC'});
		});
		// a relative path, as a user types it (into the temporary folder, not the working one)
		const given = path.relative(process.cwd(), file);
		const message = problem(() => writeFileAtomic(given, 'the new run\n'.repeat(1000)));
		expect(rename).toHaveBeenCalled();
		expect(message).toBe(`${given}: no space left on the device`);
		expect(message).not.toMatch(/\.tmp|ENOSPC/);
		expect(fs.readFileSync(file, 'utf8')).toBe('the old run\n');
		expect(temporaryFiles(folder)).toEqual([]);
	});

	test('atomic: a write that fails half way (the disk fills) leaves the old file as it was', () => {
		const folder = temporaryFolder('write');
		const file = path.join(folder, 'run.json');
		fs.writeFileSync(file, 'the old run\n');
		const real = fs.writeFileSync.bind(fs);
		vi.spyOn(fs, 'writeFileSync').mockImplementation((target, data, options) => {
			// half the text reaches the disk, then it is full
			real(target, (data as string).slice(0, 5), options);
			throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'});
		});
		expect(problem(() => writeFileAtomic(file, 'the new run\n'))).toBe(`${file}: no space left on the device`);
		vi.restoreAllMocks();
		expect(fs.readFileSync(file, 'utf8')).toBe('the old run\n');
		expect(fs.readdirSync(folder)).toEqual(['run.json']);
	});

	test('the file is never seen half written: it holds the old text or the new, nothing between', () => {
		const folder = temporaryFolder('write');
		const file = path.join(folder, 'run.json');
		fs.writeFileSync(file, 'old\n');
		const seen: string[] = [];
		const real = fs.writeFileSync.bind(fs);
		vi.spyOn(fs, 'writeFileSync').mockImplementation((target, data, options) => {
			real(target, data, options);
			// what a reader of the user's file sees just after the text is written, before the rename
			seen.push(fs.readFileSync(file, 'utf8'));
		});
		writeFileAtomic(file, 'new\n'.repeat(10_000));
		expect(seen).toEqual(['old\n']);
		expect(fs.readFileSync(file, 'utf8')).toBe('new\n'.repeat(10_000));
	});

	test('with overwrite: false, refuses to replace an existing file and leaves no temporary file', () => {
		const folder = temporaryFolder('write');
		const file = path.join(folder, 'run.json');
		fs.writeFileSync(file, 'the first run\n');
		expect(problem(() => writeFileAtomic(file, 'the second run\n', {overwrite: false}))).toBe(`${file} already exists; not overwritten`);
		expect(fs.readFileSync(file, 'utf8')).toBe('the first run\n');
		expect(fs.readdirSync(folder)).toEqual(['run.json']);
	});

	test('with overwrite: false, writes a file that does not exist yet', () => {
		const folder = temporaryFolder('write');
		const file = path.join(folder, 'new.json');
		writeFileAtomic(file, 'fresh\n', {overwrite: false});
		expect(fs.readFileSync(file, 'utf8')).toBe('fresh\n');
		expect(fs.readdirSync(folder)).toEqual(['new.json']);
	});
});

describe('checkWritable', () => {
	const folder = temporaryFolder('writable');
	const file = (name: string) => path.join(folder, name);
	fs.mkdirSync(file('a-folder'));
	fs.writeFileSync(file('a-file'), '');
	fs.symlinkSync('a-folder', file('link-to-folder'));
	fs.symlinkSync('/dev/null', file('link-to-null'));
	fs.symlinkSync('missing-folder/run.json', file('dangling-into-nowhere'));
	fs.symlinkSync('new.json', file('dangling'));

	test('a new file, an existing file, a dangling link into an existing folder: fine', () => {
		expect(() => {
			checkWritable(file('new.json'), '--save');
			checkWritable(file('a-file'), '--save');
			checkWritable(file('dangling'), '--save');
		}).not.toThrow();
		// and nothing was created
		expect(fs.existsSync(file('new.json'))).toBe(false);
	});

	test.each<[string, string, string]>([
		['link-to-folder', '--save', 'is a folder, not a file'],
		['link-to-null', '--history', 'is not a regular file (a device, pipe or socket); descent writes regular files only'],
		['dangling-into-nowhere', '--save', `folder ${path.join(folder, 'missing-folder')} does not exist`],
		['a-file/run.json', '--save', `${file('a-file')} is not a folder`],
		['a-file/deeper/run.json', '--save', `folder ${file('a-file/deeper')} does not exist`],
	])('%s', (name, flag, reason) => {
		expect(problem(() => checkWritable(file(name), flag))).toBe(`${flag} ${file(name)}: ${reason}`);
	});

	test('an empty name', () => {
		expect(problem(() => checkWritable('', '--save'))).toBe('--save needs a file name');
	});
});
