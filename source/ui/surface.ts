import type {SurfaceData, SurfacePath} from '../session/views/surface.js';
import {formatCount, formatError, formatShort} from '../session/format.js';
import {wrapText} from './text.js';
import {laneMark} from './lanes.js';
import {xterm256} from './map.js';

/**
 * The error surface as lines of text, drawn as the map is: with colour two pixels a
 * character (the half block ▀), without colour one value a character in shades. The
 * error is cut into steps, each a colour (or shade) of its own, so that where one step
 * meets the next is a contour line: low error blue, high orange, as the map's colours go.
 */

const BLUE = [8, 119, 189] as const;
const WHITE = [232, 234, 235] as const;
const ORANGE = [245, 147, 34] as const;
/** Steps of the colour scale, blue (lowest error) to orange (highest). */
const STEP_COLOURS = Array.from({length: 8}, (_, k) => {
	const t = k / 7;
	const [from, to, u] = t < 0.5 ? [BLUE, WHITE, t * 2] : [WHITE, ORANGE, (t - 0.5) * 2];
	return from.map((value, c) => Math.round(value + (to[c]! - value) * u));
});
const SHADES = '░▒▓█';
const RESET = '\u001B[0m';
/** Eight directions, counter-clockwise from east. */
const ARROWS = '→↗↑↖←↙↓↘';

export type SurfaceStyle = {readonly colour: boolean};

/** In a race, the other lanes' paths over the same two weights, each drawn with its lane's mark. */
export type LanePaths = ReadonlyArray<{readonly lane: number; readonly path: SurfacePath}>;

/** The steps of the scale over the surface's range: on a log scale when the error spans more than ten times its smallest (and stays above 0). */
export type Scale = {readonly low: number; readonly high: number; readonly log: boolean; readonly steps: number};

export function scaleOf(range: readonly [number, number], steps: number): Scale {
	const [low, high] = range;
	return {low, high, log: low > 0 && high / low > 10, steps};
}

/** The step (0 … steps − 1) a value falls in; beyond the range, the nearest end's. */
export function stepOf(value: number, {low, high, log, steps}: Scale): number {
	if (!Number.isFinite(value)) {
		return steps - 1;
	}

	const t = log ? Math.log(value / low) / Math.log(high / low) : (value - low) / (high - low || 1);
	return Math.min(steps - 1, Math.max(0, Math.floor(t * steps)));
}

const KEEP = '\u00A0';

/** How much the error grows from one step to the next: a factor on a log scale, an amount otherwise. */
export function stepWords({low, high, log, steps}: Scale): string {
	return log ? `a colour step: the error ×${formatShort((high / low) ** (1 / steps), 3)}` : `a colour step: the error +${formatShort((high - low) / steps, 3)}`;
}

type Mark = {readonly glyph: string; readonly bold: boolean};
type Placed = {readonly column: number; readonly line: number};

/** A path, its start and the current point placed on a grid of `columns` × `pixelRows` pixels, by character cell. */
function placer(surface: SurfaceData, columns: number, pixelRows: number) {
	const [x0, x1] = surface.x;
	const [y0, y1] = surface.y;
	const pixel = (a: number, b: number) => ({
		column: Math.round(((a - x0) / (x1 - x0 || 1)) * (columns - 1)),
		row: Math.round(((y1 - b) / (y1 - y0 || 1)) * (pixelRows - 1)),
	});
	const inside = ({column, row}: {column: number; row: number}) => column >= 0 && column < columns && row >= 0 && row < pixelRows;
	const cell = ({column, row}: {column: number; row: number}, perLine: number): Placed => ({column, line: Math.floor(row / perLine)});
	return {pixel, inside, cell};
}

/** Every cell a path passes through, its segments drawn between the recorded points. */
function pathCells(path: SurfacePath, place: ReturnType<typeof placer>, perLine: number): Placed[] {
	const cells: Placed[] = [];
	for (let k = 0; k < path.a.length; k++) {
		const to = place.pixel(path.a[k]!, path.b[k]!);
		const from = k === 0 ? to : place.pixel(path.a[k - 1]!, path.b[k - 1]!);
		const steps = Math.max(Math.abs(to.column - from.column), Math.abs(to.row - from.row), 1);
		for (let s = k === 0 ? 0 : 1; s <= steps; s++) {
			const point = {column: Math.round(from.column + ((to.column - from.column) * s) / steps), row: Math.round(from.row + ((to.row - from.row) * s) / steps)};
			if (place.inside(point)) {
				cells.push(place.cell(point, perLine));
			}
		}
	}

	return cells;
}

