import type {LessonView} from './lesson/view.js';
import type {UiPanelId} from './panels/id.js';

/**
 * What the dashboard itself holds, apart from the session's snapshots: what is selected,
 * which panels and modes are on, the line the keys line shows. A pure reducer, so every
 * key's effect on it is a unit test.
 */
export type DashboardState = {
	/** Flat index of the selected weight. */
	readonly selected: number;
	/** The sample the chain and the diagram follow. */
	readonly sample: number;
	/** First row of the samples panel. */
	readonly sampleStart: number;
	readonly chart: 'error' | 'output';
	readonly logScale: boolean;
	readonly help: boolean;
	/** First line of the help shown. */
	readonly helpOffset: number;
	/** The page of the chain shown, when it is longer than its panel (Tab). */
	readonly chainPage: number;
	/** Panels with a key of their own (`d` the diagram, `m` the map): shown or hidden by it; absent, where they fit. */
	readonly shown: Partial<Record<UiPanelId, 'on' | 'off'>>;
	/** The map's colours by class (the Playground's "discretize"). */
	readonly discrete: boolean;
	/** The confusion matrix counts the test samples (else the training samples). */
	readonly confusionTest: boolean;
	/** Whose map: 0 the output, 1 … the hidden layers' neurons. */
	readonly mapLayer: number;
	/** The error surface's weights by flat index (a across, b up), when chosen by key; absent, the selected weight and the next. */
	readonly surfaceAxes: {readonly a?: number; readonly b?: number};
	/** Replaces the keys line for a few seconds: a file written, why a key did nothing. */
	readonly message: string | undefined;
	/** A key's effect (`pausing after the iteration in progress`), shown until a snapshot has handled command `seq`. */
	readonly pending: {readonly text: string; readonly seq: number} | undefined;
	/** In a lesson: its step, as the lesson panel draws it. */
	readonly lesson?: LessonView;
};

export const INITIAL_STATE: DashboardState = {
	selected: 0,
	sample: 0,
	sampleStart: 0,
	chart: 'error',
	logScale: false,
	help: false,
	helpOffset: 0,
	chainPage: 0,
	// the error surface costs a forward pass over every training sample a point: shown when asked for (E)
	shown: {surface: 'off', lesson: 'off'},
	discrete: false,
	confusionTest: false,
	mapLayer: 0,
	surfaceAxes: {},
	message: undefined,
	pending: undefined,
};

export type Toggle = 'chart' | 'logScale' | 'help' | 'discrete' | 'confusionTest';

export type Action =
	| {readonly type: 'select'; readonly delta: number; readonly total: number}
	| {readonly type: 'sample'; readonly delta: number; readonly total: number}
	| {readonly type: 'scroll'; readonly rows: number; readonly total: number}
	| {readonly type: 'scrollHelp'; readonly rows: number; readonly total: number}
	| {readonly type: 'toggle'; readonly what: Toggle}
	/** A panel's key: show it if hidden, hide it if shown; showing one hides `others` (the side room holds one). */
	| {readonly type: 'show'; readonly what: UiPanelId; readonly shown: boolean; readonly others: readonly UiPanelId[]}
	/** A lesson's step sets which panels show. */
	| {readonly type: 'panels'; readonly shown: DashboardState['shown']}
	| {readonly type: 'mapLayer'; readonly layers: number}
	/** The error surface's weight on one axis, `delta` weights on (the other axis's weight skipped). */
	| {readonly type: 'surfaceAxis'; readonly axis: 'a' | 'b'; readonly delta: number; readonly total: number}
	| {readonly type: 'chainPage'}
	| {readonly type: 'say'; readonly text: string | undefined}
	| {readonly type: 'pending'; readonly text: string; readonly seq: number}
	/** A new run (after a reset): its weights and samples may be fewer. */
	| {readonly type: 'run'; readonly weights: number; readonly samples: number};

/** The error surface's two weights: as chosen by key, else the selected weight and the next (the one before, for the last). */
export function surfaceAxesOf(state: Pick<DashboardState, 'selected' | 'surfaceAxes'>, total: number): {a: number; b: number} {
	const a = Math.min(state.surfaceAxes.a ?? state.selected, total - 1);
	const follow = a + 1 < total ? a + 1 : Math.max(0, a - 1);
	return {a, b: Math.min(state.surfaceAxes.b ?? follow, total - 1)};
}

const clamp = (value: number, total: number) => Math.max(0, Math.min(total - 1, value));

export function reduce(state: DashboardState, action: Action): DashboardState {
	switch (action.type) {
		case 'select': {
			// the surface follows the selection again
			return {...state, selected: clamp(state.selected + action.delta, action.total), surfaceAxes: {}};
		}

		case 'surfaceAxis': {
			const axes = surfaceAxesOf(state, action.total);
			const other = action.axis === 'a' ? axes.b : axes.a;
			let next = (axes[action.axis] + action.delta + action.total) % action.total;
			if (next === other) {
				next = (next + Math.sign(action.delta) + action.total) % action.total;
			}

			return {...state, surfaceAxes: {...axes, [action.axis]: next}};
		}

		case 'sample': {
			const sample = clamp(state.sample + action.delta, action.total);
			return {...state, sample};
		}

		case 'scroll': {
			return {...state, sampleStart: clamp(state.sampleStart + action.rows, action.total)};
		}

		case 'scrollHelp': {
			return {...state, helpOffset: clamp(state.helpOffset + action.rows, action.total)};
		}

		case 'toggle': {
			const {what} = action;
			return what === 'chart' ? {...state, chart: state.chart === 'error' ? 'output' : 'error'} : {...state, [what]: !state[what]};
		}

		case 'show': {
			const others = action.shown ? {} : Object.fromEntries(action.others.map(id => [id, 'off']));
			return {...state, shown: {...state.shown, ...others, [action.what]: action.shown ? 'off' : 'on'}};
		}

		case 'panels': {
			return {...state, shown: action.shown};
		}

		case 'chainPage': {
			return {...state, chainPage: state.chainPage + 1};
		}

		case 'mapLayer': {
			return {...state, mapLayer: (state.mapLayer + 1) % Math.max(1, action.layers)};
		}

		case 'say': {
			return {...state, message: action.text};
		}

		case 'pending': {
			return {...state, pending: {text: action.text, seq: action.seq}};
		}

		case 'run': {
			return {
				...state,
				selected: clamp(state.selected, action.weights),
				sample: clamp(state.sample, action.samples),
				sampleStart: clamp(state.sampleStart, action.samples),
			};
		}
	}
}
