import fs from 'node:fs';
import path from 'node:path';
import {InputError} from '../core/input-error.js';
import type {Sample} from '../core/network.js';

/** Reads a file the user named with `flag`; a missing or unreadable file is an InputError. */
export function readUserFile(file: string, flag: string): string {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why =
			code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
		throw new InputError(`${flag} ${file}: ${why}`);
	}
}

/** Fails early, before any training, when `file` could not be written later. */
export function checkWritable(file: string, flag: string): void {
	const folder = path.dirname(path.resolve(file));
	try {
		fs.accessSync(folder, fs.constants.W_OK);
	} catch {
		throw new InputError(`${flag} ${file}: folder ${folder} does not exist or is not writable`);
	}

	if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
		throw new InputError(`${flag} ${file}: is a folder, not a file`);
	}
}

/**
 * Writes through a temporary file in the same folder, then renames it over `file`, so a
 * crash never leaves a half-written file. With `overwrite: false` an existing file is kept
 * and an InputError is thrown.
 */
export function writeFileAtomic(file: string, text: string, {overwrite = true} = {}): void {
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
	fs.writeFileSync(temporary, text, {flag: 'wx'});
	try {
		if (overwrite) {
			fs.renameSync(temporary, file);
		} else {
			// link fails if `file` exists: no window in which another writer's file is replaced
			fs.linkSync(temporary, file);
			fs.unlinkSync(temporary);
		}
	} catch (error) {
		fs.rmSync(temporary, {force: true});
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			throw new InputError(`${file} already exists; not overwritten`);
		}

		throw error;
	}
}

/**
 * One sample a row: `inputs` input columns, then the targets. An optional header row
 * (a row 1 without a single number) is skipped; blank lines are ignored.
 */
export function parseSamplesCsv(text: string, file: string, inputs: number, outputs: number): Sample[] {
	const samples: Sample[] = [];
	const columns = inputs + outputs;
	for (const [index, line] of text.split(/\r?\n/).entries()) {
		if (line.trim() === '') {
			continue;
		}

		const cells = line.split(',').map(cell => cell.trim());
		const numbers = cells.map(cell => (cell === '' ? Number.NaN : Number(cell)));
		const where = `--data ${file} line ${index + 1}`;
		// a first row with some numbers is a sample with a typo, not a header to drop silently
		if (index === 0 && numbers.every(n => Number.isNaN(n))) {
			continue; // a header row
		}

		const bad = numbers.findIndex(n => !Number.isFinite(n));
		if (bad !== -1) {
			throw new InputError(`${where}: column ${bad + 1} '${cells[bad]}' is not a number`);
		}

		if (cells.length !== columns) {
			throw new InputError(
				`${where}: ${cells.length} columns, expected ${columns} (${inputs} inputs then ${outputs} target${outputs === 1 ? '' : 's'})`,
			);
		}

		samples.push({x: numbers.slice(0, inputs), t: numbers.slice(inputs)});
	}

	if (samples.length === 0) {
		throw new InputError(`--data ${file}: no samples (one row per sample: inputs then targets)`);
	}

	return samples;
}

/** Number of columns of the first data row, for inferring the input layer from a CSV. */
export function csvColumns(text: string): number {
	const rows = text.split(/\r?\n/).filter(line => line.trim() !== '');
	const numeric = rows.find(row => row.split(',').every(cell => cell.trim() !== '' && Number.isFinite(Number(cell))));
	return (numeric ?? rows[0] ?? '').split(',').length;
}
