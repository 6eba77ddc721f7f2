import {formatCount} from '../../session/format.js';
import {is} from '../binding.js';
import {ErrorChart} from '../components/ErrorChart.js';
import {RaceChart} from '../components/RaceChart.js';
import {panel} from './entry.js';

export const chartPanel = panel({
	id: 'chart',
	help: ['Chart', 'the error from the first iteration to the latest; c: predicted output.'],
	room: 'top',
	keys: [
		{keys: 'l', short: 'log', long: 'log scale', match: is('l'), act: c => c.dispatch({type: 'toggle', what: 'logScale'})},
		{keys: 'c', short: 'chart', long: 'error / output chart', match: is('c'), act: c => c.dispatch({type: 'toggle', what: 'chart'})},
	],
	title: ({state, snapshot}) => ({
		title: state.chart === 'error' ? 'Error' : 'Predicted and target',
		// the output chart follows one sample: the first training sample
		...(state.chart === 'output' && {detail: `sample #${formatCount(snapshot.history.outputSample + 1)}`}),
		hint: `${state.logScale ? 'log scale · ' : ''}l log · c ${state.chart === 'error' ? 'output' : 'error'}`,
	}),
	wants: () => ({width: 0, lines: 0}),
	Body: ({snapshot, state, width, height}) =>
		// a race: every lane's error on the one chart (c shows the shown lane's output)
		snapshot.race && state.chart === 'error' ? (
			<RaceChart
				race={snapshot.race}
				start={snapshot.history.start}
				iteration={snapshot.status.iteration}
				logScale={state.logScale}
				width={width}
				height={height}
			/>
		) : (
			<ErrorChart
				mode={state.chart}
				logScale={state.logScale}
				history={snapshot.history}
				iteration={snapshot.status.iteration}
				previous={snapshot.previous}
				learningRateChanges={snapshot.status.learningRateChanges}
				width={width}
				height={height}
			/>
		),
});
