import {MAX_DRAWN_NEURONS} from '../../session/views/diagram.js';
import {formatCount} from '../../session/format.js';
import {NetworkDiagram} from '../components/NetworkDiagram.js';
import {diagramWidth} from '../diagram.js';
import {panel} from './entry.js';

export const diagramPanel = panel({
	id: 'diagram',
	help: ['Network', "each neuron's activation for one sample, a glyph per incoming weight."],
	room: 'bottom',
	toggle: {keys: 'd', short: 'diagram', long: 'network diagram'},
	title: ({data, state}) => ({title: 'Network', hint: `sample #${formatCount((data?.sample ?? state.sample) + 1)} · d hides`}),
	wants({snapshot: {run}}) {
		// a network too wide to draw is summarised a line a layer
		const drawable = run.layers.every(n => n <= MAX_DRAWN_NEURONS);
		const widest = Math.max(...run.layers);
		// a short panel drops the spacing lines between neurons: a line a neuron and the caption
		return drawable ? {width: diagramWidth(run.layers, run.bias), lines: widest * 2 + 1, minLines: widest + 1} : {width: 60, lines: run.layers.length + 2};
	},
	request: () => ({}),
	Body: ({data, selected, colour, width, height}) => <NetworkDiagram diagram={data} selected={selected} colour={colour} width={width} height={height} />,
});
