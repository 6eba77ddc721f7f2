import {formatCount} from '../../session/format.js';
import {is} from '../binding.js';
import {DigitsPanel} from '../components/DigitsPanel.js';
import {panel} from './entry.js';

export const digitsPanel = panel({
	id: 'digits',
	help: ['Digits', 'with image data: the followed sample as a picture, the class predicted and each output.'],
	room: 'side',
	needs: 'image data with classes: --preset mnist',
	toggle: {keys: 'i', short: 'digits', long: 'the followed sample as a picture'},
	keys: [
		{
			keys: '{ }',
			short: 'wrong',
			long: 'digits: the previous / next sample the network gets wrong (< > every sample)',
			match: is('{', '}'),
			act(c, input) {
				const wrong = c.snapshot.panels.digits?.wrong;
				const to = input === '{' ? wrong?.previous : wrong?.next;
				if (to === undefined) {
					c.dispatch({type: 'say', text: 'the network gets every sample right'});
					return;
				}

				c.dispatch({type: 'sample', delta: to - c.state.sample, total: c.snapshot.run.sampleCount});
			},
		},
	],
	title: ({data, state}) => ({title: 'Digits', detail: `sample #${formatCount((data?.sample ?? state.sample) + 1)}`, hint: 'i · < > · { } wrong'}),
	wants: ({data}) => ({width: (data?.width ?? 28) + 20, lines: Math.ceil((data?.height ?? 28) / 2) + 1}),
	request: () => ({}),
	Body: ({data, colour, width, height}) => <DigitsPanel data={data} colour={colour} width={width} height={height} />,
});
