import type {PanelId, PanelRequests} from '../session/views/panels.js';
import type {Snapshot, View} from '../session/views/snapshot.js';
import type {WeightRow} from '../session/views/weights.js';
import {MAX_DRAWN_NEURONS} from '../session/views/diagram.js';
import {phaseLines, type DiagramPlace} from './components/PhaseLine.js';
import {computeLayout, PANEL_CHROME, type Box, type Choice, type Layout, type LayoutInput, type Want} from './layout.js';
import type {PanelContext, PanelEntry} from './panels/entry.js';
import {hasView, type UiPanelId} from './panels/id.js';
import {PANELS} from './panels/index.js';
import {chainPageCount} from './panels/chain.js';
import type {DashboardState} from './state.js';

/** Everything the App draws that is worked out rather than given: the layout, and what to ask the session for. */
export type Screen = {
	readonly layout: Layout<UiPanelId>;
	/** What the session should put in its snapshots for this screen. */
	readonly view: View;
	readonly selected: WeightRow | undefined;
	/** Samples a page of the samples panel holds. */
	readonly samplePage: number;
	/** Pages the chain takes in its panel (Tab turns them): 0 without one. */
	readonly chainPages: number;
	/** Why a panel its key asked for is not shown, when one is not. */
	readonly refused: string | undefined;
	/** Where the phase walk's numbers left off its line can be read. */
	readonly diagram: DiagramPlace;
};

/** What the panels asked for before the screen had a layout: the rows of a first frame. */
const FIRST_REQUESTS: PanelRequests = {weights: {start: 0, rows: 16}, samples: {start: 0, rows: 8}, chain: {}, diagram: {}};

/** The panel's inner size: its frame and padding taken off. */
export const inner = (box: Box): Box => ({width: box.width - 4, height: box.height - PANEL_CHROME});

/** The data the snapshot holds for a panel (undefined for the chart, and for a panel not asked for). */
export const dataOf = (snapshot: Snapshot, id: UiPanelId) => (hasView(id) ? snapshot.panels[id] : undefined);

/** Panels with a key show as it chose, or where they fit; the others always, unless a lesson's step hides them or asks for them (on). */
function choiceOf(entry: PanelEntry, state: DashboardState): Choice {
	const shown = state.shown[entry.id];
	return entry.toggle ? (shown ?? 'auto') : shown === 'off' || shown === 'on' ? shown : 'always';
}

/** The panels this run has something for, in the registry's order. */
export function panelsOf(snapshot: Snapshot): PanelEntry[] {
	return PANELS.filter(entry => !hasView(entry.id) || snapshot.run.panels.includes(entry.id));
}

export function screenOf(snapshot: Snapshot, state: DashboardState, columns: number, rows: number, colour: boolean): Screen {
	const selected = snapshot.panels.weights?.rows.find(row => row.index === state.selected);
	const context: PanelContext = {snapshot, state, colour, selected};
	const entries = panelsOf(snapshot);
	// read through the list, an entry's data is its own view's (the registry pairs them by id)
	const withData = (entry: PanelEntry) => ({...context, data: dataOf(snapshot, entry.id) as never});
	const wants: Array<Want<UiPanelId>> = entries.map(entry => ({
		id: entry.id,
		room: entry.room,
		choice: choiceOf(entry, state),
		...entry.wants(withData(entry)),
	}));
	const input = {columns, rows, phaseLines: phaseLines(snapshot.phase, columns), wants};
	const layout = computeLayout(input);
	const requests: Record<string, unknown> = {};
	if (layout.tooSmall) {
		Object.assign(requests, FIRST_REQUESTS);
	} else {
		for (const entry of entries) {
			const box = layout.boxes[entry.id];
			if (box && entry.request) {
				requests[entry.id] = entry.request(inner(box), withData(entry));
			}
		}
	}

	const panels = requests as PanelRequests;
	const chainBox = layout.tooSmall ? undefined : layout.boxes.chain;
	return {
		layout,
		view: {selected: state.selected, sample: state.sample, panels},
		selected,
		samplePage: panels.samples?.rows ?? FIRST_REQUESTS.samples!.rows,
		chainPages: chainBox ? chainPageCount({...context, data: snapshot.panels.chain, ...inner(chainBox)}) : 0,
		refused: refusal(layout, entries, columns, rows),
		diagram: snapshot.phase ? diagramPlace(snapshot, layout, input) : 'none',
	};
}

/** The diagram on screen, or the key that would show it where it fits; 'none' for a network too wide to draw (its summary has no neuron's values). */
function diagramPlace(snapshot: Snapshot, layout: Layout<UiPanelId>, input: LayoutInput<UiPanelId>): DiagramPlace {
	const toggle = PANELS.find(entry => entry.id === 'diagram')?.toggle;
	if (layout.tooSmall || !snapshot.run.panels.includes('diagram') || !snapshot.run.layers.every(n => n <= MAX_DRAWN_NEURONS)) {
		return 'none';
	}

	if (layout.boxes.diagram) {
		return 'shown';
	}

	const asked = computeLayout({...input, wants: input.wants.map(want => (want.id === 'diagram' ? {...want, choice: 'on' as const} : want))});
	return toggle && !asked.tooSmall && asked.boxes.diagram ? {key: toggle.keys} : 'none';
}

/** Whether panel `id` has a box on this screen. */
export const isShown = (screen: Screen | undefined, id: UiPanelId | PanelId) =>
	screen !== undefined && !screen.layout.tooSmall && screen.layout.boxes[id] !== undefined;

function refusal(layout: Layout<UiPanelId>, entries: readonly PanelEntry[], columns: number, rows: number): string | undefined {
	const refused = layout.tooSmall ? undefined : layout.refused;
	const name = refused && entries.find(entry => entry.id === refused.id)?.help[0];
	return refused && name ? `${name}: drawn whole or not at all, it needs ${refused.columns}×${refused.lines} (now ${columns}×${rows})` : undefined;
}
