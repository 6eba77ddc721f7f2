import {is} from '../binding.js';
import {SurfacePanel, surfacePixels} from '../components/SurfacePanel.js';
import {surfaceAxesOf} from '../state.js';
import {panel} from './entry.js';

export const surfacePanel = panel({
	id: 'surface',
	help: ['Surface', 'the error over two weights, the path they took, the way down.'],
	room: 'side',
	toggle: {keys: 'E', short: 'surface', long: 'the error surface over two weights'},
	keys: [
		{
			keys: 'a v',
			short: 'axes',
			long: 'error surface: next weight across (a), up (v); A V back',
			match: is('a', 'A', 'v', 'V'),
			refuse: c => (c.shown('surface') ? undefined : 'E opens the error surface first'),
			act(c, input) {
				const axis = input.toLowerCase() === 'a' ? 'a' : 'b';
				c.dispatch({type: 'surfaceAxis', axis, delta: input === input.toLowerCase() ? 1 : -1, total: c.snapshot.run.weightCount});
			},
		},
	],
	title: ({data}) => ({
		title: 'Error surface',
		...(data?.surface && {detail: `${data.surface.names[0]} → ${data.surface.names[1]} ↑`}),
		hint: 'E · a across · v up',
	}),
	wants: () => ({width: 0, lines: 0}),
	request: (box, {state, snapshot, colour}) => ({...surfacePixels(box.width, box.height, colour), ...surfaceAxesOf(state, snapshot.run.weightCount)}),
	Body: ({data, colour, width, height}) => <SurfacePanel surface={data.surface} style={{colour}} lanes={data.lanes} width={width} height={height} />,
});
