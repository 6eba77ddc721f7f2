import {formatCount} from '../../session/format.js';
import {visibleWeightRows, WeightsTable, weightsTableWidth} from '../components/WeightsTable.js';
import {panel} from './entry.js';

const showCheck = (rows: ReadonlyArray<{check: number | undefined}> | undefined) => rows?.some(row => row.check !== undefined) ?? false;

export const weightsPanel = panel({
	id: 'weights',
	help: ['Weights', 'each weight (the tutorial’s W11 to W42): value, last change, gradient.'],
	room: 'left',
	title({snapshot: {check}}) {
		const hint =
			check?.state === 'done'
				? `g check: largest ${check.worst.relativeDifference.toExponential(1)}`
				: check
					? `checking ${formatCount(check.checked)} / ${formatCount(check.of)}, any key cancels`
					: '↑↓ select';
		return {title: 'Weights', hint};
	},
	wants: ({data}) => ({width: data ? weightsTableWidth(data, showCheck(data.rows)) : 0, lines: 0}),
	// the header takes a line
	request: (box, {snapshot, state}) => ({start: state.selected, rows: visibleWeightRows(snapshot.run.weightCount, box.height - 1)}),
	Body: ({data, state, width, height}) => (
		<WeightsTable weights={data} selected={state.selected} height={height - 1} showCheck={showCheck(data.rows)} width={width} />
	),
});
