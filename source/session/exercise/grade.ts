/** Whether an answer is right, how far off it is, and a learner's answers file graded. */
import {cellNumber} from '../csv.js';
import {formatNumber} from '../format.js';
import {InputError} from '../input-error.js';
import type {Exercise, Question} from './types.js';
import {TOLERANCE} from './types.js';

/** The questions as `--json` prints them, in the order they are asked. */
export function questionsOf(exercise: Exercise): Question[] {
	return exercise.asked.map(id => {
		const item = exercise.items.get(id)!;
		return {
			id,
			text: item.text,
			quantity: item.quantity,
			...(item.neuron !== undefined && {neuron: item.neuron}),
			...(item.weight !== undefined && {weight: item.weight}),
			answer: item.value,
			tolerance: TOLERANCE,
		};
	});
}

export function isRight(answer: number, expected: number, tolerance = TOLERANCE): boolean {
	return Math.abs(answer - expected) <= tolerance * Math.abs(expected);
}

/** `0.61 is 2.1 % too high`, or the sign that is wrong: how far off, without the value. */
export function howFar(answer: number, expected: number): string {
	if (Math.sign(answer) !== Math.sign(expected) && answer !== 0) {
		return `${String(answer)} has the wrong sign`;
	}

	const off = Math.abs(answer - expected) / Math.abs(expected);
	const size =
		off >= 10
			? `${formatNumber(answer / expected, 2)} times the answer`
			: `${formatNumber(off * 100, 2)} % too ${Math.abs(answer) > Math.abs(expected) ? 'high' : 'low'}`;
	return `${String(answer)} is ${size}`;
}

/** A number as the learner typed it: decimal, optional sign and exponent; undefined for anything else. */
export function readNumber(text: string): number | undefined {
	return text.trim() === '' || text.includes('"') ? undefined : cellNumber(text);
}

/**
 * A learner's answers: one a line, `id value`; blank lines and `#` comments are skipped.
 * A line that is not `id number`, an unknown id or an id answered twice: one line naming the file and the line.
 */
export function readAnswers(text: string, file: string, ids: readonly string[]): Map<string, number> {
	const answers = new Map<string, number>();
	for (const [k, raw] of text.split(/\r?\n/).entries()) {
		const line = raw.replace(/#.*/, '').trim();
		if (line === '') {
			continue;
		}

		const where = `${file}, line ${k + 1}`;
		const [id = '', value = '', ...rest] = line.split(/\s+/);
		const number = readNumber(value);
		if (rest.length > 0 || number === undefined) {
			throw new InputError(`${where}: '${line}' is not an id and a number, e.g. '${ids[0] ?? 'error'} 0.25'`);
		}

		if (!ids.includes(id)) {
			throw new InputError(`${where}: no question '${id}' in this exercise (its ids: ${ids.join(', ')})`);
		}

		if (answers.has(id)) {
			throw new InputError(`${where}: '${id}' is answered twice`);
		}

		answers.set(id, number);
	}

	return answers;
}

/** One line a question (right, wrong with the expected value, missing), then the score. */
export function gradeLines(questions: readonly Question[], answers: ReadonlyMap<string, number>): {lines: string[]; right: number} {
	const width = Math.max(...questions.map(question => question.id.length));
	let right = 0;
	const lines = questions.map(question => {
		const answer = answers.get(question.id);
		const expected = formatNumber(question.answer, 6);
		const id = question.id.padEnd(width);
		if (answer === undefined) {
			return `${id}  missing  (expected ${expected})`;
		}

		if (isRight(answer, question.answer, question.tolerance)) {
			right++;
			return `${id}  right    ${String(answer)}`;
		}

		return `${id}  wrong    ${String(answer)} (expected ${expected})`;
	});
	return {lines: [...lines, `score ${right} / ${questions.length}`], right};
}
