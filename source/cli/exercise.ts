import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {MAX_SEED, randomSeed} from '../core/maths/random.js';
import {makeExercise} from '../session/exercise/make.js';
import {gradeLines, questionsOf, readAnswers} from '../session/exercise/grade.js';
import {exerciseJson, keyText, worksheet} from '../session/exercise/sheet.js';
import type {Exercise, ExerciseChoices} from '../session/exercise/types.js';
import {readUserFile, writeFileAtomic} from '../session/files.js';
import {InputError} from '../session/input-error.js';
import type {Entry} from './commands.js';
import {EXERCISE_FLAG_BY_NAME, EXERCISE_FLAGS, type ExerciseFlagName, type ExerciseFlagValues} from './command-flags.js';
import {flagOfSetting} from './flags.js';
import {commandHelp} from './help.js';
import {parseFlags, type ParsedWith} from './parse.js';
import {flagWords} from './reproduce.js';

type Parsed = ParsedWith<ExerciseFlagValues, ExerciseFlagName>;

/** Flags that choose what is done with the exercise, not which exercise it is. */
const MODES = new Set<string>(['json', 'check', 'out', 'count']);

const HELP_NOTES = [
	'On a terminal: one question at a time; type a number, Enter checks it.',
	'Piped: the worksheet, as Markdown.',
	'',
	'Examples',
	'  descent exercise --seed 7',
	'  descent exercise --seed 7 --kind backward --bias',
	'  descent exercise --seed 7 --check answers.txt',
	'  descent exercise --seed 100 --count 30 --out worksheets',
];

function fail(message: string): number {
	process.stderr.write(`descent: ${message}\n`);
	return 2;
}

/** `descent exercise`: one exercise on the screen, as JSON, as a worksheet, or graded; or a teacher's set written. */
export async function exercise(argv: readonly string[], _entry: Entry): Promise<number> {
	try {
		const parsed = parseFlags<ExerciseFlagValues, ExerciseFlagName>(argv, EXERCISE_FLAG_BY_NAME, 'descent exercise --help');
		if (parsed.help) {
			const usage = ['  descent exercise [flags]    one iteration of a small network, by hand'];
			process.stdout.write(`${commandHelp(usage, EXERCISE_FLAGS, HELP_NOTES)}\n`);
			return 0;
		}

		const {values} = parsed;
		checkModes(values);
		const seed = values.seed ?? randomSeed();
		const choices = choicesOf(values);
		const flags = (at: number) => reproduce(parsed, at);
		const make = (at: number) => makeExercise(at, choices, flagOfSetting);
		if (values.out !== undefined) {
			return writeSet(values.out, seed, values.count ?? 1, make, flags);
		}

		const made = make(seed);
		if (values.check !== undefined) {
			return check(made, values.check);
		}

		if (values.json) {
			process.stdout.write(exerciseJson(made));
			return 0;
		}

		if (!process.stdin.isTTY || !process.stdout.isTTY) {
			process.stderr.write('descent: not a terminal, so the worksheet is printed; --json gives the key\n');
			process.stdout.write(worksheet(made, flags(seed)));
			return 0;
		}

		// keys typed while the screen loads are read as keys later, not echoed onto the screen
		process.stdin.setRawMode(true);
		process.env['NODE_ENV'] ??= 'production';
		const {runExercise} = await import('../ui/exercise/run-exercise.js');
		const end = await runExercise(made, flags(seed));
		process.stdout.write(`${end.join('\n')}\n`);
		return 0;
	} catch (error) {
		if (error instanceof InputError) {
			return fail(error.message);
		}

		throw error;
	}
}

function checkModes(values: ExerciseFlagValues): void {
	const modes = (['json', 'check', 'out'] as const).filter(name => values[name] !== undefined && values[name] !== false);
	if (modes.length > 1) {
		throw new InputError(`${modes.map(name => `--${name}`).join(' and ')}: choose one`);
	}

	if (values.count !== undefined && values.out === undefined) {
		throw new InputError('--count goes with --out (the folder the worksheets are written to)');
	}

	if (values.check !== undefined && values.seed === undefined) {
		throw new InputError('--check grades one exercise: give its --seed (and its other flags), as its worksheet says');
	}
}

function choicesOf(values: ExerciseFlagValues): ExerciseChoices {
	const activation = values.activation ?? 'sigmoid';
	return {
		layers: values.layers ?? [3, 2, 1],
		activation,
		// --activation is the output's too unless --output-activation says otherwise, as in training
		outputActivation: values['output-activation'] ?? activation,
		bias: values.bias ?? false,
		loss: values.loss ?? 'squared',
		optimizer: values.optimizer ?? 'sgd',
		...(values.lr !== undefined && {learningRate: values.lr}),
		kind: values.kind ?? 'all',
	};
}

/** The flags that make the exercise of this seed again: the seed, then the others as typed. */
function reproduce(parsed: Parsed, seed: number): string {
	const words = ['--seed', String(seed)];
	for (const [name, typed] of parsed.given) {
		if (name !== 'seed' && !MODES.has(name)) {
			words.push(...flagWords(EXERCISE_FLAG_BY_NAME.get(name)!, typed));
		}
	}

	return words.join(' ');
}

function check(made: Exercise, file: string): number {
	const questions = questionsOf(made);
	const answers = readAnswers(
		readUserFile(file, '--check'),
		file,
		questions.map(question => question.id),
	);
	const {lines, right} = gradeLines(questions, answers);
	process.stdout.write(`${lines.join('\n')}\n`);
	return right === questions.length ? 0 : 1;
}

/** A worksheet and its key (Markdown and JSON) per seed; nothing is written when any of the files exists. */
function writeSet(folder: string, first: number, count: number, make: (seed: number) => Exercise, flags: (seed: number) => string): number {
	if (first + count - 1 > MAX_SEED) {
		throw new InputError(`--count ${count}: the seeds would pass ${MAX_SEED}, the largest; start from a smaller --seed`);
	}

	const seeds = Array.from({length: count}, (_, k) => first + k);
	const files = (seed: number) => ({
		sheet: path.join(folder, `exercise-${seed}.md`),
		key: path.join(folder, `key-${seed}.md`),
		json: path.join(folder, `key-${seed}.json`),
	});
	const existing = seeds.flatMap(seed => Object.values(files(seed))).find(file => fs.existsSync(file));
	if (existing !== undefined) {
		throw new InputError(`--out ${folder}: ${existing} already exists; nothing written (choose another folder or --seed)`);
	}

	const made = seeds.map(make);
	try {
		fs.mkdirSync(folder, {recursive: true});
	} catch (error) {
		throw new InputError(`--out ${folder}: cannot make the folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
	}

	for (const exercise of made) {
		const {sheet, key, json} = files(exercise.seed);
		writeFileAtomic(sheet, worksheet(exercise, flags(exercise.seed)), {overwrite: false});
		writeFileAtomic(key, keyText(exercise, flags(exercise.seed)), {overwrite: false});
		writeFileAtomic(json, exerciseJson(exercise), {overwrite: false});
	}

	process.stderr.write(
		`descent: wrote ${count} worksheet${count === 1 ? '' : 's'} and ${count === 1 ? 'its key' : 'their keys'} to ${folder} (exercise-${first}.md … key-${first + count - 1}.json)\n`,
	);
	return 0;
}
