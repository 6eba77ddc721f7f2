import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {buildRun, locate} from '../../source/cli/lesson.js';
import {BUILT_IN_LESSONS} from '../../source/lessons/index.js';
import {parseLesson} from '../../source/session/lesson/parse.js';
import {LessonError, MAX_TEXT, type Lesson} from '../../source/session/lesson/types.js';
import {lessonVocabulary} from '../../source/ui/lesson/vocabulary.js';
import {temporaryFolder} from '../helpers/run-cli.js';

const folder = temporaryFolder('lesson-parse');

/** A lesson file written to the temporary folder, read as `descent lesson FILE` reads it. */
function read(name: string, text: string): Lesson {
	const file = path.join(folder, name);
	fs.writeFileSync(file, text);
	const located = locate(file);
	return parseLesson(located.name, located.source, lessonVocabulary(), buildRun(located));
}

/** The line and message a bad lesson file gets. */
function problem(text: string): {line: number; message: string} {
	try {
		read('bad.md', text);
	} catch (error) {
		if (error instanceof LessonError) {
			return {line: error.line, message: error.message};
		}

		throw error;
	}

	throw new Error('the lesson was read without a problem');
}

const GOOD = `# A lesson of three steps
For a test.

---
flags: --seed 0 --paused
panels: weights chain
keys: s p
---
First paragraph,
on two lines.

Second paragraph.

---
question: sop-h1
question: output-out
---
Work it out.

---
# a comment
keys: all
panels: all
select: W41
until: error < 0.01
---
Train.

---
flags: --preset xor --layers 2,1 --seed 3
until: iteration 200
---
XOR.
`;

describe('a lesson file read', () => {
	test('its title, summary and steps: text as paragraphs, runs carried on, panels and keys carried on until set', () => {
		const lesson = read('good.md', GOOD);
		expect(lesson.title).toBe('A lesson of three steps');
		expect(lesson.summary).toBe('For a test.');
		expect(lesson.steps.map(step => step.line)).toEqual([4, 14, 20, 29]);
		const [first, second, third, fourth] = lesson.steps;
		expect(first!.text).toEqual(['First paragraph, on two lines.', 'Second paragraph.']);
		expect(first!.options.setup.seed).toBe(0);
		expect(first!.options.paused).toBe(true);
		expect(first!.panels).toEqual(['weights', 'chain']);
		expect(first!.keys).toEqual(['s', 'p']);
		expect(first!.until).toEqual({kind: 'key'});
		// questions: a run of its own, paused; the answers are iteration 1's
		expect(second!.run).toBe(1);
		expect(second!.panels).toEqual(['weights', 'chain']);
		expect(second!.until).toEqual({kind: 'questions'});
		expect(second!.questions.map(question => [question.id, question.label])).toEqual([
			['sop-h1', 'SOP1'],
			['output-out', 'Predicted'],
		]);
		expect(second!.questions[0]!.answer).toBeCloseTo(2.81229, 5);
		expect(second!.questions[1]!.answer).toBeCloseTo(0.778477, 6);
		// without flags: the run of the step before, continued
		expect(third!.run).toBe(1);
		expect(third!.panels).toBeUndefined();
		expect(third!.keys).toBeUndefined();
		expect(third!.select).toBe(6);
		expect(third!.until).toEqual({kind: 'error', below: 0.01});
		expect(fourth!.run).toBe(3);
		expect(fourth!.options.setup.layers).toEqual([2, 1]);
		expect(fourth!.options.setup.bias).toBe(true);
		expect(fourth!.until).toEqual({kind: 'iteration', at: 200});
	});

	test('a race (--race, quoted as in a shell): its lanes from one start, carried on; the lanes panel and the lane key offered', () => {
		fs.writeFileSync(
			path.join(folder, 'start.json'),
			JSON.stringify({
				weights: [
					[
						[0.1, 0.2, 0.3],
						[0.4, 0.5, 0.6],
					],
					[[0.7, 0.8]],
				],
			}),
		);
		const lesson = read(
			'race.md',
			`${step(`flags: --weights start.json --race "--optimizer sgd" --race '--optimizer adam --lr 0.01'\npanels: lanes chart\nkeys: space 1-9`)}\n---\n---\nOn.\n`,
		);
		const [first, second] = lesson.steps;
		expect(first!.race!.map(lane => [lane.flags, lane.label, lane.run.setup.optimizer, lane.run.setup.learningRate])).toEqual([
			['--optimizer sgd', 'sgd', 'sgd', 0.001],
			['--optimizer adam --lr 0.01', 'adam lr 0.01', 'adam', 0.01],
		]);
		expect(new Set(first!.race!.map(lane => JSON.stringify(lane.run.setup.weights)))).toEqual(new Set([JSON.stringify(first!.options.setup.weights)]));
		expect(first!.options.setup.weights).toEqual([
			[
				[0.1, 0.2, 0.3],
				[0.4, 0.5, 0.6],
			],
			[[0.7, 0.8]],
		]);
		expect([first!.panels, first!.keys]).toEqual([
			['lanes', 'chart'],
			['space', '1-9'],
		]);
		expect([second!.run, second!.race]).toEqual([0, first!.race]);
	});

	test.each(BUILT_IN_LESSONS.map(lesson => lesson.name))('the built-in lesson %s reads, every step with a text that fits', name => {
		const located = locate(name);
		const lesson = parseLesson(name, located.source, lessonVocabulary(), buildRun(located));
		expect(lesson.steps.length).toBeGreaterThanOrEqual(4);
		for (const step of lesson.steps) {
			expect(step.text.join(' ').length).toBeLessThanOrEqual(MAX_TEXT);
			// a built-in lesson is the same for everyone: its runs have a seed of their own
			expect(step.options.setup.seed).toBe(lesson.steps[step.run]!.options.setup.seed);
		}

		expect(located.source).toMatch(/--seed \d+/);
	});
});

