import {formatCount, formatPercent} from '../session/format.js';
import type {ConfusionData} from '../session/views/confusion.js';
import {fitParts, packParts, wrapText, type Segment} from './text.js';

/** A column's name in the grid: this many characters of it at most (iris's `vers` for versicolor). */
const SHORT_NAME = 4;

/** `1,520 of 1,600 right · 95.0 %`: the diagonal over the samples counted (the title says which), parts whole or left out. */
export function confusionSummary(data: ConfusionData, width: number): Segment[] {
	const share = data.total > 0 ? [{segments: [{text: formatPercent(data.right / data.total)}], rank: 1}] : [];
	return fitParts([{segments: [{text: `${formatCount(data.right)} of ${formatCount(data.total)} right`}], rank: 0}, ...share], width);
}

/** The grid's width for these counts: the row names, then a cell per class with room for the diagonal's brackets. */
function gridShape(data: ConfusionData): {nameWidth: number; cell: number; width: number} {
	const nameWidth = Math.max(...data.classes.map(name => name.length));
	const counts = Math.max(...data.matrix.flat().map(n => formatCount(n).length));
	const cell = Math.max(counts, ...data.classes.map(name => Math.min(name.length, SHORT_NAME))) + 2;
	return {nameWidth, cell, width: nameWidth + 1 + cell * data.classes.length};
}

/**
 * The matrix as a grid, rows the true class and columns the predicted one, when it fits
 * `width`: each count whole, the diagonal's in brackets (and bold green with colour).
 */
export function confusionGrid(data: ConfusionData, width: number, colour: boolean): Segment[][] | undefined {
	const {nameWidth, cell, width: needed} = gridShape(data);
	if (needed > width) {
		return undefined;
	}

	const header: Segment[] = [
		{text: ' '.repeat(nameWidth + 1)},
		...data.classes.map(name => ({
			text: name
				.slice(0, SHORT_NAME)
				.padStart(cell - 1)
				.padEnd(cell),
			dim: true,
		})),
	];
	const rows = data.matrix.map((row, t) => [
		{text: `${data.classes[t]!.padStart(nameWidth)} `, dim: true},
		...row.map((count, p): Segment => {
			const number = formatCount(count).padStart(cell - 2);
			return t === p ? {text: `[${number}]`, bold: true, ...(colour && {color: 'green'})} : {text: ` ${number} `, dim: count === 0};
		}),
	]);
	return [
		fitParts(
			[
				{segments: [{text: '↓ true class', dim: true}], rank: 0},
				{segments: [{text: '→ predicted', dim: true}], rank: 0},
			],
			width,
			'  ',
		),
		header,
		...rows,
	];
}

/** What the list's lines say: each true class's right of all, then what it was taken for. */
const LIST_HEADER: Segment[][] = [[{text: 'true: right of all', dim: true}], [{text: 'taken as', dim: true}]];

/** One true class's parts: how many of it are right, then each other class it was taken for, the most first. */
function classParts(data: ConfusionData, t: number): Segment[][] {
	const row = data.matrix[t]!;
	const total = row.reduce((sum, n) => sum + n, 0);
	const others = row.flatMap((count, p) => (p === t || count === 0 ? [] : [{count, name: data.classes[p]!}])).sort((a, b) => b.count - a.count);
	return [
		[{text: `${data.classes[t]!}: `, bold: true}, {text: `${formatCount(row[t]!)} of ${formatCount(total)}`}],
		...others.map(({count, name}) => [{text: `${formatCount(count)} as ${name}`, dim: true}]),
	];
}

/**
 * The matrix a line per true class, for a box too narrow for the grid: how many of the
 * class are right, then each other class it was taken for, with its count. Within `height`
 * lines each class's parts go on over lines as they need; else a class keeps one line and a
 * part that does not fit is left out whole (its first part wrapped when longer than the line).
 */
export function confusionList(data: ConfusionData, width: number, height = Number.POSITIVE_INFINITY): Segment[][] {
	const parts = data.matrix.map((_, t) => classParts(data, t));
	const whole = parts.flatMap(line => packParts(line, width));
	if (whole.length <= height) {
		return whole;
	}

	return parts.flatMap(line => {
		const fitted = fitParts(
			line.map((segments, rank) => ({segments, rank})),
			width,
		);
		return fitted.length > 0 ? [fitted] : packParts(line.slice(0, 1), width);
	});
}

/** Every line of the panel: what it counts, the grid or the list, then what was done to the data (iris's standardisation) when there is room. */
export function confusionLines(data: ConfusionData, width: number, height: number, colour: boolean): Segment[][] {
	const summary = confusionSummary(data, width);
	const grid = confusionGrid(data, width, colour);
	const header = packParts(LIST_HEADER, width);
	const body = grid ?? [...header, ...confusionList(data, width, height - 1 - header.length)];
	const lines = [summary, ...body];
	const noteLines = data.note === undefined ? [] : wrapText(data.note, width, 0).map(text => [{text, dim: true}]);
	return height - lines.length > noteLines.length ? [...lines, ...noteLines] : lines;
}