/** The arrow of the negative gradient's direction on screen (pixels are square: a character is two of them, stacked); undefined where it vanishes. */
export function arrowOf(surface: SurfaceData, columns: number, pixelRows: number): string | undefined {
	const dx = (surface.descent[0] * (columns - 1)) / (surface.x[1] - surface.x[0] || 1);
	const dy = (surface.descent[1] * (pixelRows - 1)) / (surface.y[1] - surface.y[0] || 1);
	if (!(Math.hypot(dx, dy) > 0)) {
		return undefined;
	}

	const octant = Math.round(Math.atan2(dy, dx) / (Math.PI / 4));
	return ARROWS[(octant + 8) % 8];
}

/** The marks on the surface by cell: the path, its start, the current point and the arrow beside it. */
function marksOf(surface: SurfaceData, columns: number, lines: number, colour: boolean, lanes: LanePaths): Map<string, Mark> {
	const pixelRows = colour ? 2 * lines : lines;
	const perLine = colour ? 2 : 1;
	const place = placer(surface, columns, pixelRows);
	const marks = new Map<string, Mark>();
	const put = ({column, line}: Placed, mark: Mark) => marks.set(`${line},${column}`, mark);
	// the other lanes first: the shown lane's path is drawn over theirs
	for (const {lane, path} of lanes) {
		for (const cell of pathCells(path, place, perLine)) {
			put(cell, {glyph: laneMark(lane), bold: true});
		}
	}
	for (const cell of pathCells(surface.path, place, perLine)) {
		put(cell, {glyph: '·', bold: true});
	}

	const start = place.pixel(surface.path.a[0] ?? surface.current[0], surface.path.b[0] ?? surface.current[1]);
	if (place.inside(start)) {
		put(place.cell(start, perLine), {glyph: colour ? '○' : 'o', bold: true});
	}

	const now = place.pixel(...surface.current);
	const arrow = arrowOf(surface, columns, pixelRows);
	if (arrow) {
		const octant = ARROWS.indexOf(arrow);
		const angle = (octant * Math.PI) / 4;
		const next = {column: now.column + Math.round(Math.cos(angle)), line: place.cell(now, perLine).line - Math.round(Math.sin(angle))};
		if (next.column >= 0 && next.column < columns && next.line >= 0 && next.line < lines) {
			put(next, {glyph: arrow, bold: true});
		}
	}

	put(place.cell(now, perLine), {glyph: colour ? '◉' : '@', bold: true});
	return marks;
}

/** The surface drawn on `lines` lines of `columns` characters, its grid stretched to them. */
export function drawSurface(surface: SurfaceData, columns: number, lines: number, style: SurfaceStyle, lanes: LanePaths = []): string[] {
	const scale = scaleOf(surface.range, style.colour ? STEP_COLOURS.length : SHADES.length);
	const pixelRows = style.colour ? 2 * lines : lines;
	const value = (column: number, row: number) => {
		const gx = Math.min(surface.columns - 1, Math.floor((column * surface.columns) / columns));
		const gy = Math.min(surface.rows - 1, Math.floor((row * surface.rows) / pixelRows));
		return surface.errors[gy * surface.columns + gx]!;
	};

	const colourAt = (column: number, row: number) => STEP_COLOURS[stepOf(value(column, row), scale)]!;
	const marks = marksOf(surface, columns, lines, style.colour, lanes);
	const drawn: string[] = [];
	for (let line = 0; line < lines; line++) {
		let text = '';
		let open = '';
		for (let column = 0; column < columns; column++) {
			const mark = marks.get(`${line},${column}`);
			if (!style.colour) {
				text += mark ? mark.glyph : SHADES[stepOf(value(column, line), scale)]!;
				continue;
			}

			const top = colourAt(column, 2 * line);
			const [code, glyph] = mark
				? [`\u001B[1;38;5;${contrast(top)};48;5;${xterm256(top)}m`, mark.glyph]
				: [`\u001B[22;38;5;${xterm256(top)};48;5;${xterm256(colourAt(column, 2 * line + 1))}m`, '▀'];
			if (code !== open) {
				text += code;
				open = code;
			}

			text += glyph;
		}

		drawn.push(style.colour ? text + RESET : text);
	}

	return drawn;
}

