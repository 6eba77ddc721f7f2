import {LanesTable} from '../components/LanesTable.js';
import {laneMark} from '../lanes.js';
import {panel} from './entry.js';

export const lanesPanel = panel({
	id: 'lanes',
	help: ['Lanes', 'in a race (--race): each lane, its iteration, error, test error and accuracy; ▶ the lane the other panels show.'],
	room: 'bottom',
	keys: [
		{
			keys: '1-9',
			short: 'lane',
			long: 'in a race: the lane the weights, chain, map and surface show',
			match: (input, key) => !key.ctrl && !key.meta && /^[1-9]$/.test(input),
			act(c, input) {
				const lane = Number(input) - 1;
				const lanes = c.snapshot.race?.lanes.length ?? 0;
				if (lane < lanes) {
					c.send({type: 'lane', lane}, `showing lane ${laneMark(lane)}`);
				} else {
					c.dispatch({type: 'say', text: lanes > 0 ? `there are ${lanes} lanes: keys 1 to ${lanes}` : 'one run: --race "FLAGS" twice or more races lanes'});
				}
			},
			race: true,
		},
	],
	title: ({data, snapshot}) => ({
		title: 'Lanes',
		hint: `1–${snapshot.race?.lanes.length ?? data?.rows.length ?? 2} show`,
	}),
	// the samples' place in a race: as wide as the room gives, its columns fitted to it
	wants: ({snapshot}) => ({width: 0, lines: (snapshot.race?.lanes.length ?? 2) + 1}),
	request: () => ({}),
	Body: ({data, width}) => <LanesTable data={data} width={width} />,
});
