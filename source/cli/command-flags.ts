import {EXERCISE_KINDS} from '../session/exercise/types.js';
import {FLAGS, flag, type Flag, type FlagName} from './flags.js';
import {choice, file, whole} from './values.js';

/** The flags of the commands of their own (`descent exercise`, `descent lesson`): training's flags they share, and their own. */

/** A training flag that a command of its own takes too, under its heading and, where its default differs, its help. */
function shared<const Name extends FlagName>(name: Name, group: string, help?: string) {
	const spec = FLAGS.find(candidate => candidate.name === name)!;
	return {...spec, group, ...(help !== undefined && {help})} as Extract<(typeof FLAGS)[number], {name: Name}>;
}

const EXERCISE_NETWORK = 'The network (default: the tutorial’s 3 → 2 → 1, sigmoid, squared error, sgd)';
const EXERCISE = 'The exercise';

/** `descent exercise`: the network's flags as in training, then the exercise's own. */
export const EXERCISE_FLAGS = [
	shared('seed', EXERCISE, 'the exercise: the same seed, the same exercise; random if left out'),
	flag({
		name: 'kind',
		group: EXERCISE,
		value: 'KIND',
		help: `the questions: ${EXERCISE_KINDS.join(', ')} (all)`,
		read: choice(EXERCISE_KINDS, 'kind'),
	}),
	shared('json', EXERCISE, 'print the exercise and its key as JSON'),
	flag({name: 'check', group: EXERCISE, value: 'FILE', help: "grade a learner's answers: a line 'id value' each", read: file}),
	flag({name: 'out', group: EXERCISE, value: 'DIR', help: 'write worksheets and keys (Markdown, JSON) into DIR', read: file}),
	flag({name: 'count', group: EXERCISE, value: 'N', help: 'with --out: N exercises, seeds from --seed on (1)', read: whole(1, 1000)}),
	shared('layers', EXERCISE_NETWORK),
	shared('activation', EXERCISE_NETWORK),
	shared('output-activation', EXERCISE_NETWORK),
	shared('bias', EXERCISE_NETWORK),
	shared('loss', EXERCISE_NETWORK),
	shared('optimizer', EXERCISE_NETWORK),
	shared('lr', EXERCISE_NETWORK, 'learning rate (drawn from the seed if left out)'),
] as const;

export type ExerciseFlagName = (typeof EXERCISE_FLAGS)[number]['name'];
export type ExerciseFlagValues = {
	readonly [F in (typeof EXERCISE_FLAGS)[number] as F['name']]?: F extends Flag<string, infer Value> ? Value : never;
};
export const EXERCISE_FLAG_BY_NAME: ReadonlyMap<string, Flag> = new Map(EXERCISE_FLAGS.map(spec => [spec.name, spec as Flag]));

const LESSON = 'The lesson';

/** `descent lesson NAME|FILE`: a lesson's own flags (each step's run takes the training flags, in the lesson). */
export const LESSON_FLAGS = [
	flag({name: 'list', group: LESSON, help: 'the built-in lessons, one line each'}),
	flag({name: 'resume', group: LESSON, help: 'open at the step where the lesson was left'}),
] as const;

export type LessonFlagName = (typeof LESSON_FLAGS)[number]['name'];
export type LessonFlagValues = {readonly [F in (typeof LESSON_FLAGS)[number] as F['name']]?: boolean};
export const LESSON_FLAG_BY_NAME: ReadonlyMap<string, Flag> = new Map(LESSON_FLAGS.map(spec => [spec.name, spec as Flag]));
