import {Box, Text} from 'ink';
import {darkgray, yellow, cyan} from 'asciichart';
import {LABEL_WIDTH, renderChart} from '../chart.js';
import {formatCount, formatNumber} from '../format.js';

export type ChartMode = 'error' | 'output';

export type ErrorChartProps = {
	readonly mode: ChartMode;
	readonly logScale: boolean;
	/** This run's values, one per column (already resampled to the plot's width). */
	readonly current: readonly number[];
	/** The previous run's curve on the same axis (error chart only), drawn dimmer, with what it was. */
	readonly previous?: {readonly values: readonly number[]; readonly seed: number; readonly learningRate: number};
	/** The target: a flat second line on the output chart. */
	readonly target?: number;
	readonly axisStart: number;
	readonly axisEnd: number;
	/** Columns (0-based, within the plot) at which the learning rate changed, with the new rate. */
	readonly markers: ReadonlyArray<{readonly column: number; readonly learningRate: number}>;
	/** Lines the chart may take, the range lines under it included. */
	readonly height: number;
};

/**
 * The tutorial's two figures, live: the error over the iterations (or, with `c`, the
 * predicted output and the target), with the iteration range under it.
 */
export function ErrorChart({mode, logScale, current, previous, target, axisStart, axisEnd, markers, height}: ErrorChartProps) {
	const extraLines = 1 + (markers.length > 0 ? 1 : 0) + (previous ? 1 : 0);
	const series = [
		...(previous && previous.values.length > 0 ? [{values: previous.values, color: darkgray}] : []),
		...(target === undefined ? [] : [{values: current.map(() => target), color: yellow}]),
		{values: current, color: cyan},
	];
	// one point has no range to draw: asciichart would label it 0
	const lines = current.length > 1 ? renderChart(series, Math.max(2, height - extraLines), logScale) : undefined;
	const range = `iterations ${formatCount(axisStart)} … ${formatCount(axisEnd)}`;
	let markerLine = '';
	for (const {column, learningRate} of markers) {
		const at = LABEL_WIDTH + 1 + column;
		if (at >= markerLine.length) {
			markerLine = markerLine.padEnd(at) + `▲lr ${formatNumber(learningRate, 3)}`;
		}
	}

	return (
		<Box flexDirection="column">
			{lines ? (
				// one text node for the whole plot: Ink measures every node on every frame
				<Text wrap="truncate-end">{lines.join('\n')}</Text>
			) : (
				<Text dimColor>
					{current.length === 1
						? `after one iteration: ${formatNumber(current[0]!, 6)}; the curve starts at the second`
						: 'no iterations yet: press s to step or space to run'}
				</Text>
			)}
			{markers.length > 0 ? (
				<Text color="yellow" wrap="truncate-end">
					{markerLine}
				</Text>
			) : null}
			{current.length > 1 ? (
				<Text dimColor wrap="truncate-end">
					{range}
				</Text>
			) : null}
			{previous ? (
				<Text color="gray" wrap="truncate-end">
					grey: the previous run (seed {previous.seed}, lr {previous.learningRate}); x clears it
				</Text>
			) : null}
		</Box>
	);
}
