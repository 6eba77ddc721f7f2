import {Box, Text} from 'ink';
import {fit, formatNumber, formatSigned} from '../format.js';

export type WeightRow = {
	readonly name: string;
	readonly from: string;
	readonly to: string;
	readonly value: number;
	/** Undefined before the first iteration. */
	readonly change: number | undefined;
	readonly gradient: number | undefined;
	/** Relative difference to the finite-difference gradient, when a check has run. */
	readonly check?: number;
};

export type WeightsTableProps = {
	readonly rows: readonly WeightRow[];
	readonly selected: number;
	/** Lines available for rows (the header excluded). */
	readonly height: number;
	readonly showCheck: boolean;
};

const NUMBER_WIDTH = 9;
// values get 6 significant digits: with the tutorial's learning rate one step changes the 5th
const VALUE_WIDTH = 11;

/** Column widths for these rows: the layout asks for them to size the panel. */
export function weightsTableWidth(rows: readonly WeightRow[], showCheck: boolean): number {
	const {name, link} = labelWidths(rows);
	return name + 1 + link + VALUE_WIDTH + 1 + 2 * (NUMBER_WIDTH + 1) + (showCheck ? NUMBER_WIDTH + 1 : 0);
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

/** Every weight: its value, last change and gradient; one row selected; scrolls to keep it in view. */
export function WeightsTable({rows, selected, height, showCheck}: WeightsTableProps) {
	const {name, link} = labelWidths(rows);
	const needsScroll = rows.length > height;
	// one line says how many rows are hidden when they do not all fit
	const visible = Math.max(1, needsScroll ? height - 1 : height);
	const start = scrollStart(rows.length, selected, visible);
	const shown = rows.slice(start, start + visible);
	const cell = (text: string) => text.padStart(NUMBER_WIDTH);
	return (
		<Box flexDirection="column">
			<Text dimColor wrap="truncate-end">
				{'weight'.padEnd(name)} {'link'.padEnd(link)} {'value'.padStart(VALUE_WIDTH)} {cell('change')} {cell('gradient')}
				{showCheck ? ` ${cell('check')}` : ''}
			</Text>
			{shown.map((row, k) => {
				const index = start + k;
				const isSelected = index === selected;
				return (
					<Text key={index} inverse={isSelected} wrap="truncate-end">
						{fit(row.name, name).padEnd(name)} {`${row.from} → ${row.to}`.padEnd(link)} {formatNumber(row.value, 6).padStart(VALUE_WIDTH)}{' '}
						{cell(formatSigned(row.change))} {cell(formatNumber(row.gradient))}
						{showCheck ? ` ${cell(row.check === undefined ? '–' : row.check.toExponential(1))}` : ''}
					</Text>
				);
			})}
			{needsScroll ? (
				<Text dimColor>
					{start > 0 ? `↑ ${start} above` : ''}
					{start > 0 && start + visible < rows.length ? ' · ' : ''}
					{start + visible < rows.length ? `↓ ${rows.length - start - visible} below` : ''}
				</Text>
			) : null}
		</Box>
	);
}
