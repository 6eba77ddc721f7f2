/** Where a lesson was left: a small file beside a lesson file, or in the user's state folder for a built-in one. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {writeFileAtomic} from '../files.js';

/** `FILE.progress` beside a lesson file; `$XDG_STATE_HOME/descent/lessons/NAME.progress` (or `~/.local/state/…`) for a built-in one. */
export function progressFile(lesson: {readonly builtIn: boolean; readonly name: string}, env: NodeJS.ProcessEnv): string {
	if (!lesson.builtIn) {
		return `${lesson.name}.progress`;
	}

	const state = env['XDG_STATE_HOME'] || path.join(os.homedir(), '.local', 'state');
	return path.join(state, 'descent', 'lessons', `${lesson.name}.progress`);
}

export type Progress = {readonly step: number} | {readonly problem: string};

/** The step left (from 0, within the lesson), or why it cannot be read; undefined when nothing was kept. */
export function readProgress(file: string, steps: number): Progress | undefined {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}

	const step = /^step (\d+) of \d+\s*$/.exec(text)?.[1];
	if (step === undefined || Number(step) < 1) {
		return {problem: `${file} is not a lesson's progress ('step N of M'); starting at step 1`};
	}

	return {step: Math.min(Number(step), steps) - 1};
}

/** Keeps the step (from 0) at once, through a temporary file: a closed terminal or a signal loses nothing. */
export function writeProgress(file: string, step: number, steps: number): void {
	fs.mkdirSync(path.dirname(file), {recursive: true});
	writeFileAtomic(file, `step ${step + 1} of ${steps}\n`);
}
