import {Box, Text} from 'ink';
import type {RaceStatus} from '../../session/views/lanes.js';
import {formatCount, formatError} from '../../session/format.js';
import {fitChart, rangeOf, renderChart, resample, type ChartFrame} from '../chart.js';
import {laneColour, laneMark, markColumns, overlayAt} from '../lanes.js';

export type RaceChartProps = {
	readonly race: RaceStatus;
	/** The first iteration recorded, and the latest: the axis spans them. */
	readonly start: number;
	readonly iteration: number;
	readonly logScale: boolean;
	readonly width: number;
	/** Lines the chart may take, the lines under it included. */
	readonly height: number;
};

/** The legend's lines: each lane's mark, name and latest error, as many to a line as fit. */
export function raceLegend(race: RaceStatus, width: number): Array<Array<{lane: number; text: string}>> {
	const lines: Array<Array<{lane: number; text: string}>> = [];
	let used = width;
	for (const [lane, {label, error}] of race.lanes.entries()) {
		const value = formatError(error.lasts.at(-1));
		const whole = `${lane === race.selected ? '▶' : ''}${laneMark(lane)} ${label}: ${value}`;
		// a name too long for the line gives way, never the number
		const text = whole.length <= width ? whole : `${laneMark(lane)}: ${value}`;
		if (used + 3 + text.length > width) {
			lines.push([]);
			used = -3;
		}

		lines.at(-1)!.push({lane, text});
		used += 3 + text.length;
	}

	return lines;
}

/** Under the axis: its span and, where it fits, what the legend's numbers are. */
const axisLine = (span: string, width: number) => (span.length + 17 <= width ? `${span} · error by lane` : span);

/** Each lane's mark on its curve: the row its value is drawn on, at the columns markColumns chooses. */
function markLanes(lines: string[], frame: ChartFrame, values: ReadonlyArray<readonly number[]>, order: readonly number[], logScale: boolean): string[] {
	const marked = [...lines];
	const {min, max} = frame.range;
	for (const [k, lane] of order.entries()) {
		const series = values[k]!;
		for (const column of markColumns(lane, order.length, series.length, frame.columns)) {
			const value = series[column]!;
			if (!Number.isFinite(value) || (logScale && value <= 0)) {
				continue;
			}

			const v = logScale ? Math.log10(value) : value;
			const row = frame.flat ? Math.floor(frame.rows / 2) : frame.rows - Math.round((v - min) * (frame.rows / (max - min)));
			marked[row] = overlayAt(marked[row]!, frame.labelWidth + 1 + column, laneMark(lane), laneColour(lane).chart);
		}
	}

	return marked;
}

/**
 * The lanes of a race on one chart: every lane's error from the first iteration to the
 * latest, each in a colour of its own and marked along its curve with its number (so that
 * the lanes tell apart without colour); the shown lane drawn last, on top.
 */
export function RaceChart({race, start, iteration, logScale, width, height}: RaceChartProps) {
	const legend = raceLegend(race, width);
	const order = [...race.lanes.keys()].filter(lane => lane !== race.selected).concat(race.selected);
	const axisEnd = Math.max(iteration, start, ...race.lanes.map(lane => lane.error.ends.at(-1) ?? 0));
	const range = rangeOf(
		race.lanes.map(lane => lane.error),
		logScale,
	);
	if (!range || race.lanes.every(lane => lane.error.ends.length < 2)) {
		return <Text dimColor>no iterations yet: press s to step every lane or space to run</Text>;
	}

	const draw = (columns: number) => order.map(lane => resample(race.lanes[lane]!.error, start, axisEnd, columns).map(column => column.value));
	const fitted = fitChart(range, Math.max(2, height - 1 - legend.length), width, logScale, draw);
	if (!fitted) {
		return <Text dimColor>no finite error to draw yet</Text>;
	}

	const lines = renderChart(
		fitted.values.map((values, k) => ({values, color: laneColour(order[k]!).chart})),
		fitted.frame,
		logScale,
	);
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">{markLanes(lines, fitted.frame, fitted.values, order, logScale).join('\n')}</Text>
			<Text dimColor wrap="truncate-end">
				{axisLine(`iterations ${formatCount(start)} … ${formatCount(axisEnd)}${logScale ? ' · log' : ''}`, width)}
			</Text>
			{legend.map((line, k) => (
				<Text key={k} wrap="truncate-end">
					{line.map((item, j) => (
						<Text key={item.lane} color={laneColour(item.lane).text} bold={item.lane === race.selected}>
							{`${j > 0 ? ' · ' : ''}${item.text}`}
						</Text>
					))}
				</Text>
			))}
		</Box>
	);
}
