import {is} from '../binding.js';
import {ConfusionPanel} from '../components/ConfusionPanel.js';
import {panel} from './entry.js';

export const confusionPanel = panel({
	id: 'confusion',
	help: ['Confusion', 'with classes: counts of samples by true class (rows) and predicted class (columns), the diagonal right.'],
	room: 'side',
	needs: 'class targets (one-hot): --preset iris, xor, circle or mnist',
	toggle: {keys: 'C', short: 'confusion', long: 'the confusion matrix of the classes'},
	keys: [
		{
			keys: 't',
			short: 'train/test',
			long: 'confusion matrix: the training samples or the test samples',
			match: is('t'),
			refuse: c =>
				c.snapshot.run.testCount === 0
					? 'no test samples to count: --test holds some out'
					: c.shown('confusion')
						? undefined
						: 'C shows the confusion matrix first',
			act: c => c.dispatch({type: 'toggle', what: 'confusionTest'}),
		},
	],
	title: ({data, state, snapshot}) => ({
		title: 'Confusion',
		detail: (data?.test ?? (state.confusionTest && snapshot.run.testCount > 0)) ? 'test' : 'training',
		hint: snapshot.run.testCount > 0 ? 'C · t train/test' : 'C',
	}),
	wants: ({data}) => ({width: 0, lines: (data?.classes.length ?? 2) + 3}),
	request: (_box, {state}) => ({test: state.confusionTest}),
	Body: ({data, colour, width, height}) => <ConfusionPanel data={data} colour={colour} width={width} height={height} />,
});
