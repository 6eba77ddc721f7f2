/** A lesson's own state and its pure reducer: which step, how the run stood when it began, whether it has ended, its questions. */
import type {Lesson} from '../../session/lesson/types.js';
import {initialState, isDone, reduce as answer, type ExerciseAction, type ExerciseState} from '../exercise/state.js';
import {isMet, todo, type Observed} from './until.js';

export type LessonState = {
	readonly lesson: Lesson;
	/** The step shown, from 0. */
	readonly step: number;
	/** The run as the step found it: undefined until its first frame. */
	readonly start: Observed | undefined;
	/** The step's end is reached: → goes on. */
	readonly met: boolean;
	readonly questions: ExerciseState | undefined;
	/** Why a key did nothing. */
	readonly said: string | undefined;
	/** Counts the runs started: a step with flags (or questions) starts its run afresh each time it is shown. */
	readonly generation: number;
	/** Each run (by the step that starts it): the generation it was last started at; a step continuing it shows that one. */
	readonly runs: Readonly<Record<number, number>>;
};

export type LessonAction =
	| {readonly type: 'go'; readonly delta: 1 | -1}
	/** What a frame of `step`'s run shows (a frame of the step before, arriving after the change, is not this step's). */
	| {readonly type: 'observe'; readonly step: number; readonly now: Observed}
	| {readonly type: 'answer'; readonly action: ExerciseAction};

/** Step `step` as it begins, after the runs started before it. */
export function enter(lesson: Lesson, step: number, before: Pick<LessonState, 'generation' | 'runs'> = {generation: 0, runs: {}}): LessonState {
	const {until, questions, run} = lesson.steps[step]!;
	const starts = run === step || before.runs[run] === undefined;
	const generation = starts ? before.generation + 1 : before.generation;
	return {
		generation,
		runs: starts ? {...before.runs, [run]: generation} : before.runs,
		lesson,
		step,
		start: undefined,
		met: until.kind === 'key',
		questions: questions.length > 0 ? {...initialState(questions), feedback: undefined} : undefined,
		said: undefined,
	};
}

export const currentStep = (state: LessonState) => state.lesson.steps[state.step]!;

/** The run the step shows: the same while steps continue it (back to one, as it was left), a new one each time a step starts one. */
export const runKey = (state: LessonState) => {
	const {run} = currentStep(state);
	return `${run}:${state.runs[run]!}`;
};

export function reduceLesson(state: LessonState, action: LessonAction): LessonState {
	switch (action.type) {
		case 'go': {
			return go(state, action.delta);
		}

		case 'observe': {
			const {until} = currentStep(state);
			if (action.step !== state.step) {
				return state;
			}

			if (state.start === undefined) {
				return {...state, start: action.now, met: state.met || isMet(until, action.now, action.now)};
			}

			return state.met || !isMet(until, action.now, state.start) ? state : {...state, met: true, said: undefined};
		}

		case 'answer': {
			if (!state.questions) {
				return state;
			}

			const questions = answer(state.questions, action.action);
			return {...state, questions, met: state.met || isDone(questions), said: undefined};
		}
	}
}

function go(state: LessonState, delta: 1 | -1): LessonState {
	const {steps} = state.lesson;
	if (delta === -1) {
		return state.step === 0 ? {...state, said: 'this is the first step'} : enter(state.lesson, state.step - 1, state);
	}

	if (!state.met) {
		return {...state, said: `→ waits: first ${todo(currentStep(state).until)}`};
	}

	return state.step + 1 >= steps.length ? {...state, said: 'this is the last step: q quits'} : enter(state.lesson, state.step + 1, state);
}
