import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {readBlocks} from '../session/lesson/blocks.js';
import {parseLesson} from '../session/lesson/parse.js';
import {progressFile, readProgress, writeProgress} from '../session/lesson/progress.js';
import {LessonError, type BuildRun, type Lesson} from '../session/lesson/types.js';
import {InputError} from '../session/input-error.js';
import {BUILT_IN_LESSONS} from '../lessons/index.js';
import {buildOptions} from './build.js';
import type {Entry} from './commands.js';
import {LESSON_FLAG_BY_NAME, LESSON_FLAGS, type LessonFlagName, type LessonFlagValues} from './command-flags.js';
import {commandHelp} from './help.js';
import {loadFiles} from './load.js';
import {parseArgv, parseFlags} from './parse.js';
import {laneWords, raceLanes, raceOf} from './race.js';

/** Flags a step's run cannot take: a lesson runs in the dashboard and writes no files (--race races in the dashboard). */
const NOT_IN_A_LESSON = new Set(['headless', 'json', 'every', 'explain', 'surface', 'grid', 'save', 'history', 'export-data', 'export-code', 'export-onnx']);
/** Flags naming a file to read: relative to the lesson file's folder. */
const READ_FILES = ['data', 'weights', 'load'] as const;

const HELP_NOTES = [
	'A lesson runs in the dashboard, a step at a time: ← → move between steps.',
	'NAME: a built-in lesson (--list); anything else is read as a lesson file,',
	'Markdown with a front matter per step (README, Lessons).',
	'Piped: the lesson file is checked and printed (a start for one of your own).',
	'',
	'Examples',
	'  descent lesson --list',
	'  descent lesson tutorial',
	'  descent lesson tutorial --resume',
	'  descent lesson tutorial > my-lesson.md',
	'  descent lesson my-lesson.md',
];

/** A lesson found: its name, its text, where its progress is kept, how its messages name it. */
export type Located = {readonly name: string; readonly builtIn: boolean; readonly source: string; readonly where: string};

/** `descent lesson NAME|FILE`: a lesson in the dashboard; `--list` the built-in ones. */
export async function lesson(argv: readonly string[], entry: Entry): Promise<number> {
	try {
		const named = argv.filter(arg => !arg.startsWith('-'));
		const parsed = parseFlags<LessonFlagValues, LessonFlagName>(
			argv.filter(arg => arg.startsWith('-')),
			LESSON_FLAG_BY_NAME,
			'descent lesson --help',
		);
		if (parsed.help) {
			process.stdout.write(`${commandHelp(['  descent lesson NAME|FILE [flags]    a lesson, step by step'], LESSON_FLAGS, HELP_NOTES)}\n`);
			return 0;
		}

		if (parsed.values.list) {
			process.stdout.write(listText());
			return 0;
		}

		if (named.length !== 1) {
			throw new InputError(
				named.length === 0
					? 'which lesson? descent lesson NAME or FILE (descent lesson --list names the built-in ones)'
					: `one lesson at a time (got ${named.join(', ')})`,
			);
		}

		const located = locate(named[0]!);
		const {lessonVocabulary} = await import('../ui/lesson/vocabulary.js');
		let read: Lesson;
		try {
			read = parseLesson(located.name, located.source, lessonVocabulary(), buildRun(located));
		} catch (error) {
			if (error instanceof LessonError) {
				process.stderr.write(`${located.where}:${error.line}: ${error.message}\n`);
				return 2;
			}

			throw error;
		}

		return await open(read, located, parsed.values.resume === true, entry);
	} catch (error) {
		if (error instanceof InputError) {
			process.stderr.write(`descent: ${error.message}\n`);
			return 2;
		}

		throw error;
	}
}

function listText(): string {
	const width = Math.max(...BUILT_IN_LESSONS.map(({name}) => name.length)) + 2;
	return BUILT_IN_LESSONS.map(({name, source}) => `${name.padEnd(width)}${readBlocks(source).title}\n`).join('');
}

