/** What the lesson panel draws: the step, its text, what ends it, the question asked; and its lines at a width. */
import {wrapProse, wrapText} from '../text.js';

export type Tone = 'text' | 'ending' | 'met' | 'right' | 'wrong' | 'note' | 'input';

export type LessonView = {
	/** The screen's columns: the lesson panel spans them. */
	readonly width: number;
	readonly title: string;
	readonly step: number;
	readonly count: number;
	readonly text: readonly string[];
	/** What ends the step, in words (none while a question says it), and whether it has ended. */
	readonly ending: string;
	readonly met: boolean;
	/** The question asked now, what is typed, and what was said of the last answer. */
	readonly question?: {
		readonly header: string;
		readonly input: string;
		readonly feedback: {readonly text: string; readonly tone: 'right' | 'wrong' | 'note'} | undefined;
	};
};

export type LessonLine = {readonly text: string; readonly tone: Tone};

/** The panel's lines inside a frame `width` wide: the text, then the question, then what ends the step. */
export function lessonLines(view: LessonView, width: number): LessonLine[] {
	const wrap = (text: string, tone: Tone, indent = 2) => wrapText(text, width, indent).map(line => ({text: line, tone}));
	const lines: LessonLine[] = view.text.flatMap(paragraph => wrapProse(paragraph, width, 0).map(line => ({text: line, tone: 'text'})));
	const {question} = view;
	if (question) {
		lines.push(...wrap(question.header, 'ending'), {text: `> ${question.input}`, tone: 'input'});
		if (question.feedback) {
			lines.push(...wrap(question.feedback.text, question.feedback.tone));
		}
	}

	if (view.ending !== '') {
		lines.push(...wrap(view.ending, view.met ? 'met' : 'ending'));
	}

	return lines;
}
