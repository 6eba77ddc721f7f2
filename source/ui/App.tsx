import {Box, Text} from 'ink';
import {useCallback, useEffect, useReducer} from 'react';
import type {Session} from '../session/client.js';
import {formatCount} from '../session/format.js';
import type {Command} from '../session/protocol.js';
import {ChainPanel} from './components/ChainPanel.js';
import {ErrorChart} from './components/ErrorChart.js';
import {HelpOverlay, helpLines} from './components/HelpOverlay.js';
import {KeysLine} from './components/KeysLine.js';
import {MapPanel} from './components/MapPanel.js';
import {NetworkDiagram} from './components/NetworkDiagram.js';
import {Panel} from './components/Panel.js';
import {PhaseLine} from './components/PhaseLine.js';
import {SamplesPanel} from './components/SamplesPanel.js';
import {StatusLine} from './components/StatusLine.js';
import {WeightsTable} from './components/WeightsTable.js';
import {useKeys} from './hooks/use-keys.js';
import {useMessages} from './hooks/use-messages.js';
import {useSnapshot} from './hooks/use-snapshot.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {useView} from './hooks/use-view.js';
import {MIN_COLUMNS, MIN_ROWS, PANEL_CHROME} from './layout.js';
import {screenOf} from './screen.js';
import {INITIAL_STATE, reduce} from './state.js';

export type AppProps = {
	readonly session: Session;
	/** Whether the terminal shows colour (NO_COLOR: shapes instead). */
	readonly colour: boolean;
	/** Renders at most this often (tests use 0). */
	readonly frameMs?: number;
};

/** The dashboard: renders the session's snapshots, laid out for the terminal; keys dispatch or send. */
export function App({session, colour, frameMs}: AppProps) {
	const snapshot = useSnapshot(session, frameMs);
	const {columns, rows} = useTerminalSize();
	const [state, dispatch] = useReducer(reduce, INITIAL_STATE);
	const send = useCallback(
		(command: Command, pending?: string) => {
			const seq = session.send(command);
			if (pending) {
				dispatch({type: 'pending', text: pending, seq});
			}
		},
		[session],
	);
	useMessages(session, state.message, dispatch);
	const runId = snapshot?.runId ?? 0;
	useEffect(() => dispatch({type: 'run', weights: snapshot?.weights.total ?? 1, samples: snapshot?.samples.total ?? 1}), [runId]); // eslint-disable-line react-hooks/exhaustive-deps
	const screen = snapshot && screenOf(snapshot, state, columns, rows, colour);
	const layout = screen?.layout;
	useView(session, screen?.view);
	useKeys(
		snapshot &&
			screen && {
				snapshot,
				state,
				dispatch,
				send,
				samplePage: screen.samplePage,
				help: {page: rows - 3, lines: state.help ? helpLines(columns - 4).length : 0},
				diagramShown: layout !== undefined && !layout.tooSmall && layout.diagram.width > 0,
				mapShown: layout !== undefined && !layout.tooSmall && layout.map.width > 0,
			},
	);

	if (!snapshot || !screen || !layout) {
		return <Text dimColor>starting…</Text>;
	}

	if (layout.tooSmall) {
		const running = snapshot.status.state === 'running';
		return (
			<Box flexDirection="column">
				<Text>
					Enlarge the window to {MIN_COLUMNS}×{MIN_ROWS} (now {columns}×{rows}); q quits
				</Text>
				{running ? <Text>Training goes on: iteration {formatCount(snapshot.status.iteration)} (space pauses)</Text> : null}
			</Box>
		);
	}

	if (state.help) {
		// the whole screen: at 80×24 the help needs every line
		return <HelpOverlay width={columns} height={rows - 1} offset={state.helpOffset} />;
	}

	const {run, status, weights, chain, check} = snapshot;
	const inner = (box: {width: number; height: number}) => ({width: box.width - 4, height: box.height - PANEL_CHROME});
	const checkHint =
		check?.state === 'done'
			? `g check: largest ${check.worst.relativeDifference.toExponential(1)}`
			: check
				? `checking ${formatCount(check.checked)} / ${formatCount(check.of)}, any key cancels`
				: '↑↓ select';
	const phases = snapshot.phase;
	const map =
		snapshot.map && layout.map.width > 0 ? (
			<Panel title={snapshot.map.neurons ? `Neurons of hidden layer ${snapshot.map.neurons.layer}` : 'Map'} hint={`m · D classes · L layers`} {...layout.map}>
				<MapPanel
					map={snapshot.map}
					style={{colour, discrete: state.discrete}}
					marked={screen.selected && {layer: screen.selected.layer + 1, neuron: screen.selected.row}}
					layers={run.layers}
					{...inner(layout.map)}
				/>
			</Panel>
		) : null;
	const reached = phases ? (layer: number) => phases.reached.includes(layer) : undefined;
	return (
		<Box flexDirection="column" width={columns}>
			<StatusLine run={run} status={status} pending={state.pending && snapshot.handled < state.pending.seq ? state.pending.text : undefined} width={columns} />
			{phases ? <PhaseLine phase={phases} width={columns} /> : null}
			<Box>
				<Box flexDirection="column" width={layout.weights.width}>
					<Panel title="Weights" hint={checkHint} {...layout.weights}>
						<WeightsTable
							weights={weights}
							selected={state.selected}
							height={layout.weights.height - PANEL_CHROME - 1}
							showCheck={weights.rows.some(row => row.check !== undefined)}
							width={layout.weights.width - 4}
						/>
					</Panel>
					<Panel
						title={chainTitle(chain?.weight ?? screen.selected)}
						hint={chain ? `at iteration ${formatCount(status.iteration + (phases ? 1 : 0))}` : ''}
						{...layout.chain}
					>
						<ChainPanel chain={chain} reached={reached} check={check} sampleLabel={screen.sampleLabel} page={state.chainPage} {...inner(layout.chain)} />
					</Panel>
				</Box>
				<Box flexDirection="column" width={columns - layout.weights.width}>
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
			</Box>
			<KeysLine width={columns} message={state.message ?? snapshot.notices[0]} />
		</Box>
	);
}

/** The chain's own weight names the panel (the selection may be a key ahead of the snapshot). */
function chainTitle(weight: {readonly name: string; readonly from: string; readonly to: string} | undefined): string {
	return weight ? `Chain of ${weight.name} (${weight.from} → ${weight.to})` : 'Chain';
}
