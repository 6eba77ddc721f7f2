import {cyan, green, lightblue, lightred, magenta, white, yellow} from 'asciichart';

/** Each lane's colour on the chart (asciichart's code) and in text (Ink's name), by lane: the shown lane keeps its own. */
const LANE_COLOURS = [
	{chart: cyan, text: 'cyan'},
	{chart: magenta, text: 'magenta'},
	{chart: green, text: 'green'},
	{chart: yellow, text: 'yellow'},
	{chart: lightblue, text: 'blueBright'},
	{chart: lightred, text: 'redBright'},
	{chart: white, text: 'white'},
] as const;

export const laneColour = (lane: number) => LANE_COLOURS[lane % LANE_COLOURS.length]!;

/** A lane's mark on the chart and the surface, in the table and the legend, and its key: its number, which needs no colour. */
export const laneMark = (lane: number) => String(lane + 1);

// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
const CODE = /^\u001B\[\d+(?:;\d+)*m/;

/**
 * `line` with the character shown at `column` (counting what shows, not colour codes)
 * replaced by `text`, in `colour` (an ANSI code) when given. A column past the end is left.
 */
export function overlayAt(line: string, column: number, text: string, colour?: string): string {
	let shown = 0;
	let k = 0;
	while (k < line.length) {
		const code = CODE.exec(line.slice(k, k + 12))?.[0];
		if (code !== undefined) {
			k += code.length;
			continue;
		}

		const width = line.codePointAt(k)! > 0xff_ff ? 2 : 1;
		if (shown === column) {
			const mark = colour === undefined ? text : `${colour}${text}\u001B[0m`;
			return `${line.slice(0, k)}${mark}${line.slice(k + width)}`;
		}

		shown++;
		k += width;
	}

	return line;
}

/**
 * Where each lane's mark goes on a chart of `columns` columns: spread along its curve, the
 * lanes' marks apart from one another, and at its last point.
 */
export function markColumns(lane: number, lanes: number, length: number, columns: number): number[] {
	if (length === 0) {
		return [];
	}

	const spacing = Math.max(8, Math.floor(columns / 3));
	const marks: number[] = [];
	for (let at = Math.floor((spacing * (lane + 1)) / (lanes + 1)); at < length - 3; at += spacing) {
		marks.push(at);
	}

	return [...marks, length - 1];
}

/** Words compared as a lane's label writes them: lower case, a number by its value (`0.0010` is `0.001`). */
const wordsOf = (text: string) =>
	text
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.map(word => (Number.isFinite(Number(word)) ? String(Number(word)) : word));

/** Whether a race lane's label (`adam lr 0.01`) already says `words` (`lr 0.01`, `adam`, `l2 0.01`): the status line says it once. */
export function labelSays(label: string, words: string): boolean {
	const have = wordsOf(label);
	const want = wordsOf(words);
	return want.length > 0 && have.some((_, start) => want.every((word, k) => have[start + k] === word));
}
