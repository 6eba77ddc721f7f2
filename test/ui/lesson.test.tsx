import {render} from 'ink-testing-library';
import {createElement, Fragment} from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {laneWords} from '../../source/cli/race.js';
import {raceOptions, runOptions} from '../helpers/ui.js';
import {LocalSession} from '../../source/session/client.js';
import {parseLesson} from '../../source/session/lesson/parse.js';
import type {Lesson} from '../../source/session/lesson/types.js';
import {LessonApp} from '../../source/ui/lesson/LessonApp.js';
import {keptSessions} from '../../source/ui/lesson/sessions.js';
import type {LessonState} from '../../source/ui/lesson/state.js';
import {lessonVocabulary} from '../../source/ui/lesson/vocabulary.js';
import {iterationOf, KEY, lineWith, panelLines, plain, waitFor} from '../helpers/ui.js';

const LESSON = `# A test lesson

---
flags: --seed 0 --paused
panels: weights
keys: s
until: step
---
Step once.

---
keys: s n
---
The same run, still at its iteration.

---
panels: weights chart
question: sop-h1
question: activation-h1
---
Two questions.
`;

/** The lesson panel's lines as one text: its wrapped lines joined again. */
const panelText = (frame: string) =>
	panelLines(frame, 'Step ')
		.map(line => line.trim())
		.join(' ');

/** A step's flags as the command line reads them: its run, and its lanes when it races. */
const stepRun = (flags: string) => {
	const words = laneWords(flags);
	const race = raceOptions(words);
	return {options: runOptions(words), ...(race && {race})};
};

const lessonOf = (text: string): Lesson => parseLesson('test', text, lessonVocabulary(), stepRun);

type Opened = {
	readonly frame: () => string;
	readonly until: (text: string | RegExp) => Promise<string>;
	readonly type: (...keys: string[]) => void;
	readonly states: LessonState[];
	readonly sessions: () => LocalSession[];
};

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
	for (const close of closers.splice(0)) {
		await close();
	}
});

/** The lesson over sessions in this thread, in a terminal of `columns` × `rows`. */
function open(lesson: Lesson, first = 0, columns = 100, rows = 30): Opened {
	const kept = keptSessions(({options, race}) => new LocalSession(options, race));
	const states: LessonState[] = [];
	const instance = render(createElement(Fragment));
	Object.defineProperty(instance.stdout, 'columns', {value: columns, configurable: true, writable: true});
	Object.defineProperty(instance.stdout, 'rows', {value: rows, configurable: true, writable: true});
	instance.stdout.emit('resize');
	instance.rerender(createElement(LessonApp, {lesson, first, colour: false, sessionFor: kept.for, onState: state => states.push(state), frameMs: 0}));
	closers.push(async () => {
		instance.unmount();
		instance.cleanup();
		for (const session of kept.all()) {
			await session.close();
		}
	});
	const frame = () => plain(instance.lastFrame() ?? '');
	return {
		frame,
		until: async text => waitFor(frame, value => (typeof text === 'string' ? value.includes(text) : text.test(value)), String(text)),
		type: (...typed) => {
			for (const key of typed) {
				instance.stdin.write(key);
			}
		},
		states,
		sessions: kept.all,
	};
}

