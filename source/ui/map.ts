import type {Grid, MapData} from '../session/views/map.js';
import {formatShort} from '../session/format.js';
import {cellOf, crowdingLine, type Mark, type Marks} from './map-marks.js';
import {packItems, wrapText} from './text.js';

/**
 * The map as lines of text: with colour, two pixels a character (the half block ▀, its
 * top pixel in the foreground colour, its bottom one in the background), coloured as the
 * TensorFlow Playground colours (orange for low or class 0, white between, blue for high
 * or class 1); without colour, one value a character in shades ░▒▓█.
 */

const ORANGE = [245, 147, 34] as const;
const WHITE = [232, 234, 235] as const;
const BLUE = [8, 119, 189] as const;
// further classes of a softmax output, after orange and blue
const CLASS_COLOURS = [ORANGE, BLUE, [60, 170, 80], [150, 90, 190], [200, 60, 60], [90, 90, 90]] as const;
// every value shows: the lowest is the lightest shade, not blank
const SHADES = '░▒▓█';
const RESET = '\u001B[0m';

/** The xterm 256-colour index nearest an RGB colour (the 6×6×6 cube). */
export function xterm256([r, g, b]: readonly number[]): number {
	const level = (value: number) => (value < 48 ? 0 : value < 115 ? 1 : Math.min(5, Math.floor((value - 35) / 40)));
	return 16 + 36 * level(r!) + 6 * level(g!) + level(b!);
}

const mix = (a: readonly number[], b: readonly number[], t: number) => a.map((value, k) => Math.round(value + (b[k]! - value) * t));

/** A value's colour: orange at the low end, white in the middle, blue at the high end; classes their own colour. */
export function colourOf(value: number, range: readonly [number, number], classes: boolean, discrete: boolean): number {
	if (classes) {
		return xterm256(CLASS_COLOURS[Math.round(value) % CLASS_COLOURS.length]!);
	}

	const t = Math.min(1, Math.max(0, (value - range[0]) / (range[1] - range[0] || 1)));
	if (discrete) {
		return xterm256(t >= 0.5 ? BLUE : ORANGE);
	}

	return xterm256(t < 0.5 ? mix(ORANGE, WHITE, t * 2) : mix(WHITE, BLUE, (t - 0.5) * 2));
}

function shadeOf(value: number, range: readonly [number, number], classes: boolean, discrete: boolean): string {
	if (classes) {
		return SHADES[Math.round(value) % SHADES.length]!;
	}

	const t = Math.min(1, Math.max(0, (value - range[0]) / (range[1] - range[0] || 1)));
	return discrete ? (t >= 0.5 ? '█' : '░') : SHADES[Math.min(SHADES.length - 1, Math.floor(t * SHADES.length))]!;
}

/** The character a sample is marked with: by class (or, for regression, one mark), and another shape when it is held out; ◐ a tie of classes. */
export function markOf(point: Mark, classes: boolean, colour: boolean): string {
	if (point.mixed) {
		return '◐';
	}

	if (!classes) {
		return point.test ? '+' : '*';
	}

	const kind = Math.round(point.value);
	if (colour) {
		return point.test ? '◆' : '●';
	}

	return point.test ? (kind === 0 ? 'O' : 'X') : kind === 0 ? 'o' : 'x';
}

export type MapStyle = {readonly colour: boolean; readonly discrete: boolean};

/** The output grid drawn, its samples marked (by cell, from `marksOf`): `grid.rows / 2` lines with colour, `grid.rows / 2` without (the cell's top pixel). */
export function drawGrid(grid: Grid, map: MapData, style: MapStyle, marks: ReadonlyMap<string, Mark>, range = map.range, classes = map.classes): string[] {
	const rows = Math.floor(grid.rows / 2);
	const value = (row: number, column: number) => grid.values[row * grid.columns + column]!;
	const lines: string[] = [];
	for (let row = 0; row < rows; row++) {
		let line = '';
		let open = '';
		for (let column = 0; column < grid.columns; column++) {
			const top = value(2 * row, column);
			const bottom = value(2 * row + 1, column);
			const point = marks.get(`${row},${column}`);
			if (!style.colour) {
				line += point ? markOf(point, map.pointClasses, false) : shadeOf(top, range, classes, style.discrete);
				continue;
			}

			const [code, character] = point
				? [`\u001B[1;38;5;${pointColour(point, map)};48;5;${colourOf(top, range, classes, style.discrete)}m`, markOf(point, map.pointClasses, true)]
				: [`\u001B[22;38;5;${colourOf(top, range, classes, style.discrete)};48;5;${colourOf(bottom, range, classes, style.discrete)}m`, '▀'];
			if (code !== open) {
				line += code;
				open = code;
			}

			line += character;
		}

		lines.push(style.colour ? line + RESET : line);
	}

	return lines;
}

