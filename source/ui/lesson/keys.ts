/** A lesson's keys: ← → move between steps; while a question is asked, what is typed is its answer; the step's keys offer the dashboard's. */
import type {Key} from 'ink';
import type {Binding} from '../binding.js';
import {isDone} from '../exercise/state.js';
import {currentStep, type LessonAction, type LessonState} from './state.js';

/** The keys the lesson takes from the dashboard (there, → steps and ← goes back: s and b still do). */
export const LESSON_KEYS: readonly string[] = ['←', '→'];

/** A question is waiting for its answer: keys type it. */
export const asking = (state: LessonState) => state.questions !== undefined && !isDone(state.questions);

/** The lesson's key, before the dashboard's: true when it took it. */
export function lessonKey(state: LessonState, dispatch: (action: LessonAction) => void, input: string, key: Key): boolean {
	if (key.rightArrow || key.leftArrow) {
		dispatch({type: 'go', delta: key.rightArrow ? 1 : -1});
		return true;
	}

	if (!asking(state) || key.ctrl || key.meta) {
		return false;
	}

	// keys typed fast arrive together and are read a character at a time: Enter is then '\r'
	if (key.return || input === '\r' || input === '\n') {
		dispatch({type: 'answer', action: {type: 'check'}});
	} else if (key.backspace || key.delete || input === '\u007F' || input === '\b') {
		dispatch({type: 'answer', action: {type: 'erase'}});
	} else if (key.tab || input === '\t') {
		dispatch({type: 'answer', action: {type: 'giveUp'}});
	} else if (/^[\d.eE+-]$/.test(input)) {
		dispatch({type: 'answer', action: {type: 'type', text: input}});
	} else {
		return false;
	}

	return true;
}

/** How the keys line names a dashboard key in this step, or undefined when the step does not offer it (help and quit always). */
export function offered(state: LessonState, binding: Binding): string | undefined {
	const names = binding.keys.split(' ').filter(name => !LESSON_KEYS.includes(name));
	if (binding.always) {
		return names.join(' ');
	}

	const {keys} = currentStep(state);
	if (asking(state) || names.length === 0 || (keys !== undefined && !names.some(name => keys.includes(name)))) {
		return undefined;
	}

	return names.join(' ');
}

/** A list in words: `a`, `a and b`, `a, b and c`. */
const inWords = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`);

/** What a dashboard key the step does not offer says instead of nothing: the keys it does offer (`this step offers space (run/pause) and → (next step)`). */
export function notOffered(state: LessonState, bindings: readonly Binding[]): string {
	if (asking(state)) {
		return 'the question waits for its answer: type it (digits . e - +) and Enter checks it';
	}

	const keys = bindings
		.filter(binding => !binding.always)
		.flatMap(binding => {
			const name = offered(state, binding);
			return name === undefined ? [] : [`${name} (${binding.short})`];
		});
	const last = state.step + 1 >= state.lesson.steps.length;
	return `this step offers ${inWords([...keys, last ? '← (step back)' : '→ (next step)'])}`;
}