/** A built-in lesson by name, else a file. */
export function locate(target: string): Located {
	const builtIn = BUILT_IN_LESSONS.find(candidate => candidate.name === target);
	if (builtIn) {
		return {...builtIn, builtIn: true, where: builtIn.name};
	}

	let source: string;
	try {
		source = fs.readFileSync(target, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why =
			code === 'ENOENT' ? 'no such file, nor a built-in lesson (descent lesson --list)' : code === 'EISDIR' ? 'a folder, not a lesson file' : 'cannot be read';
		throw new InputError(`lesson ${target}: ${why}`);
	}

	return {name: target, builtIn: false, source, where: target};
}

/** A step's flags as the command line reads them (quotes keep a word whole, as a shell's), files beside the lesson; what a lesson cannot do refused. */
export function buildRun(located: Located): BuildRun {
	const folder = located.builtIn ? process.cwd() : path.dirname(located.name);
	return flags => {
		const parsed = parseArgv(laneWords(flags));
		const refused = [...parsed.given.keys()].find(name => NOT_IN_A_LESSON.has(name));
		if (parsed.help || parsed.version || refused !== undefined) {
			throw new InputError(
				`${refused === undefined ? '--help and --version' : `--${refused}`}: not in a lesson (its steps run in the dashboard and write no files)`,
			);
		}

		const values = {...parsed.values};
		const given = new Map(parsed.given);
		for (const name of READ_FILES) {
			if (values[name] !== undefined) {
				values[name] = path.resolve(folder, values[name]);
				given.set(name, values[name]);
			}
		}

		// the lanes of a race start from the flags as given: the files' too
		const resolved = {...parsed, values, given};
		const loaded = loadFiles(resolved);
		const lanes = raceLanes(resolved, loaded);
		return {options: buildOptions(resolved, loaded).run, ...(lanes && {race: raceOf(lanes)})};
	};
}

/** On a terminal: the lesson in the dashboard, its progress kept at every step; piped: its file, checked, printed. */
async function open(read: Lesson, located: Located, resume: boolean, entry: Entry): Promise<number> {
	const steps = read.steps.length;
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		process.stderr.write(`descent: not a terminal, so the lesson's file is printed (checked: ${steps} steps)\n`);
		process.stdout.write(located.source);
		return 0;
	}

	const file = progressFile(located, process.env);
	const kept = resume ? readProgress(file, steps) : undefined;
	if (kept && 'problem' in kept) {
		process.stderr.write(`descent: ${kept.problem}\n`);
	}

	// a step that continues a run opens where that run begins: its network is trained again, as the learner did
	const first = kept && 'step' in kept ? read.steps[kept.step]!.run : 0;
	let unkept: string | undefined;
	const keep = (step: number) => {
		try {
			writeProgress(file, step, steps);
		} catch (error) {
			unkept ??= `descent: the progress could not be kept in ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); --resume will not find it`;
		}
	};

	process.stdin.setRawMode(true);
	process.env['NODE_ENV'] ??= 'production';
	const {runLesson} = await import('../ui/lesson/run-lesson.js');
	const end = await runLesson(read, {first, workerUrl: entry.workerUrl, keep});
	if (end.signal === 'SIGHUP') {
		// the terminal has gone: end as a hang-up ends a program (as the dashboard does), the progress kept
		process.removeAllListeners('SIGHUP');
		process.kill(process.pid, 'SIGHUP');
	}

	const opens = read.steps[end.step]!.run;
	const where = end.finished
		? `finished (${steps} steps)`
		: `left at step ${end.step + 1} of ${steps} (--resume opens it ${opens === end.step ? 'there' : `at step ${opens + 1}, where its run begins`})`;
	process.stdout.write(`${unkept ? `${unkept}\n` : ''}descent lesson ${read.name}: ${where}\n`);
	return end.signal ? SIGNAL_CODES[end.signal] : 0;
}

const SIGNAL_CODES = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;