/** A mark's colour: a darker shade of its class's (or its target's) colour, so it stands out on the map; a tie dark grey. */
function pointColour(point: Mark, map: MapData): number {
	if (point.mixed) {
		return xterm256([60, 60, 60]);
	}

	const base = map.pointClasses ? CLASS_COLOURS[Math.round(point.value) % CLASS_COLOURS.length] : undefined;
	const colour = base ?? (point.value >= (map.range[0] + map.range[1]) / 2 ? BLUE : ORANGE);
	return xterm256(colour.map(value => value * 0.55));
}

/** A fit plot for one coordinate: the samples as points, the network's curve over x1, on `rows` lines. */
export function drawFit(map: MapData, rows: number, style: MapStyle): string[] {
	const {output, range} = map;
	const grid = Array.from({length: rows}, () => Array.from({length: output.columns}, () => ' '));
	const rowOf = (value: number) => Math.round(((range[1] - value) / (range[1] - range[0] || 1)) * (rows - 1));
	for (const point of map.points) {
		const cell = cellOf(point, map, output.columns, rows);
		if (cell) {
			grid[cell.line]![cell.column] = point.test ? '+' : '·';
		}
	}

	for (let column = 0; column < output.columns; column++) {
		const row = rowOf(output.values[column]!);
		if (row >= 0 && row < rows) {
			grid[row]![column] = style.colour ? '\u001B[38;5;33m●\u001B[0m' : '●';
		}
	}

	return grid.map(cells => cells.join(''));
}

/**
 * The lines under the map, wrapped to its width: the plane's extent (so a learner can place a point), what the colours
 * and the marks mean, and how many samples the marks stand for where they crowd (no marks: the neurons' maps).
 */
export function mapFooter(
	map: (Pick<MapData, 'x1' | 'x2' | 'range' | 'pointClasses'> & {readonly points?: MapData['points']}) | undefined,
	width: number,
	colour: boolean,
	discrete = false,
	marks?: Pick<Marks, 'samples' | 'marks' | 'ties' | 'block'>,
): string[] {
	if (!map) {
		return [];
	}

	const span = (range: readonly [number, number]) => `${formatShort(range[0], 3)} … ${formatShort(range[1], 3)}`;
	// each axis whole on a line: a range is never split from its end
	const axes = packItems(map.x2 ? [`→ x1 ${span(map.x1)}`, `↑ x2 ${span(map.x2)}`] : [`→ x ${span(map.x1)}`, `↑ y ${span(map.range)}`], width);
	// the test samples' marks only where some samples are held out
	const tested = map.points?.some(point => point.test) ?? true;
	const legend = map.pointClasses
		? colour
			? `● train${tested ? '  ◆ test' : ''}`
			: `o x train${tested ? '  O X test' : ''}`
		: `* train${tested ? '  + test' : ''}`;
	// after D two colours split at the middle of the range: the legend says where
	const middle = formatShort((map.range[0] + map.range[1]) / 2, 3);
	const twoColours = colour ? `orange < ${middle} ≤ blue` : `░ < ${middle} ≤ █`;
	const colours = map.x2 ? (discrete ? twoColours : colour ? 'orange low, blue high' : '░ low … █ high') : '● the network';
	const samples = map.x2 ? (marks ? [legend, crowdingLine(marks, map.pointClasses)] : []) : [`· train${tested ? '  + test' : ''}`];
	return [...axes, ...[colours, ...samples].filter(line => line !== undefined).flatMap(line => wrapText(line, width))];
}
