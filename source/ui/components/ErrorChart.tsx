import {cyan, darkgray, lightgray, yellow} from 'asciichart';
import {Box, Text} from 'ink';
import {EMPTY_SERIES, type Series} from '../../core/training/history.js';
import type {History, PreviousRun} from '../../session/views/snapshot.js';
import type {LearningRateChange} from '../../core/training/trainer-state.js';
import {formatCount, formatError, formatNumber, formatPredicted, formatRate} from '../../session/format.js';
import {columnOf, fitChart, rangeOf, renderChart, resample, type ChartFrame, type ChartSeries} from '../chart.js';
import {wrapParts} from '../text.js';

export type ChartMode = 'error' | 'output';

export type ErrorChartProps = {
	readonly mode: ChartMode;
	readonly logScale: boolean;
	readonly history: History;
	/** The latest iteration: the axis ends there (or at the previous run's end, when longer). */
	readonly iteration: number;
	readonly previous: PreviousRun | undefined;
	readonly learningRateChanges: readonly LearningRateChange[];
	readonly width: number;
	/** Lines the chart may take, the lines under it included. */
	readonly height: number;
};

/** A curve the chart draws: its colour, its columns for a plot so many columns wide, and its line in the legend. */
type Layer = {readonly color: string; readonly draw: (columns: number) => number[]; readonly legend?: {readonly text: string; readonly color: string}};

/**
 * What the chart draws, in drawing order, the main curve last (on top, its start marked): the previous run, with
 * batches each column's lowest and highest, the test error, the target; and the histories its axis spans.
 */
function layersOf({mode, history, previous}: Pick<ErrorChartProps, 'mode' | 'history' | 'previous'>, axisEnd: number) {
	const own = mode === 'error' ? history.error : history.output;
	const compared = mode === 'error' && previous && previous.error.ends.length > 0 ? previous.error : undefined;
	const test = mode === 'error' && history.test.ends.length > 0 ? history.test : undefined;
	const columns = (series: Series, start: number) => (count: number) => resample(series, start, axisEnd, count);
	const values = (series: Series, start: number) => (count: number) => columns(series, start)(count).map(column => column.value);
	const ownColumns = columns(own, history.start);
	// a batch's error jumps from batch to batch: each column's lowest and highest drawn about its last, so no dip is hidden
	const band = mode === 'error' && history.batchError;
	const layers: Layer[] = [
		...(compared
			? [{color: darkgray, draw: values(compared, 1), legend: {text: `grey: the previous run (${previous!.label}); x clears it`, color: 'gray'}}]
			: []),
		...(band
			? [
					{
						color: lightgray,
						draw: (count: number) => ownColumns(count).map(column => column.min),
						legend: {text: `${compared ? 'light grey' : 'grey'}: each column's range`, color: 'gray'},
					},
					{color: lightgray, draw: (count: number) => ownColumns(count).map(column => column.max)},
				]
			: []),
		...(test
			? [
					{
						color: yellow,
						draw: values(test, history.start),
						legend: {text: `yellow: test error · cyan: ${history.batchError ? 'batch error' : 'error'}`, color: 'yellow'},
					},
				]
			: []),
		...(mode === 'output'
			? [
					{
						color: lightgray,
						draw: (count: number) => ownColumns(count).map(() => history.target),
						legend: {text: `grey: the target ${formatNumber(history.target, 6)}`, color: 'gray'},
					},
				]
			: []),
		{color: cyan, draw: values(own, history.start)},
	];
	return {own, compared, layers, spanned: [own, compared ?? EMPTY_SERIES, test ?? EMPTY_SERIES]};
}

/**
 * The tutorial's two figures, live: the error over the iterations, from the first to the
 * latest (or, with `c`, the predicted output of the first training sample with its
 * target); the test error beside it when samples are held out; the previous run in grey.
 */
