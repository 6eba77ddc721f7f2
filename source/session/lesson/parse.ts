/** A lesson file read into steps: each field checked where it is written, every problem a LessonError with its line. */
import {weightRefs, type WeightRef} from '../../core/names.js';
import {workOut} from '../explain.js';
import {itemsOf} from '../exercise/items.js';
import {TOLERANCE} from '../exercise/types.js';
import {formatCount} from '../format.js';
import {InputError} from '../input-error.js';
import type {RunOptions} from '../options.js';
import {readBlocks, type Block, type Field} from './blocks.js';
import {LessonError, MAX_TEXT, type BuildRun, type Lesson, type LessonQuestion, type LessonStep, type StepRun, type Until, type Vocabulary} from './types.js';

const KEYS = ['flags', 'panels', 'keys', 'select', 'until', 'question'] as const;
const UNTIL_FORMS = 'key, step, phase, select W41, error < 0.001, iteration 80000, done';

/** What a step takes from the steps before it: the run, its panels and keys. */
type Carried = {
	readonly run: number;
	readonly built: StepRun | undefined;
	readonly panels: readonly string[] | undefined;
	readonly keys: readonly string[] | undefined;
};

/** Reads a lesson: its head, then each step in order (a step's run, panels and keys carry on to the next until it sets its own). */
export function parseLesson(name: string, source: string, vocabulary: Vocabulary, build: BuildRun): Lesson {
	const {title, summary, blocks} = readBlocks(source);
	const steps: LessonStep[] = [];
	let carried: Carried = {run: 0, built: undefined, panels: undefined, keys: undefined};
	for (const [k, block] of blocks.entries()) {
		const step = stepOf(block, k, carried, vocabulary, build);
		steps.push(step);
		carried = {run: step.run, built: {options: step.options, ...(step.race && {race: step.race})}, panels: step.panels, keys: step.keys};
	}

	return {name, title, summary, steps};
}

function fieldsOf(block: Block): {fields: Map<string, Field>; questions: Field[]} {
	const fields = new Map<string, Field>();
	const questions: Field[] = [];
	for (const field of block.fields) {
		if (!(KEYS as readonly string[]).includes(field.key)) {
			throw new LessonError(field.line, `unknown key '${field.key}:' (a step has ${KEYS.map(key => `${key}:`).join(', ')})`);
		}

		if (field.key === 'question') {
			questions.push(field);
		} else if (fields.has(field.key)) {
			throw new LessonError(field.line, `'${field.key}:' is given twice in this step`);
		} else {
			fields.set(field.key, field);
		}
	}

	return {fields, questions};
}

function stepOf(block: Block, k: number, carried: Carried, vocabulary: Vocabulary, build: BuildRun): LessonStep {
	const {fields, questions} = fieldsOf(block);
	const flags = fields.get('flags');
	if (block.text.length === 0) {
		throw new LessonError(block.line, `step ${k + 1} has no text: write a few lines after its front matter`);
	}

	const length = block.text.join(' ').length;
	if (length > MAX_TEXT) {
		throw new LessonError(block.line, `step ${k + 1}'s text has ${length} characters; at most ${MAX_TEXT} fit the lesson panel at 80 columns: split the step`);
	}

	// a step with flags or questions starts a run of its own: questions are about its first iteration
	const starts = flags !== undefined || questions.length > 0;
	const {options: flagged, race} = flags ? runOf(flags, build) : (carried.built ?? runOf({key: 'flags', value: '', line: block.line}, build));
	if (race && questions.length > 0) {
		throw new LessonError(questions[0]!.line, 'a step with questions asks about one run: leave out --race (or the questions)');
	}

	const options = questions.length > 0 ? {...flagged, paused: true} : flagged;

	const until = untilOf(fields.get('until'), questions, options);
	const select = fields.get('select');
	return {
		line: block.line,
		text: block.text,
		run: starts || carried.built === undefined ? k : carried.run,
		options,
		...(race && {race}),
		panels: listOf(fields.get('panels'), vocabulary.panels, 'panel', carried.panels),
		keys: keysOf(fields.get('keys'), vocabulary, carried.keys),
		...(select && {select: weightOf(select.value, select, options).index}),
		until,
		questions: questionsOf(questions, options),
	};
}

function runOf(field: Field, build: BuildRun): StepRun {
	try {
		return build(field.value);
	} catch (error) {
		if (error instanceof InputError) {
			throw new LessonError(field.line, error.message);
		}

		throw error;
	}
}

