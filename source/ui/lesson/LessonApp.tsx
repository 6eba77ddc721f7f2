import type {Key} from 'ink';
import {useEffect, useMemo, useReducer, useRef} from 'react';
import type {Session} from '../../session/client.js';
import type {Lesson} from '../../session/lesson/types.js';
import {App} from '../App.js';
import {scoreText} from '../exercise/state.js';
import {PANELS} from '../panels/index.js';
import {INITIAL_STATE} from '../state.js';
import type {LessonHooks} from './hooks.js';
import {BINDINGS} from '../keys.js';
import {asking, lessonKey, notOffered, offered} from './keys.js';
import {currentStep, enter, reduceLesson, runKey, type LessonState} from './state.js';
import {endingText, observed} from './until.js';
import type {LessonView} from './view.js';

export type LessonAppProps = {
	readonly lesson: Lesson;
	/** The step to open at, from 0. */
	readonly first: number;
	readonly colour: boolean;
	/** The session of the run a step shows, by the run's key (the same key, the same session). */
	readonly sessionFor: (key: string, state: LessonState) => Session;
	/** Told each state: the step reached is kept at once (a closed terminal loses nothing). */
	readonly onState: (state: LessonState) => void;
	readonly frameMs?: number;
};

/** A lesson: the dashboard on each step's run, with the step's panels and keys, and its text in the lesson panel. */
export function LessonApp({lesson, first, colour, sessionFor, onState, frameMs}: LessonAppProps) {
	const [state, dispatch] = useReducer(reduceLesson, first, step => enter(lesson, step));
	useEffect(() => {
		onState(state);
	}, [state, onState]);
	const key = runKey(state);
	const session = sessionFor(key, state);
	// keys that come while → changes the step are for the next step's run: kept until its dashboard takes them
	const kept = useRef<Array<[string, Key]>>([]);
	// the step → is leaving (-1: none): its hooks keep keys; the next step's act on them
	const moving = useRef(-1);
	const hooks = useMemo<LessonHooks>(
		() => ({
			step: state.step,
			shown: shownOf(currentStep(state).panels),
			select: currentStep(state).select,
			view: columns => viewOf(state, columns),
			key(input, k) {
				if (moving.current === state.step) {
					kept.current.push([input, k]);
					return true;
				}

				moving.current = -1;
				return lessonKey(
					state,
					action => {
						if (action.type === 'go' && reduceLesson(state, action).step !== state.step) {
							moving.current = state.step;
						}

						dispatch(action);
					},
					input,
					k,
				);
			},
			wait: (input, k) => kept.current.push([input, k]),
			drain: () => kept.current.splice(0),
			offered: binding => offered(state, binding),
			notOffered: () => notOffered(state, BINDINGS),
			observe: (snapshot, selected) => dispatch({type: 'observe', step: state.step, now: observed(snapshot, selected)}),
		}),
		[state],
	);
	return <App key={key} session={session} colour={colour} lesson={hooks} {...(frameMs !== undefined && {frameMs})} />;
}

/** The step's panels on, every other off (the lesson's own on); all of them: as the dashboard shows them. */
export function shownOf(panels: readonly string[] | undefined): LessonHooks['shown'] {
	if (panels === undefined) {
		return {...INITIAL_STATE.shown, lesson: 'on'};
	}

	const off = Object.fromEntries(PANELS.map(entry => [entry.id, panels.includes(entry.id) ? 'on' : 'off']));
	return {...off, lesson: 'on'};
}

export function viewOf(state: LessonState, columns: number): LessonView {
	const step = currentStep(state);
	const last = state.step + 1 === state.lesson.steps.length;
	const {questions} = state;
	const question = questions?.questions[questions.index];
	const done = questions && !asking(state) ? `${questions.feedback ? `${questions.feedback.text}. ` : ''}${scoreText(questions)}. ` : '';
	return {
		width: columns,
		title: state.lesson.title,
		step: state.step + 1,
		count: state.lesson.steps.length,
		text: step.text,
		ending: state.said ?? (question ? '' : `${done}${endingText(step.until, state.met, last)}`),
		met: state.said === undefined && state.met,
		...(question && {
			question: {
				header: `Question ${questions.index + 1} of ${questions.questions.length}: ${question.text} (Enter checks)`,
				input: questions.input,
				feedback: questions.feedback,
			},
		}),
	};
}
