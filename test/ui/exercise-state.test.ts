import {describe, expect, test} from 'vitest';
import {
	initialState,
	isDone,
	reduce,
	scoreText,
	TRIES_FOR_FORMULA,
	type Asked,
	type ExerciseAction,
	type ExerciseState,
} from '../../source/ui/exercise/state.js';

const QUESTIONS: Asked[] = [
	{id: 'sop-h1', label: 'SOP1', text: 'SOP1: the sum of products into h1', formula: 'SOP1 = x1·W11 + x2·W21', answer: 0.85, tolerance: 0.005},
	{id: 'activation-h1', label: 'Activ1', text: 'Activ1: the activation of h1', formula: 'Activ1 = 1 / (1 + e^−SOP1)', answer: 0.700567, tolerance: 0.005},
];
const run = (...actions: ExerciseAction[]): ExerciseState => actions.reduce(reduce, initialState(QUESTIONS));
const typed = (text: string): ExerciseAction[] => [...text].map(character => ({type: 'type', text: character}));
const answer = (text: string): ExerciseAction[] => [...typed(text), {type: 'check'}];

describe('the exercise screen’s reducer', () => {
	test('a right answer says so and unlocks the next question; within the tolerance is right', () => {
		const state = run(...answer('0.8521'));
		expect(state.index).toBe(1);
		expect(state.feedback).toEqual({text: 'right: SOP1 = 0.850000', tone: 'right'});
		expect(state.outcomes).toEqual(['first']);
		expect(run(...answer('0.855')).index, '0.6 % off').toBe(0);
	});

	test('a wrong one says how far off; after two tries, the formula, not the value; then Tab gives up', () => {
		const once = run(...answer('0.8'));
		expect(once.index).toBe(0);
		expect(once.input).toBe('');
		expect(once.feedback).toEqual({text: 'not yet: 0.8 is 5.9 % too low; try again', tone: 'wrong'});
		expect(reduce(once, {type: 'giveUp'}), 'too early to give up').toBe(once);
		const twice = run(...answer('0.8'), ...answer('-0.85'));
		expect(twice.wrong).toBe(TRIES_FOR_FORMULA);
		expect(twice.feedback!.text).toBe('not yet: -0.85 has the wrong sign; use SOP1 = x1·W11 + x2·W21 (Tab gives up)');
		expect(twice.feedback!.text).not.toContain('0.850000');
		const gaveUp = reduce(twice, {type: 'giveUp'});
		expect(gaveUp.index).toBe(1);
		expect(gaveUp.feedback!.text).toBe('given up: SOP1 = 0.850000');
		const later = run(...answer('0.8'), ...answer('0.85'));
		expect(later.outcomes).toEqual(['later']);
	});

	test('only a number is checked; letters are not typed; Backspace erases', () => {
		expect(run({type: 'check'}).feedback!.text).toBe('type a number first, then Enter');
		expect(run(...typed('1x2')).input).toBe('12');
		expect(run(...typed('1e-'), {type: 'check'}).feedback!.text).toContain("'1e-' is not a number");
		expect(run(...typed('0.55'), {type: 'erase'}).input).toBe('0.5');
	});

	test('the end: a score; the key scrolls within its lines', () => {
		const done = run(...answer('0.85'), ...answer('0.1'), ...answer('0.2'), {type: 'giveUp'});
		expect(isDone(done)).toBe(true);
		expect(scoreText(done)).toBe('1 of 2 right at the first try, 1 given up');
		expect(reduce(done, {type: 'type', text: '1'}).input).toBe('');
		expect(reduce(done, {type: 'scroll', rows: 30, last: 12}).scroll).toBe(12);
		expect(reduce(done, {type: 'scroll', rows: -3, last: 12}).scroll).toBe(0);
	});
});
