import {Box, Text, useApp, useInput} from 'ink';
import {useMemo, useReducer} from 'react';
import {explainText} from '../../session/explain-text.js';
import {describeExercise, TOLERANCE_TEXT} from '../../session/exercise/sheet.js';
import {TOLERANCE, type Exercise} from '../../session/exercise/types.js';
import {GLOSSARY} from '../glossary.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {Panel} from '../components/Panel.js';
import {wrapText} from '../text.js';
import {CellLine} from './CellLine.js';
import {handleKey, keysLine} from './keys.js';
import {layOut, networkRows} from './network-lines.js';
import {initialState, isDone, reduce, scoreText, type Asked, type ExerciseState} from './state.js';

export type ExerciseAppProps = {
	readonly exercise: Exercise;
	/** Told the state when the learner quits: for the line printed after. */
	readonly onQuit: (state: ExerciseState) => void;
};

/** The exercise: the network with its numbers, one question at a time, then the score and the worked key. */
export function ExerciseApp({exercise, onQuit}: ExerciseAppProps) {
	const {columns, rows} = useTerminalSize();
	const {exit} = useApp();
	const questions = useMemo<Asked[]>(
		() =>
			exercise.asked.map(id => {
				const item = exercise.items.get(id)!;
				return {id, label: item.label, text: item.text, formula: item.formula, answer: item.value, tolerance: TOLERANCE};
			}),
		[exercise],
	);
	const [state, dispatch] = useReducer(reduce, questions, initialState);
	// wider than this, the network's rows are hard to follow across the screen
	const width = Math.max(40, Math.min(columns, 100));
	const key = useMemo(
		() =>
			explainText(exercise.worked, exercise.workedOn)
				.split('\n')
				.flatMap(line => wrapText(line, width - 4)),
		[exercise, width],
	);
	const page = Math.max(1, rows - 7);
	useInput((input, k) =>
		handleKey(
			{
				state,
				dispatch,
				exit() {
					onQuit(state);
					exit();
				},
				page,
				last: Math.max(0, key.length - page),
			},
			input,
			k,
		),
	);
	const title = `descent exercise ${exercise.seed} · ${describeExercise(exercise)}`;
	return (
		<Box flexDirection="column" width={width}>
			{wrapText(title, width).map((line, k) => (
				<Text key={k} bold>
					{line}
				</Text>
			))}
			{state.glossary ? (
				<Glossary width={width} height={rows - 2} />
			) : isDone(state) ? (
				<Ending state={state} lines={key} width={width} height={rows - 2} />
			) : (
				<Asking exercise={exercise} state={state} width={width} />
			)}
			<Text dimColor>{keysLine(state)}</Text>
		</Box>
	);
}

function Asking({exercise, state, width}: {readonly exercise: Exercise; readonly state: ExerciseState; readonly width: number}) {
	const lines = layOut(networkRows(exercise, state.index), width - 4);
	const question = state.questions[state.index]!;
	const feedback = state.feedback ? wrapText(state.feedback.text, width - 4) : [];
	const colour = {right: 'green', wrong: 'yellow', note: 'cyan'}[state.feedback?.tone ?? 'note'];
	const text = wrapText(question.text, width - 4);
	const tolerance = wrapText(TOLERANCE_TEXT, width - 4);
	return (
		<>
			<Panel title="Network" detail="(? not yet answered)" width={width} height={lines.length + 2}>
				{lines.map((line, k) => (
					<CellLine key={k} cells={line} />
				))}
			</Panel>
			<Panel title={`Question ${state.index + 1} of ${state.questions.length}`} width={width} height={text.length + feedback.length + tolerance.length + 3}>
				{text.map((line, k) => (
					<Text key={k}>{line}</Text>
				))}
				<Text>
					<Text color="cyan">{'> '}</Text>
					{state.input}
					<Text inverse> </Text>
				</Text>
				{feedback.map((line, k) => (
					<Text key={k} color={colour}>
						{line}
					</Text>
				))}
				{tolerance.map((line, k) => (
					<Text key={k} dimColor>
						{line}
					</Text>
				))}
			</Panel>
		</>
	);
}

function Ending({
	state,
	lines,
	width,
	height,
}: {
	readonly state: ExerciseState;
	readonly lines: readonly string[];
	readonly width: number;
	readonly height: number;
}) {
	const room = Math.max(1, height - 5);
	const start = Math.min(state.scroll, Math.max(0, lines.length - room));
	return (
		<>
			<Text color="green">{`Done: ${scoreText(state)}.`}</Text>
			{state.feedback && <Text color="cyan">{state.feedback.text}</Text>}
			<Panel title="The worked key" detail={`lines ${start + 1}–${Math.min(lines.length, start + room)} of ${lines.length}`} width={width} height={room + 2}>
				{lines.slice(start, start + room).map((line, k) => (
					<Text key={k}>{line}</Text>
				))}
			</Panel>
		</>
	);
}

function Glossary({width, height}: {readonly width: number; readonly height: number}) {
	const lines = GLOSSARY.flatMap(([word, meaning]) => wrapText(`${word.padEnd(14)}${meaning}`, width - 4, 14));
	return (
		<Panel title="Glossary" detail="(? or Esc closes)" width={width} height={Math.min(height, lines.length + 2)}>
			{lines.map((line, k) => (
				<Text key={k}>{line}</Text>
			))}
		</Panel>
	);
}
