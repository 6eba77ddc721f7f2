import {SamplesPanel, samplesThatFit} from '../components/SamplesPanel.js';
import {panel} from './entry.js';

/** Rows a page of samples holds before the first snapshot says how tall they are. */
const FIRST_PAGE = 8;

export const samplesPanel = panel({
	id: 'samples',
	help: ['Samples', "each sample's inputs, predicted output, target and error."],
	room: 'bottom',
	title: ({snapshot}) => ({title: 'Samples', hint: snapshot.run.sampleCount > 1 ? 'PgUp PgDn · < > follow' : ''}),
	wants: ({snapshot: {run}}) => ({width: 0, lines: run.sampleCount === 1 ? 4 : Math.min(run.sampleCount, 8) + 1}),
	request: (box, {data, state}) => ({
		start: state.sampleStart,
		rows: data && box.height > 0 ? samplesThatFit(data, state.sampleStart, box.height, box.width) : FIRST_PAGE,
	}),
	Body: ({data, state, width, height}) => <SamplesPanel samples={data} start={state.sampleStart} followed={state.sample} width={width} height={height} />,
});