/** A list of names from `known`; `all` is every one (the dashboard's own choice); absent, what the step before chose. */
function listOf(field: Field | undefined, known: readonly string[], what: string, carried: readonly string[] | undefined): readonly string[] | undefined {
	if (!field) {
		return carried;
	}

	const names = field.value.split(/[\s,]+/).filter(Boolean);
	if (names.length === 1 && names[0] === 'all') {
		return undefined;
	}

	const unknown = names.find(name => !known.includes(name));
	if (unknown !== undefined) {
		throw new LessonError(field.line, `unknown ${what} '${unknown}' (${what}s: ${known.join(' ')}, or all)`);
	}

	return names;
}

function keysOf(field: Field | undefined, vocabulary: Vocabulary, carried: readonly string[] | undefined): readonly string[] | undefined {
	if (field?.value === 'none') {
		return [];
	}

	const taken = field?.value.split(/\s+/).find(name => vocabulary.lessonKeys.includes(name));
	if (field && taken !== undefined) {
		throw new LessonError(field.line, `${taken} moves between the lesson's steps; it cannot be a key of a step (s and b step the run)`);
	}

	return listOf(field, vocabulary.keys, 'key', carried);
}

function untilOf(field: Field | undefined, questions: readonly Field[], options: RunOptions): Until {
	if (questions.length > 0) {
		if (field) {
			throw new LessonError(field.line, "a step with questions ends when they are answered: leave out 'until:'");
		}

		return {kind: 'questions'};
	}

	if (!field) {
		return {kind: 'key'};
	}

	const [word = '', ...rest] = field.value.split(/\s+/);
	const bad = () => new LessonError(field.line, `until: '${field.value}' is not one of: ${UNTIL_FORMS}`);
	if ((word === 'key' || word === 'step' || word === 'phase' || word === 'done') && rest.length === 0) {
		return {kind: word};
	}

	if (word === 'select' && rest.length === 1) {
		const ref = weightOf(rest[0]!, field, options);
		return {kind: 'select', weight: ref.name, index: ref.index};
	}

	const until = numberUntil(word, rest, field, options);
	if (!until) {
		throw bad();
	}

	return until;
}

/** A weight of the step's network by the name the weights table gives it. */
function weightOf(name: string, field: Field, options: RunOptions): WeightRef {
	const {layers, bias} = options.setup;
	const refs = weightRefs(layers, bias);
	const ref = refs.find(candidate => candidate.name === name);
	if (!ref) {
		throw new LessonError(
			field.line,
			`${field.key}: no weight ${name} in this ${layers.join('-')} network (its weights: ${refs[0]!.name} … ${refs.at(-1)!.name})`,
		);
	}

	return ref;
}

function numberUntil(word: string, rest: readonly string[], field: Field, options: RunOptions): Until | undefined {
	const text = word === 'error' && rest[0] === '<' ? rest[1] : word === 'iteration' ? rest[0] : undefined;
	const value = text === undefined || rest.length !== (word === 'error' ? 2 : 1) ? Number.NaN : Number(text);
	if (!Number.isFinite(value) || value <= 0) {
		return undefined;
	}

	if (word === 'error') {
		return {kind: 'error', below: value};
	}

	if (!Number.isInteger(value) || value > options.setup.limit) {
		throw new LessonError(
			field.line,
			`until: iteration ${text}: a whole number up to the run's last, ${formatCount(options.setup.limit)} (--iterations sets it)`,
		);
	}

	return {kind: 'iteration', at: value};
}

/** Questions by the ids `descent exercise --json` gives them: their answers worked out from iteration 1 of the step's run. */
function questionsOf(fields: readonly Field[], options: RunOptions): LessonQuestion[] {
	if (fields.length === 0) {
		return [];
	}

	let items;
	try {
		const {worked, network} = workOut(options, 1);
		items = itemsOf(worked, network);
	} catch (error) {
		throw error instanceof InputError ? new LessonError(fields[0]!.line, error.message) : error;
	}

	return fields.map(field => {
		const item = items.get(field.value);
		if (!item) {
			const ids = [...items.keys()];
			throw new LessonError(field.line, `no question '${field.value}' in this network (its ids: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''})`);
		}

		return {id: item.id, label: item.label, text: item.text, formula: item.formula, answer: item.value, tolerance: TOLERANCE};
	});
}
