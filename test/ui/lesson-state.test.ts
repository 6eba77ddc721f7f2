import {describe, expect, test} from 'vitest';
import {parseLesson} from '../../source/session/lesson/parse.js';
import type {Until} from '../../source/session/lesson/types.js';
import {enter, reduceLesson, runKey} from '../../source/ui/lesson/state.js';
import {endingText, isMet, type Observed} from '../../source/ui/lesson/until.js';
import {lessonVocabulary} from '../../source/ui/lesson/vocabulary.js';
import {runOptions} from '../helpers/ui.js';

const AT_START: Observed = {iteration: 10, phase: 0, selected: 0, error: 0.3, errorRecorded: true, done: false};

describe("whether a step's end is reached, from the run as the step found it", () => {
	test.each<[string, Until, Partial<Observed>, boolean]>([
		['key: at once', {kind: 'key'}, {}, true],
		['step: not before an iteration', {kind: 'step'}, {}, false],
		['step: after one', {kind: 'step'}, {iteration: 11}, true],
		['phase: not before a phase', {kind: 'phase'}, {}, false],
		['phase: after one', {kind: 'phase'}, {phase: 1}, true],
		['phase: after a walk ended the iteration', {kind: 'phase'}, {iteration: 11}, true],
		['select: another weight', {kind: 'select', weight: 'W41', index: 6}, {selected: 5}, false],
		['select: that weight', {kind: 'select', weight: 'W41', index: 6}, {selected: 6}, true],
		['error: above', {kind: 'error', below: 0.01}, {error: 0.02}, false],
		['error: below', {kind: 'error', below: 0.01}, {error: 0.009}, true],
		['error: below, but the initial weights’ (no iteration yet)', {kind: 'error', below: 0.01}, {error: 0.009, errorRecorded: false}, false],
		['iteration: before it', {kind: 'iteration', at: 100}, {iteration: 99}, false],
		['iteration: at it', {kind: 'iteration', at: 100}, {iteration: 100}, true],
		['done: running', {kind: 'done'}, {}, false],
		['done: done', {kind: 'done'}, {done: true}, true],
		['questions: only the answers end it', {kind: 'questions'}, {iteration: 11, done: true}, false],
	])('%s', (_, until, now, met) => {
		expect(isMet(until, {...AT_START, ...now}, AT_START)).toBe(met);
	});

	test('what the ending line says: the action and its key, then how to go on; at the last step, how to leave', () => {
		expect(endingText({kind: 'step'}, false, false)).toBe('To go on: step one iteration (s).');
		expect(endingText({kind: 'select', weight: 'W41', index: 6}, false, false)).toBe('To go on: select W41 (↑ ↓).');
		expect(endingText({kind: 'iteration', at: 80_000}, false, false)).toBe('To go on: train to iteration 80,000 (space runs and pauses).');
		expect(endingText({kind: 'step'}, true, false)).toBe('Done. → next step.');
		expect(endingText({kind: 'key'}, true, true)).toBe('The end of the lesson: ← goes back, q quits.');
	});
});

describe("a lesson's steps", () => {
	const lesson = parseLesson(
		'test',
		'# T\n---\nflags: --seed 1\nuntil: step\n---\na\n---\n---\nb\n---\nflags: --seed 2\n---\nc\n---\n---\nd\n',
		lessonVocabulary(),
		flags => ({options: runOptions(flags.split(/\s+/).filter(Boolean))}),
	);

	test('→ waits for the action; then goes on; ← goes back; the first and last steps say so', () => {
		let state = enter(lesson, 0);
		state = reduceLesson(state, {type: 'go', delta: 1});
		expect(state.step).toBe(0);
		expect(state.said).toBe('→ waits: first step one iteration (s)');
		state = reduceLesson(state, {type: 'observe', step: 0, now: AT_START});
		state = reduceLesson(state, {type: 'observe', step: 0, now: {...AT_START, iteration: 11}});
		expect(state.met).toBe(true);
		state = reduceLesson(state, {type: 'go', delta: 1});
		expect(state.step).toBe(1);
		expect(reduceLesson(enter(lesson, 0), {type: 'go', delta: -1}).said).toBe('this is the first step');
		expect(reduceLesson(enter(lesson, 3), {type: 'go', delta: 1}).said).toBe('this is the last step: q quits');
	});

	test('a frame that changes nothing leaves the state as it was (no new render)', () => {
		const state = reduceLesson(enter(lesson, 0), {type: 'observe', step: 0, now: AT_START});
		expect(reduceLesson(state, {type: 'observe', step: 0, now: AT_START})).toBe(state);
	});

	test('a frame of the step before, arriving after → (its run done), does not end this step', () => {
		// the first step ends with a step; a frame of another step's run, further on, is not that
		const state = reduceLesson(enter(lesson, 0), {type: 'observe', step: 0, now: AT_START});
		const late = reduceLesson(state, {type: 'observe', step: 1, now: {...AT_START, done: true, iteration: 5000}});
		expect(late).toBe(state);
		expect(late.met).toBe(false);
	});

	test('the run: continued by a step without flags, started afresh each time a step with flags is shown', () => {
		const first = enter(lesson, 0);
		const second = reduceLesson({...first, met: true}, {type: 'go', delta: 1});
		expect(runKey(second)).toBe(runKey(first));
		const third = reduceLesson(second, {type: 'go', delta: 1});
		expect(runKey(third)).not.toBe(runKey(second));
		const fourth = reduceLesson(third, {type: 'go', delta: 1});
		expect(runKey(fourth)).toBe(runKey(third));
		// back to the second step: the first step's run, as it was left
		const back = reduceLesson(reduceLesson(fourth, {type: 'go', delta: -1}), {type: 'go', delta: -1});
		expect(back.step).toBe(1);
		expect(runKey(back)).toBe(runKey(first));
		// back to the first step: its run afresh
		expect(runKey(reduceLesson(back, {type: 'go', delta: -1}))).not.toBe(runKey(back));
		// opened at a step that continues a run: that run, started
		expect(runKey(enter(lesson, 1))).toBe('0:1');
	});
});
