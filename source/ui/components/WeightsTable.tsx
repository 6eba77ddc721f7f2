import {Box, Text} from 'ink';
import type {WeightRow, Window} from '../../core/snapshot.js';
import {formatCount, formatFit} from '../../session/format.js';

export type WeightsTableProps = {
	readonly weights: Window<WeightRow>;
	readonly selected: number;
	/** Lines available for rows (the header excluded). */
	readonly height: number;
	readonly showCheck: boolean;
};

/** Columns of the numbers: every double fits them whole (formatFit loses digits, not its end). */
const VALUE = 11;
const NUMBER = 10;
const CHECK = 8;

/** Column widths for these rows: the layout sizes the panel to them. */
export function weightsTableWidth(weights: Window<WeightRow>, showCheck: boolean): number {
	const {name, link} = labelWidths(weights.rows);
	return name + 1 + link + 1 + VALUE + 2 * (NUMBER + 1) + (showCheck ? CHECK + 1 : 0);
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
export function WeightsTable({weights, selected, height, showCheck}: WeightsTableProps) {
	const {name, link} = labelWidths(weights.rows);
	const visible = visibleWeightRows(weights.total, height);
	const start = scrollStart(weights.total, selected, visible);
	const shown = weights.rows.slice(start - weights.start, start - weights.start + visible);
	const cell = (text: string, width: number) => text.padStart(width);
	return (
		<Box flexDirection="column">
			<Text dimColor wrap="truncate-end">
				{'weight'.padEnd(name)} {'link'.padEnd(link)} {cell('value', VALUE)} {cell('change', NUMBER)} {cell('gradient', NUMBER)}
				{showCheck ? ` ${cell('check', CHECK)}` : ''}
			</Text>
			{shown.map(row => (
				<Text key={row.index} inverse={row.index === selected} wrap="truncate-end">
					{row.name.padEnd(name)} {`${row.from} → ${row.to}`.padEnd(link)} {cell(formatFit(row.value, VALUE), VALUE)}{' '}
					{cell(formatFit(row.change, NUMBER, 4, true), NUMBER)} {cell(formatFit(row.gradient, NUMBER, 4), NUMBER)}
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