describe('a lesson in the dashboard', () => {
	test("the step's panel, panels and keys; → waits for the step's action, then goes on, the run continued", async () => {
		const lesson = open(lessonOf(LESSON));
		let frame = await lesson.until('Step 1 of 3 · A test lesson');
		expect(frame).toContain('Step once.');
		expect(frame).toContain('To go on: step one iteration (s).');
		// the step's panels only, and its keys only on the keys line (the lesson's → is not the step key's)
		expect(panelLines(frame, 'Weights').length).toBeGreaterThan(0);
		expect(frame).not.toContain('╭─ Error');
		expect(frame).not.toContain('╭─ Samples');
		expect(frame).not.toContain('╭─ Chain');
		expect(frame.trimEnd().split('\n').at(-1)).toBe('s step · ? help · q quit');
		// a key the step does not offer does not act: it says the keys the step offers (issue 21)
		lesson.type('n');
		frame = await lesson.until('this step offers s (step) and → (next step)');
		expect(frame.trimEnd().split('\n').at(-1)).toBe('this step offers s (step) and → (next step)');
		expect(iterationOf(frame)).toBe(0);
		lesson.type(KEY.right);
		frame = await lesson.until('→ waits: first step one iteration (s)');
		expect(iterationOf(frame)).toBe(0);
		lesson.type('s');
		frame = await lesson.until('Done. → next step.');
		expect(iterationOf(frame)).toBe(1);
		lesson.type(KEY.right);
		frame = await lesson.until('Step 2 of 3');
		expect(frame).toContain('The same run, still at its iteration.');
		expect(iterationOf(frame)).toBe(1);
		expect(lesson.sessions()).toHaveLength(1);
		// what n said of step 1 goes with it
		frame = await lesson.until('s step · n +100 · ? help · q quit');
		expect(frame.trimEnd().split('\n').at(-1)).toBe('s step · n +100 · ? help · q quit');
		lesson.type(KEY.left);
		await lesson.until('Step 1 of 3');
		expect(lesson.states.map(state => state.step)).toContain(1);
	});

	test('a question step: its own run at iteration 0, a wrong answer, a right one, typed keys not the dashboard’s', async () => {
		const parsed = lessonOf(LESSON);
		const [sop, activation] = parsed.steps[2]!.questions;
		const lesson = open(parsed, 2);
		let frame = await lesson.until('Question 1 of 2: SOP1: the sum of products into h1 (Enter checks)');
		expect(iterationOf(frame)).toBe(0);
		expect(frame).toContain('╭─ Error');
		// n is not a number's character: it says the question waits; 1 . 5 are typed
		lesson.type('n');
		frame = await lesson.until('the question waits for its answer');
		expect(iterationOf(frame)).toBe(0);
		lesson.type('1', '.', '5', '\r');
		frame = await lesson.until('not yet:');
		expect(lineWith(frame, 'not yet:')).toContain(`1.5 is ${((1 - 1.5 / sop!.answer) * 100).toFixed(0)} % too low`);
		expect(iterationOf(frame)).toBe(0);
		lesson.type(KEY.right);
		await lesson.until('→ waits: first answer the question (Enter checks it)');
		lesson.type(...sop!.answer.toPrecision(4).split(''), '\r');
		frame = await lesson.until('Question 2 of 2');
		expect(frame).toContain(`right: SOP1 = ${sop!.answer.toPrecision(6)}`);
		lesson.type(activation!.answer.toPrecision(4), '\r');
		frame = await lesson.until('1 of 2 right at the first try');
		expect(panelText(frame)).toContain(
			`right: Activ1 = ${activation!.answer.toPrecision(6)}. 1 of 2 right at the first try, 1 after more tries. Done. The end of the lesson: ← goes back, q quits.`,
		);
	});

	test('at 80×24 the lesson panel wraps its text to the width, and the weights table still shows', async () => {
		const lesson = open(lessonOf(LESSON.replace('Step once.', 'word '.repeat(50))), 0, 80, 24);
		const frame = await lesson.until('Step 1 of 3');
		const lines = frame.split('\n');
		expect(lines.every(line => line.length <= 80)).toBe(true);
		expect(panelLines(frame, 'Step 1 of 3').filter(line => line.startsWith('word')).length).toBe(4);
		expect(panelLines(frame, 'Weights')).toContain('W42       0.891773          –          –');
	});

	test('a race step: its lanes in the Lanes panel, the lane key offered; s steps every lane; 2 shows lane 2', async () => {
		const lesson = open(
			lessonOf(
				`# Race\n---\nflags: --seed 0 --paused --race "--optimizer sgd" --race '--optimizer adam'\npanels: weights lanes\nkeys: s 1-9\nuntil: step\n---\nRace.\n`,
			),
		);
		let frame = await lesson.until('Step 1 of 1');
		expect(lineWith(frame, 'descent 3 → 2 → 1')).toContain('lane 1 of 2: sgd');
		expect(panelLines(frame, 'Lanes').filter(line => /^[▶ ] [12] (sgd|adam) /.test(line))).toHaveLength(2);
		expect(frame.trimEnd().split('\n').at(-1)).toBe('1-9 lane · s step · ? help · q quit');
		lesson.type('s');
		frame = await lesson.until('Done. The end of the lesson');
		lesson.type('2');
		frame = await lesson.until('lane 2 of 2: adam');
		expect(iterationOf(frame)).toBe(1);
		expect(panelLines(frame, 'Lanes').filter(line => /^[▶ ] [12] \S+ +1 /.test(line))).toHaveLength(2);
	});
});
