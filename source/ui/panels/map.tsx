import {is, type KeyContext} from '../binding.js';
import {MapPanel, neuronsFooter} from '../components/MapPanel.js';
import {mapFooter} from '../map.js';
import {marksOf} from '../map-marks.js';
import {thumbnailFit} from '../map-thumbnails.js';
import {neuronName} from '../../core/names.js';
import type {WeightRow} from '../../session/views/weights.js';
import {panel} from './entry.js';

/** `Neurons h1.1 … h1.8`: the names the weights table gives the layer's neurons, short enough for a narrow panel. */
function neuronsTitle(layers: readonly number[], layer: number): string {
	const count = layers[layer]!;
	return count === 1 ? `Neuron ${neuronName(layers, layer, 0)}` : `Neurons ${neuronName(layers, layer, 0)} … ${neuronName(layers, layer, count - 1)}`;
}

/** Why a key of the map's colours cannot act: the map hidden, or a curve over one input. */
function overPlane(c: KeyContext, what: string): string | undefined {
	if (!c.shown('map')) {
		return 'the map is hidden: m shows it';
	}

	return c.snapshot.panels.map?.x2 === undefined ? `${what}: this run has one input, its map is a curve` : undefined;
}

/** The selected weight's receiving neuron: marked among a layer's maps. */
const markedOf = (selected: WeightRow | undefined) => selected && {layer: selected.layer + 1, neuron: selected.row};

export const mapPanel = panel({
	id: 'map',
	help: ['Map', 'with 2-D data: the output over the input plane, the samples on it.'],
	room: 'side',
	needs: 'one or two inputs: --preset xor, circle or sine',
	toggle: {keys: 'm', short: 'map', long: 'the map of the output over the inputs'},
	keys: [
		{
			keys: 'D',
			short: 'classes',
			long: 'map: colours by class (discretize)',
			match: is('D'),
			refuse: c =>
				overPlane(c, 'D colours by class a map over two inputs') ??
				(c.snapshot.run.classes ? undefined : "D colours the map by class: this run's targets are numbers, not classes"),
			act: c => c.dispatch({type: 'toggle', what: 'discrete'}),
		},
		{
			keys: 'L',
			short: 'layer',
			long: "map: each neuron's map, layer by layer",
			match: is('L'),
			refuse: c => overPlane(c, "L shows each neuron's map over two inputs"),
			act: c => c.dispatch({type: 'mapLayer', layers: c.snapshot.run.layers.length - 1}),
		},
	],
	title: ({data, snapshot}) => ({
		title: data?.neurons ? neuronsTitle(snapshot.run.layers, data.neurons.layer) : 'Map',
		// only the keys that act on this map: D on classes over two inputs, L over two inputs
		hint: ['m', ...(snapshot.run.layers[0] === 2 ? [...(snapshot.run.classes ? ['D classes'] : []), 'L layers'] : [])].join(' · '),
	}),
	wants: () => ({width: 0, lines: 0}),
	request(box, {data, state, snapshot, colour, selected}) {
		// its size in pixels: two a character down (half blocks), its lines less the footer's, whose length depends
		// on the map's ranges and the samples' crowding: the last snapshot's are close enough
		const marks = data?.x2 ? marksOf(data.points, data, data.output.columns, Math.floor(data.output.rows / 2)) : undefined;
		const footer = data ? mapFooter(data, box.width, colour, state.discrete, marks).length : 3;
		const layer = Math.min(state.mapLayer, snapshot.run.layers.length - 2);
		// each neuron's map as large as lets the whole layer fit under the axes, colours and selected lines
		const below = data
			? neuronsFooter({...data, neurons: {layer, grids: [], range: [0, 1]}}, snapshot.run.layers, markedOf(selected), box.width, {colour, discrete: false})
			: [];
		const thumbnail = layer > 0 ? thumbnailFit(snapshot.run.layers[layer]!, box.width, box.height - below.length).side : undefined;
		return {columns: box.width, rows: 2 * (box.height - footer), layer, ...(thumbnail ? {thumbnail} : {})};
	},
	Body: ({data, state, colour, selected, snapshot, width, height}) => (
		<MapPanel map={data} style={{colour, discrete: state.discrete}} marked={markedOf(selected)} layers={snapshot.run.layers} width={width} height={height} />
	),
});
