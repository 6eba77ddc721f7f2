import type {Snapshot, WeightRow} from '../session/views/snapshot.js';
import type {MapRequest} from '../session/views/map.js';
import type {View} from '../session/views/snapshot.js';
import {formatCount} from '../session/format.js';
import {weightsTableWidth, visibleWeightRows} from './components/WeightsTable.js';
import {phaseLines} from './components/PhaseLine.js';
import {samplesThatFit} from './components/SamplesPanel.js';
import {diagramWidth} from './diagram.js';
import {computeLayout, PANEL_CHROME, type Layout} from './layout.js';
import {mapFooter} from './map.js';
import type {DashboardState} from './state.js';

/** Everything the App draws that is worked out rather than given: the layout, and what to ask the session for. */
export type Screen = {
	readonly layout: Layout;
	/** What the session should put in its snapshots for this screen. */
	readonly view: View;
	readonly selected: WeightRow | undefined;
	/** Samples a page of the samples panel holds. */
	readonly samplePage: number;
	readonly chainLines: number;
	/** Which sample of the batch the chain is of, when there are several. */
	readonly sampleLabel: string | undefined;
};

/** Lines the chain panel wants: its factors, the product, and what several samples, a penalty, an optimizer or a check add. */
function chainLines(snapshot: Snapshot): number {
	const {chain, check} = snapshot;
	if (!chain) {
		return 1;
	}

	return (
		chain.factors.length +
		2 +
		(chain.products.length > 1 ? 3 : 0) +
		(chain.penalty ? 2 : 0) +
		chain.steps.length +
		(check?.state === 'done' ? 1 : 0) +
		(chain.form === 'backpropagated' ? 1 : 0)
	);
}

export function screenOf(snapshot: Snapshot, state: DashboardState, columns: number, rows: number, colour: boolean): Screen {
	const {weights, samples, run, diagram} = snapshot;
	const showCheck = weights.rows.some(row => row.check !== undefined);
	const sampleLines = samples.total === 1 ? 4 : Math.min(samples.total, 8) + 1;
	const layout = computeLayout({
		columns,
		rows,
		weightsWidth: weightsTableWidth(weights, showCheck),
		chainLines: chainLines(snapshot),
		sampleLines,
		diagram:
			diagram.weights.length > 0
				? {width: diagramWidth(run.layers, run.bias), lines: Math.max(...run.layers) * 2 + 1}
				: {width: 60, lines: run.layers.length + 2},
		diagramChoice: state.diagram,
		mapAvailable: snapshot.mapAvailable,
		mapChoice: state.map,
		phaseLines: phaseLines(snapshot.phase, columns),
	});
	const weightRows = layout.tooSmall ? 16 : visibleWeightRows(weights.total, layout.weights.height - PANEL_CHROME - 1);
	const samplePage =
		layout.tooSmall || layout.samples.height === 0
			? 8
			: samplesThatFit(samples, state.sampleStart, layout.samples.height - PANEL_CHROME, layout.samples.width - 4);
	const selected = weights.rows.find(row => row.index === state.selected);
	const chain = snapshot.chain;
	const followedOut = chain !== undefined && chain.sample !== state.sample;
	const sampleLabel =
		chain && chain.products.length > 1
			? `${followedOut ? `sample #${formatCount(state.sample + 1)} was not in the last batch; ` : ''}sample #${formatCount(chain.sample + 1)}, ${chain.position + 1} of the ${chain.products.length} in the batch (< > other samples):`
			: undefined;
	return {
		layout,
		view: {
			selected: state.selected,
			sample: state.sample,
			weightStart: state.selected,
			weightRows,
			sampleStart: state.sampleStart,
			sampleRows: samplePage,
			map: mapRequest(layout, state, snapshot, colour),
		},
		selected,
		samplePage,
		chainLines: chainLines(snapshot),
		sampleLabel,
	};
}

/** The map's size in pixels for its panel: two a character down (half blocks), its lines less the footer's. */
function mapRequest(layout: Layout, state: DashboardState, snapshot: Snapshot, colour: boolean): MapRequest | undefined {
	if (layout.tooSmall || layout.map.width === 0) {
		return undefined;
	}

	const width = layout.map.width - 4;
	// the footer's length depends on the map's ranges: the last snapshot's are close enough
	const footer = snapshot.map ? mapFooter(snapshot.map, width, colour).length : 2;
	return {columns: width, rows: 2 * (layout.map.height - PANEL_CHROME - footer), layer: Math.min(state.mapLayer, snapshot.run.layers.length - 2)};
}
