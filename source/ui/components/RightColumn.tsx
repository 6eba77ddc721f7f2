import {Box} from 'ink';
import {formatCount} from '../../session/format.js';
import {ErrorChart} from './ErrorChart.js';
import {inner, type ColumnProps} from './LeftColumn.js';
import {MapPanel} from './MapPanel.js';
import {NetworkDiagram} from './NetworkDiagram.js';
import {Panel} from './Panel.js';
import {SamplesPanel} from './SamplesPanel.js';

/** The chart (or, in a small window, the map) over the samples, the diagram and, in a roomy one, the map. */
export function RightColumn({snapshot, state, screen, colour}: ColumnProps) {
	const {layout} = screen;
	if (layout.tooSmall) {
		return null;
	}

	const {run, status} = snapshot;
	const map =
		snapshot.map && layout.map.width > 0 ? (
			<Panel title={snapshot.map.neurons ? `Neurons of hidden layer ${snapshot.map.neurons.layer}` : 'Map'} hint="m · D classes · L layers" {...layout.map}>
				<MapPanel
					map={snapshot.map}
					style={{colour, discrete: state.discrete}}
					marked={screen.selected && {layer: screen.selected.layer + 1, neuron: screen.selected.row}}
					layers={run.layers}
					{...inner(layout.map)}
				/>
			</Panel>
		) : null;
	return (
		<Box
			flexDirection="column"
			width={layout.chart.width || layout.map.width || layout.samples.width + (layout.arrangement === 'row' ? layout.diagram.width : 0)}
		>
			{layout.chart.width > 0 ? (
				<Panel
					title={state.chart === 'error' ? 'Error' : 'Predicted and target'}
					hint={`${state.logScale ? 'log scale · ' : ''}l log · c ${state.chart === 'error' ? 'output' : 'error'}`}
					{...layout.chart}
				>
					<ErrorChart
						mode={state.chart}
						logScale={state.logScale}
						history={snapshot.history}
						iteration={status.iteration}
						previous={snapshot.previous}
						learningRateChanges={status.learningRateChanges}
						{...inner(layout.chart)}
					/>
				</Panel>
			) : null}
			{layout.mapPlace === 'top' ? map : null}
			<Box>
				<Box flexDirection={layout.arrangement}>
					{layout.samples.width > 0 ? (
						<Panel title="Samples" hint={snapshot.samples.total > 1 ? 'PgUp PgDn · < > follow' : ''} {...layout.samples}>
							<SamplesPanel samples={snapshot.samples} start={state.sampleStart} followed={state.sample} {...inner(layout.samples)} />
						</Panel>
					) : null}
					{layout.diagram.width > 0 ? (
						<Panel title="Network" hint={`sample #${formatCount(snapshot.diagram.sample + 1)} · d hides`} {...layout.diagram}>
							<NetworkDiagram diagram={snapshot.diagram} selected={screen.selected} colour={colour} {...inner(layout.diagram)} />
						</Panel>
					) : null}
				</Box>
				{layout.mapPlace === 'bottom' ? map : null}
			</Box>
		</Box>
	);
}
