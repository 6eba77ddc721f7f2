/** An exercise on paper: the learner's worksheet, the teacher's key (Markdown), and the JSON of both. */
import {describeLayers, weightRefs} from '../../core/names.js';
import {given as asGiven, num, table} from '../explain-format.js';
import {explainText} from '../explain-text.js';
import {questionsOf} from './grade.js';
import {TOLERANCE, type Exercise} from './types.js';

/** `3 → 2 → 1, sigmoid, no bias, squared error, sgd, learning rate 0.5` */
export function describeExercise({network}: Exercise): string {
	const output = network.outputActivation === network.activation ? [] : [`${network.outputActivation} output`];
	return [
		describeLayers(network.layers),
		network.activation,
		...output,
		network.bias ? 'bias' : 'no bias',
		`${network.loss} error`,
		network.optimizer,
		`learning rate ${asGiven(network.learningRate)}`,
	].join(', ');
}

export const TOLERANCE_TEXT = `An answer within ${TOLERANCE * 100} % of the exact value counts as right: work to 4 significant digits.`;

/** The numbers of the exercise: inputs, target, weights, and what is given. */
function numbers(exercise: Exercise): string[] {
	const sample = exercise.worked.samples[0]!;
	const inputs = Object.entries(sample.inputs).map(([name, x]) => `${name} = ${asGiven(x)}`);
	const targets = Object.entries(sample.targets).map(
		([name, t]) => `${Object.keys(sample.targets).length === 1 ? 'target' : `target(${name})`} = ${asGiven(t)}`,
	);
	const refs = weightRefs(exercise.network.layers, exercise.network.bias);
	const rows = refs.map(ref => [ref.name, `${ref.from} → ${ref.to}`, asGiven(exercise.worked.weights[ref.name]!.weight)]);
	const given = exercise.given.map(id => exercise.items.get(id)!).map(item => `- ${item.label} = ${num(item.value)}`);
	return [
		`Inputs ${inputs.join(', ')}; ${targets.join(', ')}.`,
		'',
		...table(['weight', 'from → to', 'value'], rows),
		...(given.length > 0 ? ['', 'Computed for you (6 significant digits):', '', ...given] : []),
	];
}

/** The learner's sheet: the network, its numbers, the questions, room for the answers, and how to check them. */
export function worksheet(exercise: Exercise, flags: string): string {
	const rows = exercise.asked.map((id, k) => [String(k + 1), id, exercise.items.get(id)!.text, ' '.repeat(12)]);
	return [
		`# Exercise ${exercise.seed}: one iteration by hand`,
		'',
		`${describeExercise(exercise)}.`,
		'',
		'## The network and its numbers',
		'',
		...numbers(exercise),
		'',
		'## The questions',
		'',
		TOLERANCE_TEXT,
		'',
		...table(['#', 'id', 'question', 'your answer'], rows),
		'',
		'## Checking your answers',
		'',
		'Write them in a file, one a line: the id, a space, the number (`sop-h1 0.75`). Then:',
		'',
		`    descent exercise ${flags} --check answers.txt`,
		'',
	].join('\n');
}

/** The teacher's key: the questions with their answers, then the iteration worked out. */
export function keyText(exercise: Exercise, flags: string): string {
	const rows = questionsOf(exercise).map((question, k) => [String(k + 1), question.id, exercise.items.get(question.id)!.label, num(question.answer)]);
	return [
		`# Key to exercise ${exercise.seed}`,
		'',
		`${describeExercise(exercise)}. Made by \`descent exercise ${flags}\`.`,
		'',
		...numbers(exercise),
		'',
		'## The answers',
		'',
		TOLERANCE_TEXT,
		'',
		...table(['#', 'id', 'quantity', 'answer'], rows),
		'',
		explainText(exercise.worked, exercise.workedOn),
	].join('\n');
}

/** `--json`: the exercise and its key. */
export function exerciseJson(exercise: Exercise): string {
	return `${JSON.stringify({seed: exercise.seed, kind: exercise.kind, network: exercise.network, questions: questionsOf(exercise)})}\n`;
}
