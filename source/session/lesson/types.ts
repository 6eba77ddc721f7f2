/** What a lesson is once read: its steps, each with its text, its run, what it shows and how it ends. */
import type {RunOptions} from '../options.js';
import type {RaceLane} from '../race.js';

/** How a step ends: a key (→), an action of the learner's on the run, or its questions answered. */
export type Until =
	| {readonly kind: 'key'}
	/** One iteration (or more) stepped since the step began. */
	| {readonly kind: 'step'}
	/** A phase of an iteration walked (p) since the step began. */
	| {readonly kind: 'phase'}
	| {readonly kind: 'select'; readonly weight: string; readonly index: number}
	/** The latest iteration's error below this. */
	| {readonly kind: 'error'; readonly below: number}
	| {readonly kind: 'iteration'; readonly at: number}
	/** The run stopped at its limit (or its --until-error). */
	| {readonly kind: 'done'}
	| {readonly kind: 'questions'};

/** A question as the screen asks it (the exercise screen's shape): its answer worked out from the step's run. */
export type LessonQuestion = {
	readonly id: string;
	readonly label: string;
	readonly text: string;
	readonly formula: string;
	readonly answer: number;
	readonly tolerance: number;
};

export type LessonStep = {
	/** The line of the file its front matter opens on. */
	readonly line: number;
	/** Its paragraphs, each one line of text (the screen wraps them). */
	readonly text: readonly string[];
	/** The step whose run this one shows (itself, or the last one before it with flags or questions). */
	readonly run: number;
	readonly options: RunOptions;
	/** The lanes of its run, when its flags race them (--race): trained in lockstep from `options`' start. */
	readonly race?: readonly RaceLane[];
	/** Panels shown, by id (the lesson's own panel besides); undefined: the dashboard's own choice. */
	readonly panels: readonly string[] | undefined;
	/** Keys offered, as the keys line names them; undefined: every key. */
	readonly keys: readonly string[] | undefined;
	/** The weight selected as the step begins (by flat index), when it says. */
	readonly select?: number;
	readonly until: Until;
	readonly questions: readonly LessonQuestion[];
};

export type Lesson = {
	/** The built-in lesson's name, or the file as given. */
	readonly name: string;
	readonly title: string;
	/** One line for --list. */
	readonly summary: string;
	readonly steps: readonly LessonStep[];
};

/** What the screen offers, for checking a lesson's panels: and keys: lines (the lesson's own panel is always shown). */
export type Vocabulary = {
	readonly panels: readonly string[];
	/** Every key as the keys line names it: `space`, `s`, `E`, … */
	readonly keys: readonly string[];
	/** Keys the lesson itself takes (← →): a step cannot offer them to the dashboard. */
	readonly lessonKeys: readonly string[];
};

/** A step's run: its options, and the lanes when it races (--race). */
export type StepRun = {readonly options: RunOptions; readonly race?: readonly RaceLane[]};

/** A step's flags (as typed: quotes keep a word whole) as a run: the command line's own parser and checks; an InputError names what is wrong. */
export type BuildRun = (flags: string) => StepRun;

/** A lesson file that cannot be used: the line it is on (0 when it is the file itself). */
export class LessonError extends Error {
	constructor(
		readonly line: number,
		message: string,
	) {
		super(message);
	}
}

/** The longest text of a step: about four lines of the lesson panel at 80 columns (the panels under it need the rest). */
export const MAX_TEXT = 300;
