/** The exercise screen's state and its pure reducer: which question, what is typed, what was said, how each question went. */
import {howFar, isRight, readNumber} from '../../session/exercise/grade.js';
import {formatNumber} from '../../session/format.js';

/** A question as the screen asks it. */
export type Asked = {
	readonly id: string;
	readonly label: string;
	readonly text: string;
	readonly formula: string;
	readonly answer: number;
	readonly tolerance: number;
};

/** How a question ended: right at the first try, right later, or given up. */
export type Outcome = 'first' | 'later' | 'given-up';

/** Wrong tries after which the formula is shown, and the question may be given up. */
export const TRIES_FOR_FORMULA = 2;

export type ExerciseState = {
	readonly questions: readonly Asked[];
	/** The question asked now; questions.length when all are done. */
	readonly index: number;
	readonly input: string;
	/** Wrong tries at the current question. */
	readonly wrong: number;
	readonly outcomes: readonly Outcome[];
	readonly feedback: {readonly text: string; readonly tone: 'right' | 'wrong' | 'note'} | undefined;
	readonly glossary: boolean;
	/** The first line of the key shown, at the end. */
	readonly scroll: number;
};

export type ExerciseAction =
	| {readonly type: 'type'; readonly text: string}
	| {readonly type: 'erase'}
	| {readonly type: 'check'}
	| {readonly type: 'giveUp'}
	| {readonly type: 'glossary'}
	| {readonly type: 'scroll'; readonly rows: number; readonly last: number};

export function initialState(questions: readonly Asked[]): ExerciseState {
	return {
		questions,
		index: 0,
		input: '',
		wrong: 0,
		outcomes: [],
		feedback: {text: 'type your answer, then Enter (? explains the words)', tone: 'note'},
		glossary: false,
		scroll: 0,
	};
}

export const isDone = (state: ExerciseState) => state.index >= state.questions.length;

/** The value as the screen shows it once it is known. */
export const shown = (value: number) => formatNumber(value, 6);

/** Characters a number is typed with. */
const TYPED = /^[\d.eE+-]+$/;

export function reduce(state: ExerciseState, action: ExerciseAction): ExerciseState {
	switch (action.type) {
		case 'type': {
			return isDone(state) || !TYPED.test(action.text) ? state : {...state, input: state.input + action.text};
		}

		case 'erase': {
			return {...state, input: state.input.slice(0, -1)};
		}

		case 'check': {
			return isDone(state) ? state : check(state);
		}

		case 'giveUp': {
			const question = state.questions[state.index];
			if (!question || state.wrong < TRIES_FOR_FORMULA) {
				return state;
			}

			return next(state, 'given-up', {text: `given up: ${question.label} = ${shown(question.answer)}`, tone: 'note'});
		}

		case 'glossary': {
			return {...state, glossary: !state.glossary};
		}

		case 'scroll': {
			return {...state, scroll: Math.max(0, Math.min(action.last, state.scroll + action.rows))};
		}
	}
}

function check(state: ExerciseState): ExerciseState {
	const question = state.questions[state.index]!;
	const answer = readNumber(state.input);
	if (answer === undefined) {
		const text =
			state.input === '' ? 'type a number first, then Enter' : `'${state.input}' is not a number: digits, a point, a minus sign, e for a power of ten`;
		return {...state, feedback: {text, tone: 'note'}};
	}

	if (isRight(answer, question.answer, question.tolerance)) {
		return next(state, state.wrong === 0 ? 'first' : 'later', {text: `right: ${question.label} = ${shown(question.answer)}`, tone: 'right'});
	}

	const wrong = state.wrong + 1;
	const hint = wrong >= TRIES_FOR_FORMULA ? `use ${question.formula} (Tab gives up)` : 'try again';
	return {...state, wrong, input: '', feedback: {text: `not yet: ${howFar(answer, question.answer)}; ${hint}`, tone: 'wrong'}};
}

function next(state: ExerciseState, outcome: Outcome, feedback: ExerciseState['feedback']): ExerciseState {
	return {...state, index: state.index + 1, input: '', wrong: 0, outcomes: [...state.outcomes, outcome], feedback};
}

/** `11 of 13 right at the first try, 1 after more tries, 1 given up` */
export function scoreText(state: ExerciseState): string {
	const count = (outcome: Outcome) => state.outcomes.filter(o => o === outcome).length;
	const later = count('later');
	const gaveUp = count('given-up');
	return [
		`${count('first')} of ${state.questions.length} right at the first try`,
		...(later > 0 ? [`${later} after more tries`] : []),
		...(gaveUp > 0 ? [`${gaveUp} given up`] : []),
	].join(', ');
}
