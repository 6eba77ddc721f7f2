import {Box, Text} from 'ink';
import type {MapData} from '../../session/views/map.js';
import {neuronName} from '../../core/names.js';
import {drawFit, drawGrid, mapFooter, type MapStyle} from '../map.js';
import {marksOf} from '../map-marks.js';
import {THUMBNAIL_GAP, thumbnailFit} from '../map-thumbnails.js';
import {wrapText} from '../text.js';

export type MapPanelProps = {
	readonly map: MapData;
	readonly style: MapStyle;
	/** The layer of the selected weight's receiving neuron and its index: marked among the thumbnails. */
	readonly marked: {readonly layer: number; readonly neuron: number} | undefined;
	readonly layers: readonly number[];
	readonly width: number;
	readonly height: number;
};

/** The network's output over the input plane with the samples on it; or, with `L`, each neuron of a hidden layer. */
export function MapPanel({map, style, marked, layers, width, height}: MapPanelProps) {
	if (map.neurons) {
		const footer = neuronsFooter(map, layers, marked, width, style);
		return (
			<Box flexDirection="column">
				<Thumbnails map={map} style={style} marked={marked} layers={layers} width={width} height={height - footer.length} />
				<Footer lines={footer} />
			</Box>
		);
	}

	const marks = map.x2 ? marksOf(map.points, map, map.output.columns, Math.floor(map.output.rows / 2)) : undefined;
	const footer = mapFooter(map, width, style.colour, style.discrete, marks);
	const grid = marks ? drawGrid(map.output, map, style, marks.cells) : drawFit(map, height - footer.length, style);
	// the grid was asked for with the last snapshot's footer: where this one is longer, its last lines give way, never a line drawn over another
	return (
		<Box flexDirection="column">
			<Text>{grid.join('\n')}</Text>
			<Footer lines={footer.slice(0, Math.max(0, height - grid.length))} />
		</Box>
	);
}

/** Under the neurons' maps: the axes, the colours, and which is the selected weight's neuron when it is among them. */
export function neuronsFooter(map: MapData, layers: readonly number[], marked: MapPanelProps['marked'], width: number, style: MapStyle): string[] {
	const layer = map.neurons?.layer;
	const selected = marked && marked.layer === layer ? wrapText(`[${neuronName(layers, marked.layer, marked.neuron)}] ← selected weight`, width) : [];
	return [...mapFooter(map, width, style.colour, style.discrete), ...selected];
}

function Footer({lines}: {readonly lines: readonly string[]}) {
	return lines.map(line => (
		<Text key={line} dimColor>
			{line}
		</Text>
	));
}

/** Each neuron's map under its name (the weights table's), as many a row as fit. */
function Thumbnails({map, style, marked, layers, width, height}: MapPanelProps) {
	const {neurons} = map;
	if (!neurons) {
		return null;
	}

	const side = neurons.grids[0]!.columns;
	const {perRow} = thumbnailFit(neurons.grids.length, width, height);
	const rows: Array<typeof neurons.grids> = [];
	for (let k = 0; k < neurons.grids.length; k += perRow) {
		rows.push(neurons.grids.slice(k, k + perRow));
	}

	const linesPerRow = neurons.grids[0]!.rows / 2 + 1;
	// all of them where they fit, else as many rows as leave a line to say how many are not shown
	const shownRows = rows.length * linesPerRow <= height ? rows : rows.slice(0, Math.max(1, Math.floor((height - 1) / linesPerRow)));
	const gap = ' '.repeat(THUMBNAIL_GAP);
	return (
		<Box flexDirection="column">
			{shownRows.map((grids, r) => {
				const drawn = grids.map(grid => drawGrid(grid, map, style, new Map(), neurons.range, false));
				const names = grids.map((_, k) => {
					const j = r * perRow + k;
					const name = neuronName(layers, neurons.layer, j);
					return (marked?.layer === neurons.layer && marked.neuron === j ? `[${name}]` : name).padEnd(side + THUMBNAIL_GAP);
				});
				return (
					<Box key={r} flexDirection="column">
						<Text bold>{names.join('').trimEnd()}</Text>
						<Text>{drawn[0]!.map((_, line) => drawn.map(lines => lines[line]!).join(gap)).join('\n')}</Text>
					</Box>
				);
			})}
			{shownRows.length < rows.length ? (
				<Text dimColor>{`${neurons.grids.length - shownRows.length * perRow} more neurons: a taller window shows them`}</Text>
			) : null}
		</Box>
	);
}
