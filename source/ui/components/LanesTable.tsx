import {Box, Text} from 'ink';
import type {LaneRow, LanesData} from '../../session/views/lanes.js';
import {formatCount, formatError, formatPercent} from '../../session/format.js';
import {laneColour, laneMark} from '../lanes.js';

type Column = {readonly title: string; readonly cell: (row: LaneRow) => string};

/** The table's columns for these lanes: test error and accuracies only where the run has them, the state where a lane has ended. */
export function laneColumns(data: LanesData): Column[] {
	const {rows} = data;
	const some = (value: (row: LaneRow) => unknown) => rows.some(row => value(row) !== undefined);
	return [
		{title: 'iteration', cell: row => formatCount(row.iteration)},
		{title: data.batchError ? 'batch error' : 'error', cell: row => formatError(row.error)},
		...(some(row => row.testError) ? [{title: 'test error', cell: (row: LaneRow) => formatError(row.testError)}] : []),
		...(some(row => row.accuracy) ? [{title: 'accuracy', cell: (row: LaneRow) => (row.accuracy === undefined ? '–' : formatPercent(row.accuracy))}] : []),
		...(some(row => row.testAccuracy)
			? [{title: 'test acc.', cell: (row: LaneRow) => (row.testAccuracy === undefined ? '–' : formatPercent(row.testAccuracy))}]
			: []),
		...(rows.some(row => row.state !== 'training') ? [{title: 'state', cell: (row: LaneRow) => (row.state === 'training' ? '' : row.state)}] : []),
	];
}

/** Each lane's name as the first column shows it: its mark (its key), then its flags' words. */
const nameOf = (row: LaneRow, lane: number) => `${laneMark(lane)} ${row.label}`;

/**
 * The table's lines as text: a header, then a row a lane, the columns right-aligned, two
 * spaces apart; the shown lane marked ▶. Narrower than the table, the last columns give way
 * (down to iteration and error), then the iteration (the status line says it), then the
 * lanes' names (their numbers stay: the chart's legend names them).
 */
export function laneLines(data: LanesData, width = Number.POSITIVE_INFINITY): string[] {
	const all = laneColumns(data);
	const [iteration, error] = all as [Column, Column];
	const tries: Array<[Column[], boolean]> = [
		...all.slice(1).map((_, k): [Column[], boolean] => [all.slice(0, all.length - k), true]),
		[[error], true],
		[[iteration, error], false],
		[[error], false],
	];
	const fits = (lines: readonly string[]) => Math.max(...lines.map(line => line.length)) <= width;
	return tries.map(([columns, named]) => tableLines(data, columns, named)).find(lines => fits(lines)) ?? tableLines(data, [error], false);
}

function tableLines(data: LanesData, columns: readonly Column[], named: boolean): string[] {
	const names = data.rows.map((row, lane) => (named ? nameOf(row, lane) : laneMark(lane)));
	const nameWidth = Math.max(4, ...names.map(name => name.length));
	const widths = columns.map(column => Math.max(column.title.length, ...data.rows.map(row => column.cell(row).length)));
	const line = (mark: string, name: string, cells: readonly string[]) =>
		`${mark} ${name.padEnd(nameWidth)}${cells.map((cell, k) => `  ${cell.padStart(widths[k]!)}`).join('')}`.trimEnd();
	return [
		line(
			' ',
			'lane',
			columns.map(column => column.title),
		),
		...data.rows.map((row, lane) =>
			line(
				lane === data.selected ? '▶' : ' ',
				names[lane]!,
				columns.map(column => column.cell(row)),
			),
		),
	];
}

/** The lanes of a race: where each stands and how well it does; the lane the other panels show marked ▶. */
export function LanesTable({data, width}: {readonly data: LanesData; readonly width?: number}) {
	const lines = laneLines(data, width);
	return (
		<Box flexDirection="column">
			<Text bold>{lines[0]}</Text>
			{lines.slice(1).map((line, lane) => (
				<Text key={lane} color={laneColour(lane).text} bold={lane === data.selected}>
					{line}
				</Text>
			))}
		</Box>
	);
}
