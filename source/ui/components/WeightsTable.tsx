import {Box, Text} from 'ink';
import type {Window} from '../../session/views/context.js';
import type {WeightRow} from '../../session/views/weights.js';
import {DIGITS, formatCount, formatFit} from '../../session/format.js';

export type WeightsTableProps = {
	readonly weights: Window<WeightRow>;
	readonly selected: number;
	/** Lines available for rows (the header excluded). */
	readonly height: number;
	readonly showCheck: boolean;
	readonly width: number;
};

/** Widths of the columns: value, change, gradient, check. Every double fits 7 whole (formatFit loses digits, not its end). */
type Columns = {readonly link: boolean; readonly value: number; readonly number: number; readonly check: number};

/**
 * From the roomiest to the narrowest: the link column goes first (the chain's title names it),
 * then digits, so that a value, change and gradient read as on every other panel (DIGITS) while
 * they can: 11 and 10 columns hold 6 and 4 significant digits with a two-digit exponent.
 */
const COLUMNS: readonly Columns[] = [
	{link: true, value: 11, number: 10, check: 8},
	{link: false, value: 11, number: 10, check: 8},
	{link: false, value: 9, number: 9, check: 7},
	{link: false, value: 7, number: 7, check: 7},
];

function widthOf(columns: Columns, labels: {name: number; link: number}, showCheck: boolean): number {
	return labels.name + (columns.link ? 1 + labels.link : 0) + 1 + columns.value + 2 * (columns.number + 1) + (showCheck ? columns.check + 1 : 0);
}

/**
 * Width the table would like: the layout sizes the panel to it when it can. With a gradient check the check column
 * takes the link column's place (the chain's title names the link), so g does not widen the table and push the
 * network diagram off the screen.
 */
export function weightsTableWidth(weights: Window<WeightRow>, showCheck: boolean): number {
	return widthOf(COLUMNS[showCheck ? 1 : 0]!, labelWidths(weights.rows), showCheck);
}

/** The roomiest columns that fit `width`. */
function columnsFor(width: number, labels: {name: number; link: number}, showCheck: boolean): Columns {
	return COLUMNS.find(columns => widthOf(columns, labels, showCheck) <= width) ?? COLUMNS.at(-1)!;
}

function labelWidths(rows: readonly WeightRow[]) {
	let name = 'weight'.length;
	let link = 'link'.length;
	for (const row of rows) {
		name = Math.max(name, row.name.length);
		link = Math.max(link, row.from.length + row.to.length + 3);
	}

	return {name, link};
}

/** The first row to show so that the selection stays in view, centred where it can be. */
export function scrollStart(count: number, selected: number, visible: number): number {
	if (count <= visible) {
		return 0;
	}

	return Math.min(Math.max(0, selected - Math.floor(visible / 2)), count - visible);
}

/** Rows of the table that fit `height` lines: one line says how many are hidden when not all fit. */
export function visibleWeightRows(total: number, height: number): number {
	return Math.max(1, total > height ? height - 1 : height);
}

/** Every weight: its value, last change and gradient; one row selected; scrolls to keep it in view. */
export function WeightsTable({weights, selected, height, showCheck, width}: WeightsTableProps) {
	const labels = labelWidths(weights.rows);
	const {name, link} = labels;
	const columns = columnsFor(width, labels, showCheck);
	const VALUE = columns.value;
	const NUMBER = columns.number;
	const CHECK = columns.check;
	const linkCell = (text: string) => (columns.link ? ` ${text.padEnd(link)}` : '');
	const visible = visibleWeightRows(weights.total, height);
	const start = scrollStart(weights.total, selected, visible);
	const shown = weights.rows.slice(start - weights.start, start - weights.start + visible);
	const cell = (text: string, width: number) => text.padStart(width);
	return (
		<Box flexDirection="column">
			<Text dimColor wrap="truncate-end">
				{'weight'.padEnd(name)}
				{linkCell('link')} {cell('value', VALUE)} {cell('change', NUMBER)} {cell('gradient', NUMBER)}
				{showCheck ? ` ${cell('check', CHECK)}` : ''}
			</Text>
			{shown.map(row => (
				<Text key={row.index} inverse={row.index === selected} wrap="truncate-end">
					{row.name.padEnd(name)}
					{linkCell(`${row.from} → ${row.to}`)} {cell(formatFit(row.value, VALUE, DIGITS.weight), VALUE)}{' '}
					{cell(formatFit(row.change, NUMBER, DIGITS.change, true), NUMBER)} {cell(formatFit(row.gradient, NUMBER, DIGITS.gradient), NUMBER)}
					{showCheck ? ` ${cell(row.check === undefined ? '–' : formatFit(row.check, CHECK, 2), CHECK)}` : ''}
				</Text>
			))}
			{weights.total > visible ? (
				<Text dimColor>
					{[start > 0 ? `↑ ${formatCount(start)} above` : '', start + visible < weights.total ? `↓ ${formatCount(weights.total - start - visible)} below` : '']
						.filter(Boolean)
						.join(' · ')}
				</Text>
			) : null}
		</Box>
	);
}
