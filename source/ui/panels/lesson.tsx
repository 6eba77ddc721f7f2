import {Text} from 'ink';
import {lessonLines, type Tone} from '../lesson/view.js';
import {panel} from './entry.js';

const COLOURS: Record<Tone, string | undefined> = {
	text: undefined,
	ending: 'cyan',
	met: 'green',
	right: 'green',
	wrong: 'yellow',
	note: 'cyan',
	input: undefined,
};

/** A lesson's step across the screen: what to read, what is asked, what ends it (`descent lesson`). */
export const lessonPanel = panel({
	id: 'lesson',
	help: ['Lesson', "in a lesson (descent lesson): the step's text, its question, and what ends it."],
	room: 'band',
	title: ({state}) => ({
		title: state.lesson ? `Step ${state.lesson.step} of ${state.lesson.count}` : 'Lesson',
		...(state.lesson && {detail: `· ${state.lesson.title}`}),
		hint: '← → steps',
	}),
	// the band is as wide as the screen: its frame and padding take 4 columns
	wants: ({state}) => ({width: 0, lines: state.lesson ? lessonLines(state.lesson, state.lesson.width - 4).length : 0}),
	Body: ({state, width}) =>
		state.lesson
			? lessonLines(state.lesson, width).map((line, k) => (
					<Text key={k} color={COLOURS[line.tone]}>
						{line.tone === 'input' ? (
							<>
								<Text color="cyan">{'> '}</Text>
								{line.text.slice(2)}
								<Text inverse> </Text>
							</>
						) : (
							line.text
						)}
					</Text>
				))
			: null,
});
