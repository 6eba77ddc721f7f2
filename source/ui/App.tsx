import {Box, Text} from 'ink';
import {useEffect, useReducer} from 'react';
import type {Session} from '../session/client.js';
import {formatCount} from '../session/format.js';
import type {Snapshot, Status} from '../session/views/snapshot.js';
import {HelpOverlay, helpLines} from './components/HelpOverlay.js';
import {KeysLine} from './components/KeysLine.js';
import {Columns} from './components/Columns.js';
import {PhaseLine} from './components/PhaseLine.js';
import {StatusLine} from './components/StatusLine.js';
import {useKeys} from './hooks/use-keys.js';
import {useMessages, useSaid, useSend} from './hooks/use-messages.js';
import {useSnapshot} from './hooks/use-snapshot.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {useView} from './hooks/use-view.js';
import type {LessonHooks} from './lesson/hooks.js';
import {MIN_COLUMNS, MIN_ROWS} from './layout.js';
import {isShown, screenOf} from './screen.js';
import {INITIAL_STATE, reduce, type Action, type DashboardState} from './state.js';

export type AppProps = {
	readonly session: Session;
	/** Whether the terminal shows colour (NO_COLOR: shapes instead). */
	readonly colour: boolean;
	/** Renders at most this often (tests use 0). */
	readonly frameMs?: number;
	/** In a lesson: its step's panels, keys and text (descent lesson). */
	readonly lesson?: LessonHooks;
};

/** The dashboard: renders the session's snapshots, laid out for the terminal; keys dispatch or send. */
export function App({session, colour, frameMs, lesson}: AppProps) {
	const snapshot = useSnapshot(session, frameMs);
	const {columns, rows} = useTerminalSize();
	const [dashboard, dispatch] = useReducer(reduce, INITIAL_STATE, initial => (lesson ? {...initial, shown: lesson.shown} : initial));
	const state = lesson ? {...dashboard, lesson: lesson.view(columns)} : dashboard;
	useLesson(lesson, snapshot, dashboard, dispatch);
	const send = useSend(session, dispatch);
	useMessages(session, state.message, dispatch);
	const runId = snapshot?.runId ?? 0;
	useEffect(() => dispatch({type: 'run', weights: snapshot?.run.weightCount ?? 1, samples: snapshot?.run.sampleCount ?? 1}), [runId]); // eslint-disable-line react-hooks/exhaustive-deps
	const screen = snapshot && screenOf(snapshot, state, columns, rows, colour);
	const layout = screen?.layout;
	useView(session, screen?.view);
	useSaid(screen?.refused, dispatch);
	useKeys(
		snapshot &&
			screen && {
				snapshot,
				state,
				dispatch,
				send,
				samplePage: screen.samplePage,
				chainPages: screen.chainPages,
				help: {page: rows - 3, lines: state.help ? helpLines(columns - 4).length : 0},
				shown: id => isShown(screen, id),
			},
		lesson,
	);

	if (!snapshot || !screen || !layout) {
		return <Text dimColor>starting…</Text>;
	}

	if (layout.tooSmall) {
		return <TooSmall columns={columns} rows={rows} status={snapshot.status} />;
	}

	if (state.help) {
		// the whole screen: at 80×24 the help needs every line
		return <HelpOverlay width={columns} height={rows - 1} offset={state.helpOffset} />;
	}

	const {run, status, phase} = snapshot;
	const pending = state.pending && snapshot.handled < state.pending.seq ? state.pending.text : undefined;
	const props = {snapshot, state, screen, colour};
	return (
		<Box flexDirection="column" width={columns}>
			<StatusLine run={run} status={status} pending={pending} race={snapshot.race} width={columns} />
			{phase ? <PhaseLine phase={phase} width={columns} place={screen.diagram} /> : null}
			<Columns {...props} />
			<KeysLine width={columns} message={state.message} race={snapshot.race !== undefined} {...(lesson && {named: lesson.offered})} />
		</Box>
	);
}

/** A lesson's step sets the panels (and the selected weight) as it begins, and sees every new frame. */
function useLesson(lesson: LessonHooks | undefined, snapshot: Snapshot | undefined, {selected}: DashboardState, dispatch: (action: Action) => void): void {
	const step = lesson?.step;
	// once the run's first frame has come: before it, the dashboard knows no weights to select
	const ready = snapshot !== undefined;
	useEffect(() => {
		if (lesson) {
			dispatch({type: 'panels', shown: lesson.shown});
			if (lesson.select !== undefined && ready) {
				dispatch({type: 'select', delta: lesson.select - selected, total: Number.POSITIVE_INFINITY});
			}
		}
	}, [step, ready]); // eslint-disable-line react-hooks/exhaustive-deps
	useEffect(() => {
		// what a key said of the step before (the keys it offered) is not true of this one
		dispatch({type: 'say', text: undefined});
	}, [step, dispatch]);
	useEffect(() => {
		if (lesson && snapshot) {
			lesson.observe(snapshot, selected);
		}
	}, [lesson, snapshot, selected]);
}

/** Below 80×24: what to do, and that training goes on. */
function TooSmall({columns, rows, status}: {readonly columns: number; readonly rows: number; readonly status: Status}) {
	return (
		<Box flexDirection="column">
			<Text>
				Enlarge the window to {MIN_COLUMNS}×{MIN_ROWS} (now {columns}×{rows}); q quits
			</Text>
			{status.state === 'running' ? <Text>Training goes on: iteration {formatCount(status.iteration)} (space pauses)</Text> : null}
		</Box>
	);
}