export function ErrorChart({mode, logScale, history, iteration, previous, learningRateChanges, width, height}: ErrorChartProps) {
	const axisStart = history.start;
	const axisEnd = Math.max(iteration, axisStart, mode === 'error' ? (previous?.error.ends.at(-1) ?? 0) : 0);
	const {own, compared, layers, spanned} = layersOf({mode, history, previous}, axisEnd);
	const legend = layers.flatMap(({legend}) => (legend ? wrapParts(legend.text, width).map(text => ({...legend, text})) : []));
	const markers = learningRateChanges.filter(change => change.iteration >= axisStart && change.iteration > 0);
	const range = rangeOf(spanned, logScale, mode === 'output' ? [history.target] : []);
	// one iteration draws no curve of its own, but the previous run's can be there beside it
	if ((own.ends.length < 2 && !compared) || !range) {
		return <Text dimColor>{emptyText(own, mode, history)}</Text>;
	}

	const marksOf = (frame: ChartFrame) =>
		markers.length === 0
			? []
			: markerText(
					markers.map(change => ({
						at: frame.labelWidth + 1 + columnOf(change.iteration, axisStart, axisEnd, frame.columns),
						learningRate: change.learningRate,
					})),
					width,
				);
	const draw = (columns: number) => layers.map(layer => layer.draw(columns));
	let seriesHeight = Math.max(2, height - 1 - (markers.length > 0 ? 1 : 0) - legend.length);
	let fitted = fitChart(range, seriesHeight, width, logScale, draw);
	// rates with no room on the marks' line take a line of their own from the curve
	if (fitted && marksOf(fitted.frame).length > 1 && seriesHeight > 2) {
		seriesHeight--;
		fitted = fitChart(range, seriesHeight, width, logScale, draw) ?? fitted;
	}

	if (!fitted) {
		return <Text dimColor>{emptyText(own, mode, history)}</Text>;
	}

	const {frame} = fitted;
	const markerLines = marksOf(frame);
	const series: ChartSeries[] = fitted.values.map((values, k) => ({values, color: layers[k]!.color}));
	return (
		<Box flexDirection="column">
			{/* one text node for the whole plot: Ink measures every node on every frame */}
			<Text wrap="truncate-end">{renderChart(series, frame, logScale).join('\n')}</Text>
			{markerLines.length > 0 ? (
				<Text color="yellow" wrap="truncate-end">
					{markerLines.join('\n')}
				</Text>
			) : null}
			<Text dimColor wrap="truncate-end">
				{`iterations ${formatCount(axisStart)} … ${formatCount(axisEnd)}${logScale ? ' · log' : ''}`}
			</Text>
			{legend.map(line => (
				<Text key={line.text} color={line.color}>
					{line.text}
				</Text>
			))}
		</Box>
	);
}

function emptyText(own: Series, mode: ChartMode, history: History): string {
	if (own.ends.length > 0) {
		return `after iteration ${formatCount(own.ends[0]!)}: ${mode === 'error' ? `error ${formatError(own.lasts[0])}` : `predicted ${formatPredicted(own.lasts[0])}`}; the curve starts with the next iteration`;
	}

	return mode === 'output' && history.error.ends.length > 0
		? 'the first training sample has been in no batch yet'
		: 'no iterations yet: press s to step or space to run';
}

/**
 * A ▲ per learning-rate change at its column, each labelled (`lr 0.0005`, the status line's format) where there is room
 * before the next; the rest after the last mark, or how many; where neither fits, a second line with their rates, or the
 * last and how many.
 */
export function markerText(marks: ReadonlyArray<{at: number; learningRate: number}>, width: number): string[] {
	const cells = Array.from({length: width}, () => ' ');
	const columns = [...new Set(marks.map(mark => Math.min(width - 1, mark.at)))];
	for (const at of columns) {
		cells[at] = '▲';
	}

	const unlabelled: string[] = [];
	for (const [k, at] of columns.entries()) {
		// the last change at this column is the rate from there on
		const rate = formatRate(marks.findLast(mark => Math.min(width - 1, mark.at) === at)!.learningRate);
		const label = `lr ${rate}`;
		const end = (columns[k + 1] ?? width) - 1;
		if (unlabelled.length === 0 && (at + label.length < end || (k === columns.length - 1 && at + label.length < width))) {
			cells.splice(at + 1, label.length, ...label);
		} else {
			unlabelled.push(rate);
		}
	}

	// those with no room beside their mark: their rates in order after the last mark, or how many
	const line = cells.join('').trimEnd();
	const rates = ` lr ${unlabelled.join(', ')}`;
	const count = ` (${unlabelled.length} unlabelled)`;
	if (unlabelled.length === 0 || line.length + rates.length <= width || line.length + count.length <= width) {
		return [unlabelled.length === 0 ? line : line.length + rates.length <= width ? line + rates : line + count];
	}

	const own = `▲ lr ${unlabelled.join(', ')}`;
	const last = `▲ ${unlabelled.length} changes, the last to lr ${unlabelled.at(-1)!}`;
	return [line, own.length <= width ? own : last];
}
