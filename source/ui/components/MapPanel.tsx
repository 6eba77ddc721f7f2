import {Box, Text} from 'ink';
import type {MapData} from '../../session/views/map.js';
import {neuronName} from '../../core/names.js';
import {drawFit, drawGrid, mapFooter, type MapStyle} from '../map.js';

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
	const footer = mapFooter(map, width, style.colour, style.discrete);
	const room = height - footer.length;
	return (
		<Box flexDirection="column">
			{map.neurons ? (
				<Thumbnails map={map} style={style} marked={marked} layers={layers} width={width} height={room} />
			) : (
				<Text>{(map.x2 ? drawGrid(map.output, map, style, map.points) : drawFit(map, room, style)).join('\n')}</Text>
			)}
			{footer.map(line => (
				<Text key={line} dimColor>
					{line}
				</Text>
			))}
		</Box>
	);
}

function Thumbnails({map, style, marked, layers, width, height}: MapPanelProps) {
	const {neurons} = map;
	if (!neurons) {
		return null;
	}

	const cell = neurons.grids[0]!.columns + 2;
	const perRow = Math.max(1, Math.floor(width / cell));
	const rows: Array<typeof neurons.grids> = [];
	for (let k = 0; k < neurons.grids.length; k += perRow) {
		rows.push(neurons.grids.slice(k, k + perRow));
	}

	const linesPerRow = neurons.grids[0]!.rows / 2 + 1;
	const shownRows = rows.slice(0, Math.max(1, Math.floor(height / linesPerRow)));
	return (
		<Box flexDirection="column">
			{shownRows.map((grids, r) => {
				const drawn = grids.map(grid => drawGrid(grid, map, style, [], neurons.range, false));
				const names = grids.map((_, k) => {
					const j = r * perRow + k;
					const name = neuronName(layers, neurons.layer, j);
					return (marked?.layer === neurons.layer && marked.neuron === j ? `[${name}]` : name).padEnd(cell);
				});
				return (
					<Box key={r} flexDirection="column">
						<Text bold>{names.join('')}</Text>
						<Text>{drawn[0]!.map((_, line) => drawn.map(lines => `${lines[line]!}  `).join('')).join('\n')}</Text>
					</Box>
				);
			})}
			{shownRows.length < rows.length ? (
				<Text dimColor>{`${neurons.grids.length - shownRows.length * perRow} more neurons: a taller window shows them`}</Text>
			) : null}
		</Box>
	);
}
