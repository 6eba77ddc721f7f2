import fs from 'node:fs';
import path from 'node:path';
import {InputError} from './input-error.js';

/** Reads a file the user named with `flag`; a missing or unreadable file is an InputError. */
export function readUserFile(file: string, flag: string): string {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch (error) {
		throw new InputError(`${flag} ${file}: ${why(error)}`);
	}
}

function why(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	const reasons: Record<string, string> = {
		ENOENT: 'no such file',
		EISDIR: 'is a folder, not a file',
		EACCES: 'permission denied',
		EPERM: 'permission denied',
		ENOSPC: 'no space left on the device',
		EROFS: 'the file system is read-only',
		ENOTDIR: 'a part of the path is not a folder',
		ELOOP: 'too many symbolic links',
	};
	return (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
}

/**
 * The file a write to `file` should replace: `file` itself, or the target of the symbolic
 * link(s) it names, so that writing keeps the link and changes what it points to.
 */
export function writeTarget(file: string): string {
	let target = path.resolve(file);
	for (let hops = 0; hops < 32; hops++) {
		let stat: fs.Stats;
		try {
			stat = fs.lstatSync(target);
		} catch {
			return target; // does not exist yet (or a dangling link's target): written new
		}

		if (!stat.isSymbolicLink()) {
			return target;
		}

		target = path.resolve(path.dirname(target), fs.readlinkSync(target));
	}

	throw new InputError(`${file}: too many symbolic links`);
}

/** The file's status through links, or undefined when it does not exist (or a part of its path is not a folder). */
function statOf(file: string): fs.Stats | undefined {
	try {
		return fs.statSync(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') {
			return undefined;
		}

		throw error;
	}
}

/** Fails early, before any training, when `file` could not be written later. */
export function checkWritable(file: string, flag: string): void {
	if (file.trim() === '') {
		throw new InputError(`${flag} needs a file name`);
	}

	let problem: string | undefined;
	try {
		problem = writeProblem(file);
	} catch (error) {
		problem = error instanceof InputError ? 'too many symbolic links' : why(error);
	}

	if (problem !== undefined) {
		throw new InputError(`${flag} ${file}: ${problem}`);
	}
}

/** Why `file` could not be written (a missing folder, a folder, a device…), or undefined. */
function writeProblem(file: string): string | undefined {
	const target = writeTarget(file);
	const folder = path.dirname(target);
	const folderStat = statOf(folder);
	if (!folderStat) {
		return `folder ${folder} does not exist`;
	}

	if (!folderStat.isDirectory()) {
		return `${folder} is not a folder`;
	}

	try {
		fs.accessSync(folder, fs.constants.W_OK);
	} catch {
		return `folder ${folder} is not writable`;
	}

	const stat = statOf(target);
	if (stat?.isDirectory()) {
		return 'is a folder, not a file';
	}

	if (stat && !stat.isFile()) {
		return 'is not a regular file (a device, pipe or socket); descent writes regular files only';
	}

	return undefined;
}

/**
 * Writes through a temporary file beside the file it replaces, then renames it over that
 * file, so a crash never leaves a half-written file. A symbolic link is kept: its target
 * is replaced. With `overwrite: false` an existing file is kept and an InputError thrown.
 * Errors name `file` as the user gave it, never the temporary file.
 */
export function writeFileAtomic(file: string, text: string | Uint8Array, {overwrite = true} = {}): void {
	const target = writeTarget(file);
	let existing: fs.Stats | undefined;
	try {
		existing = statOf(target);
	} catch (error) {
		throw new InputError(`${file}: ${why(error)}`);
	}

	if (existing && !existing.isFile()) {
		throw new InputError(`${file}: is not a regular file; not written`);
	}

	const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
	try {
		fs.writeFileSync(temporary, text, {flag: 'wx', mode: existing ? existing.mode & 0o777 : 0o666});
		if (overwrite) {
			fs.renameSync(temporary, target);
		} else {
			// link fails if the file exists: no window in which another writer's file is replaced
			fs.linkSync(temporary, target);
			fs.unlinkSync(temporary);
		}
	} catch (error) {
		removeQuietly(temporary);
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EEXIST') {
			throw new InputError(`${file} already exists; not overwritten`);
		}

		// the file is being created: what is missing is its folder
		throw new InputError(`${file}: ${code === 'ENOENT' ? `folder ${path.dirname(target)} does not exist` : why(error)}`);
	}
}

/** Removes a temporary file if it is there; the error that matters is the write's (`force` still throws ENOTDIR). */
function removeQuietly(file: string): void {
	try {
		fs.rmSync(file, {force: true});
	} catch {
		// nothing was written there
	}
}