/** Black on a light background, white on a dark one. */
function contrast(rgb: readonly number[]): number {
	const luminance = 0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!;
	return luminance > 140 ? 16 : 231;
}

/**
 * The scale's legend, `error 0.0123 ████ 0.0456`, on one line where it fits; else two labelled
 * lines, `error 0.0123 … 0.0456` (wrapped between its words) and `low ████ high`: a bound is never
 * cut or wrapped apart from its label. `steps` is the legend's width (its colours are escape codes).
 */
function scaleLegend(range: readonly [number, number], legend: string, steps: number, width: number): string[] {
	const [low, high] = range.map(bound => formatShort(bound, 3)) as [string, string];
	const line = `error ${low} ${legend} ${high}`;
	return 'error '.length + low.length + steps + high.length + 2 <= width ? [line] : [...wrapText(`error ${low} … ${high}`, width), `low ${legend} high`];
}

/**
 * The lines under the surface, wrapped to its width, as many as `room` holds, in this order
 * (the first the most needed): the extent, the scale's legend, the marks with the error at the
 * point now (to the status line's digits, and after which update), what the error is, its steps,
 * and how fresh it is when it is computed over several frames.
 */
export function surfaceFooter(
	surface: SurfaceData,
	width: number,
	style: SurfaceStyle,
	pixels: {columns: number; rows: number},
	room = Number.POSITIVE_INFINITY,
	lanes: LanePaths = [],
): string[] {
	const span = (range: readonly [number, number]) => `${formatShort(range[0], 3)} … ${formatShort(range[1], 3)}`;
	const scale = scaleOf(surface.range, style.colour ? STEP_COLOURS.length : SHADES.length);
	const legend = style.colour ? STEP_COLOURS.map(rgb => `\u001B[38;5;${xterm256(rgb)}m█`).join('') + RESET : SHADES;
	const arrow = arrowOf(surface, pixels.columns, pixels.rows);
	const [name1, name2] = surface.names;
	const axes = `→ ${name1} ${span(surface.x)}, ↑ ${name2} ${span(surface.y)}`;
	// a no-break space keeps a mark with its words (`← downhill`) when the line wraps
	const wrap = (line: string) => wrapText(line, width).map(text => text.replaceAll(KEEP, ' '));
	const now = style.colour ? '◉' : '@';
	// the status line's error is the one an iteration computed before its update: the point now is after it
	const after = surface.iteration > 0 ? ` (after update ${formatCount(surface.iteration)})` : '';
	const parts = [
		axes.length <= width ? [axes] : [...wrap(`→ ${name1} ${span(surface.x)}`), ...wrap(`↑ ${name2} ${span(surface.y)}`)],
		scaleLegend(surface.range, legend, style.colour ? STEP_COLOURS.length : SHADES.length, width),
		wrap(
			`${style.colour ? '○' : 'o'} start · path ${now} now ${formatError(surface.error)}${after}${arrow ? ` ${arrow}${KEEP}downhill` : ', flat here'}${lanes.length > 0 ? ` · ${lanes.map(({lane}) => laneMark(lane)).join(' ')}: the other lanes` : ''}`,
		),
		wrap(
			`the mean error over ${formatCount(surface.samples)} training sample${surface.samples === 1 ? '' : 's'}${surface.penalty ? ` + the penalty (${surface.penalty})` : ''}`,
		),
		wrap(`${stepWords(scale)}${scale.log ? ', log scale' : ''}`),
	];
	const coarse = surface.columns < pixels.columns || surface.rows < pixels.rows;
	if (coarse || surface.spanMs > 100) {
		const every = surface.spanMs > 100 ? `, drawn anew every ${formatShort(surface.spanMs / 1000, 2)} s` : '';
		parts.push(wrap(`at iteration ${formatCount(surface.iteration)}${coarse ? `, a ${surface.columns}×${surface.rows} grid` : ''}${every} (its cost)`));
	}

	const lines: string[] = [];
	for (const part of parts) {
		if (lines.length + part.length > room) {
			break;
		}

		lines.push(...part);
	}

	return lines;
}
