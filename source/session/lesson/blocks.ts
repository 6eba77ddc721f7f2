/** A lesson file's shape: the head (`# Title`, a summary), then steps, each a `---` fenced front matter and its text. */
import {LessonError} from './types.js';

export const FENCE = '---';

/** A front matter line, `key: value`, where it is. */
export type Field = {readonly key: string; readonly value: string; readonly line: number};

export type Block = {
	/** The line of the fence that opens its front matter. */
	readonly line: number;
	readonly fields: readonly Field[];
	/** Paragraphs: lines joined by spaces, blank lines between them. */
	readonly text: readonly string[];
};

export type Blocks = {readonly title: string; readonly summary: string; readonly blocks: readonly Block[]};

const isFence = (line: string) => line.trim() === FENCE;

/** Lines joined into paragraphs, as Markdown joins them. */
function paragraphs(lines: readonly string[]): string[] {
	return lines
		.join('\n')
		.split(/\n\s*\n/)
		.map(paragraph =>
			paragraph
				.split('\n')
				.map(line => line.trim())
				.filter(Boolean)
				.join(' '),
		)
		.filter(paragraph => paragraph !== '');
}

function headOf(lines: readonly string[]): {title: string; summary: string} {
	const [first = '', ...rest] = lines.map(line => line.trim()).filter(line => line !== '');
	const title = /^#\s+(.+)$/.exec(first)?.[1];
	if (title === undefined) {
		throw new LessonError(1, "the lesson needs a title: a first line '# Title'");
	}

	return {title: title.trim(), summary: rest.join(' ')};
}

function fieldOf(text: string, line: number): Field {
	const match = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(text.trim());
	if (!match) {
		throw new LessonError(line, `'${text.trim()}' is not 'key: value' (a step's front matter has flags:, panels:, keys:, until:, question:)`);
	}

	return {key: match[1]!, value: match[2]!.trim(), line};
}

/** The head and the steps' blocks; a front matter left open, or a lesson without a step, is a LessonError. */
export function readBlocks(source: string): Blocks {
	const lines = source.split(/\r?\n/);
	const first = lines.findIndex(isFence);
	const head = headOf(first === -1 ? lines : lines.slice(0, first));
	if (first === -1) {
		// the last line of the file, not the empty one after its last newline
		throw new LessonError(
			lines.length - (lines.at(-1) === '' ? 1 : 0),
			`no steps: a step starts with a '${FENCE}' line, its front matter, another '${FENCE}', then its text`,
		);
	}

	const blocks: Block[] = [];
	let k = first;
	while (k < lines.length) {
		const open = k;
		const close = lines.findIndex((line, n) => n > open && isFence(line));
		if (close === -1) {
			throw new LessonError(open + 1, `the front matter opened here has no closing '${FENCE}' line`);
		}

		const fields = lines
			.slice(open + 1, close)
			.map((text, n) => ({text, line: open + 2 + n}))
			.filter(({text}) => text.trim() !== '' && !text.trim().startsWith('#'))
			.map(({text, line}) => fieldOf(text, line));
		const next = lines.findIndex((line, n) => n > close && isFence(line));
		const end = next === -1 ? lines.length : next;
		blocks.push({line: open + 1, fields, text: paragraphs(lines.slice(close + 1, end))});
		k = end;
	}

	return {...head, blocks};
}
