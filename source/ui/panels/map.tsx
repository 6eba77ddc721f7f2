import {is} from '../binding.js';
import {MapPanel} from '../components/MapPanel.js';
import {mapFooter} from '../map.js';
import {panel} from './entry.js';

export const mapPanel = panel({
	id: 'map',
	help: ['Map', 'with 2-D data: the output over the input plane, the samples on it.'],
	room: 'side',
	toggle: {keys: 'm', short: 'map', long: 'the map of the output over the inputs'},
	keys: [
		{keys: 'D', short: 'classes', long: 'map: colours by class (discretize)', match: is('D'), act: c => c.dispatch({type: 'toggle', what: 'discrete'})},
		{
			keys: 'L',
			short: 'layer',
			long: "map: each neuron's map, layer by layer",
			match: is('L'),
			act: c => c.dispatch({type: 'mapLayer', layers: c.snapshot.run.layers.length - 1}),
		},
	],
	title: ({data}) => ({title: data?.neurons ? `Neurons of hidden layer ${data.neurons.layer}` : 'Map', hint: 'm · D classes · L layers'}),
	wants: () => ({width: 0, lines: 0}),
	request(box, {data, state, snapshot, colour}) {
		// its size in pixels: two a character down (half blocks), its lines less the footer's, whose length depends
		// on the map's ranges: the last snapshot's are close enough
		const footer = data ? mapFooter(data, box.width, colour).length : 2;
		return {columns: box.width, rows: 2 * (box.height - footer), layer: Math.min(state.mapLayer, snapshot.run.layers.length - 2)};
	},
	Body: ({data, state, colour, selected, snapshot, width, height}) => (
		<MapPanel
			map={data}
			style={{colour, discrete: state.discrete}}
			marked={selected && {layer: selected.layer + 1, neuron: selected.row}}
			layers={snapshot.run.layers}
			width={width}
			height={height}
		/>
	),
});
