import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {progressFile, readProgress, writeProgress} from '../../source/session/lesson/progress.js';
import {temporaryFolder} from '../helpers/run-cli.js';

const folder = temporaryFolder('lesson-progress');

describe('where a lesson was left', () => {
	test('beside a lesson file; in the state folder for a built-in one ($XDG_STATE_HOME, else ~/.local/state)', () => {
		expect(progressFile({builtIn: false, name: 'class/week-1.md'}, {})).toBe('class/week-1.md.progress');
		expect(progressFile({builtIn: true, name: 'tutorial'}, {XDG_STATE_HOME: '/state'})).toBe('/state/descent/lessons/tutorial.progress');
		expect(progressFile({builtIn: true, name: 'tutorial'}, {})).toBe(path.join(os.homedir(), '.local', 'state', 'descent', 'lessons', 'tutorial.progress'));
	});

	test('written, its folder made, read back; a lesson grown shorter opens at its last step', () => {
		const file = path.join(folder, 'new', 'lesson.md.progress');
		writeProgress(file, 4, 7);
		expect(fs.readFileSync(file, 'utf8')).toBe('step 5 of 7\n');
		expect(readProgress(file, 7)).toEqual({step: 4});
		expect(readProgress(file, 3)).toEqual({step: 2});
	});

	test('nothing kept: undefined; a file that is not a progress: why, and the lesson opens at step 1', () => {
		expect(readProgress(path.join(folder, 'none.progress'), 7)).toBeUndefined();
		const file = path.join(folder, 'garbled.progress');
		fs.writeFileSync(file, '{"step": 3}');
		expect(readProgress(file, 7)).toEqual({problem: `${file} is not a lesson's progress ('step N of M'); starting at step 1`});
	});
});