const step = (front: string, text = 'Some text.') => `# Title\n\n---\n${front}\n---\n${text}\n`;

describe('a bad lesson file: the line, and what is wrong', () => {
	test.each([
		['no title', 'no title here\n---\n---\ntext\n', 1, "the lesson needs a title: a first line '# Title'"],
		['no step (an empty lesson)', '# Title\n\nonly a summary\n', 3, "no steps: a step starts with a '---' line"],
		['a front matter left open', '# Title\n---\nflags: --seed 0\n', 2, "the front matter opened here has no closing '---' line"],
		['a line that is not key: value', step('flags --seed 0'), 4, "'flags --seed 0' is not 'key: value'"],
		['an unknown key', step('panel: weights'), 4, "unknown key 'panel:' (a step has flags:, panels:, keys:, select:, until:, question:)"],
		['a key given twice', step('keys: s\nkeys: p'), 5, "'keys:' is given twice in this step"],
		['a bad flag: the flag parser’s own message', step('flags: --lr abc'), 4, "--lr: 'abc' is not a number"],
		['an unknown flag', step('flags: --speeed 3'), 4, 'unknown flag --speeed (see descent --help)'],
		['flags that do not go together', step('flags: --loss cross-entropy --activation relu --output-activation relu'), 4, 'cross-entropy'],
		['a flag a lesson cannot take', step('flags: --headless'), 4, '--headless: not in a lesson'],
		['a flag that writes, in a race', step('flags: --save run.json --race "--optimizer sgd" --race "--optimizer adam"'), 4, '--save: not in a lesson'],
		['a race of one lane', step('flags: --race "--optimizer sgd"'), 4, '--race "--optimizer sgd": give --race two or more times'],
		['a lane that changes the start', step('flags: --race "--seed 1" --race "--seed 2"'), 4, '--race "--seed 1": a lane may change --lr'],
		[
			'questions in a race',
			step('flags: --race "--lr 0.1" --race "--lr 0.2"\nquestion: sop-h1'),
			5,
			'a step with questions asks about one run: leave out --race',
		],
		['a file that is not there', step('flags: --data missing.csv'), 4, 'missing.csv: no such file'],
		['an unknown panel', step('panels: weights graph'), 4, "unknown panel 'graph' (panels: weights chain chart samples"],
		['an unknown key name', step('keys: s Z'), 4, "unknown key 'Z'"],
		['a key the lesson takes', step('keys: s →'), 4, '→ moves between the lesson’s steps'.replace('’', "'")],
		['no text', step('keys: s', ''), 3, 'step 1 has no text'],
		['a text too long', step('keys: s', 'word '.repeat(80)), 3, `at most ${MAX_TEXT} fit the lesson panel at 80 columns`],
		['a bad until', step('until: forever'), 4, "until: 'forever' is not one of: key, step, phase, select W41"],
		['until a weight that is not there', step('until: select W99'), 4, 'until: no weight W99 in this 3-2-1 network (its weights: W11 … W42)'],
		['until an iteration past the run', step('flags: --iterations 50\nuntil: iteration 80'), 5, "until: iteration 80: a whole number up to the run's last, 50"],
		['until an error that is not a number', step('until: error < abc'), 4, "until: 'error < abc' is not one of"],
		['until with questions', step('question: sop-h1\nuntil: step'), 5, "a step with questions ends when they are answered: leave out 'until:'"],
		['an unknown question', step('question: sop-h9'), 4, "no question 'sop-h9' in this network (its ids: sop-h1, activation-h1"],
		['select a weight that is not there', step('select: W5'), 4, 'select: no weight W5'],
		[
			'a bad flag in a later step',
			`${step('keys: s')}\n---\nkeys: p\nflags: --layers 3,0,1\n---\ntext\n`,
			10,
			'--layers 3,0,1: every layer needs a whole number of neurons',
		],
	])('%s', (_, text, line, message) => {
		const found = problem(text);
		expect(found.message).toContain(message);
		expect(found.line).toBe(line);
	});
});

describe('the README’s lesson section', () => {
	const readme = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('## Lessons: `descent lesson`'), readme.indexOf('\n## ', readme.indexOf('## Lessons: `descent lesson`') + 1));

	test('its complete example is a lesson that reads', () => {
		const example = /```markdown\n([\s\S]*?)```/.exec(section)![1]!;
		const lesson = read('example.md', example);
		expect(lesson.steps.map(step => step.until.kind)).toEqual(['questions', 'select', 'done']);
	});

	test('it names every panel a step can show, and every key of the format', () => {
		expect(section).toContain(`\`${lessonVocabulary().panels.join(' ')}\``);
		for (const key of ['flags:', 'panels:', 'keys:', 'select:', 'until:', 'question:']) {
			expect(section).toContain(`| \`${key}\` |`);
		}
	});

	test('its example messages are the parser’s', () => {
		expect(section.replaceAll(/\s+/g, ' ')).toContain(`week-1.md:4: ${problem(step('flags: --lr abc')).message}`);
	});
});
