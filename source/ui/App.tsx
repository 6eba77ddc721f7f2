import {Box, Text} from 'ink';
import {useEffect, useRef, useState} from 'react';
import type {HistoryPoint} from '../core/history.js';
import type {Trainer} from '../core/trainer.js';
import {checkLastIteration, type GradientCheck} from '../core/gradient-check.js';
import {columnOf, plotWidth, resample} from './chart.js';
import {ChainPanel} from './components/ChainPanel.js';
import {ErrorChart, type ChartMode} from './components/ErrorChart.js';
import {HelpOverlay} from './components/HelpOverlay.js';
import {KeysLine} from './components/KeysLine.js';
import {NetworkDiagram} from './components/NetworkDiagram.js';
import {Panel, PANEL_CHROME} from './components/Panel.js';
import {SamplesPanel} from './components/SamplesPanel.js';
import {StatusLine} from './components/StatusLine.js';
import {WeightsTable, weightsTableWidth} from './components/WeightsTable.js';
import {diagramWidth, isDrawable} from './diagram.js';
import {useDashboardKeys} from './hooks/use-dashboard-keys.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {useTrainerFrame} from './hooks/use-trainer-frame.js';
import {computeLayout, MIN_COLUMNS, MIN_ROWS} from './layout.js';
import {layerValues, positionOf, sampleRows, weightRows} from './rows.js';

export type AppProps = {
	readonly trainer: Trainer;
	/** Writes the history CSV (`e`); returns what to tell the user. */
	readonly exportHistory?: () => string;
	/** Writes a checkpoint (`w`); returns what to tell the user. */
	readonly saveCheckpoint?: () => string;
	/** Renders at most this often (tests use 0). */
	readonly frameMs?: number;
};

type PreviousRun = {readonly points: readonly HistoryPoint[]; readonly seed: number; readonly learningRate: number};

const MESSAGE_MS = 5000;

/** The dashboard: every panel, laid out for the terminal, driven by the trainer's events. */
export function App({trainer, exportHistory, saveCheckpoint, frameMs}: AppProps) {
	useTrainerFrame(trainer, frameMs);
	const {columns, rows} = useTerminalSize();
	const {network} = trainer;
	const [selected, setSelected] = useState(0);
	const [chartMode, setChartMode] = useState<ChartMode>('error');
	const [logScale, setLogScale] = useState(false);
	const [help, setHelp] = useState(false);
	const [diagram, setDiagram] = useState<'auto' | 'on' | 'off'>('auto');
	const [sampleStart, setSampleStart] = useState(0);
	const [previous, setPrevious] = useState<PreviousRun>();
	const [check, setCheck] = useState<GradientCheck & {iteration: number}>();
	const [message, setMessage] = useState<string>();
	const helpRef = useRef(help);
	helpRef.current = help;
	const diagramShown = useRef(false);

	const say = setMessage;
	// a message replaces the keys line for a few seconds
	useEffect(() => {
		if (message === undefined) {
			return;
		}

		const timer = setTimeout(() => {
			setMessage(undefined);
		}, MESSAGE_MS);
		return () => {
			clearTimeout(timer);
		};
	}, [message]);

	const attempt = (write: (() => string) | undefined) => {
		if (!write) {
			return;
		}

		try {
			say(write());
		} catch (error) {
			say(`not written: ${error instanceof Error ? error.message : String(error)}`);
		}
	};

	useDashboardKeys(trainer, {
		select(delta) {
			setSelected(index => Math.min(trainer.weights.length - 1, Math.max(0, index + delta)));
		},
		scrollSamples(delta) {
			setSampleStart(start => Math.max(0, Math.min(network.sampleCount - 1, start + delta * 4)));
		},
		toggleLogScale: () => setLogScale(on => !on),
		toggleChart: () => setChartMode(mode => (mode === 'error' ? 'output' : 'error')),
		toggleHelp: () => setHelp(open => !open),
		toggleDiagram: () => setDiagram(diagramShown.current ? 'off' : 'on'),
		isHelpOpen: () => helpRef.current,
		rememberRun() {
			if (trainer.errorHistory.length > 0) {
				setPrevious({points: trainer.errorHistory.points(), seed: trainer.seed, learningRate: trainer.learningRate});
			}

			setCheck(undefined);
		},
		clearComparison: () => setPrevious(undefined),
		gradientCheck() {
			trainer.pause();
			// a run resumed from a checkpoint has no iteration of its own until it steps
			if (!network.hasIteration) {
				say('gradient check: step once first (s); it checks the gradients of the last iteration');
				return;
			}

			const result = checkLastIteration(network);
			setCheck({...result, iteration: trainer.iteration});
			say(
				`gradient check at iteration ${trainer.iteration.toLocaleString('en-US')}: every gradient again by finite differences; largest relative difference ${result.maxRelativeDifference.toExponential(1)} (${result.worst.weight.name})`,
			);
		},
		exportHistory: () => attempt(exportHistory),
		saveCheckpoint: () => attempt(saveCheckpoint),
		say,
	});

	const iterated = network.hasIteration;
	const currentCheck = check?.iteration === trainer.iteration ? check : undefined;
	const tableRows = weightRows(network, trainer.weights, currentCheck);
	const weightsContent = weightsTableWidth(tableRows, currentCheck !== undefined);
	const selectedRef = trainer.weights[Math.min(selected, trainer.weights.length - 1)]!;
	const chain = iterated ? trainer.chain(selectedRef) : undefined;
	// the factors, the product, and the lines ChainPanel adds for several samples, a backpropagated sum or a check
	const chainLines =
		(chain ? chain.terms[0]!.factors.length + 1 + (chain.form === 'backpropagated' ? 1 : 0) : 1) +
		(network.sampleCount > 1 ? 2 : 0) +
		(currentCheck ? 2 : 0);
	const outputs = network.layers.at(-1)!;
	// before the first iteration only the inputs are known
	const firstSample = network.layers.map((_, l) => (l === 0 || iterated ? layerValues(network, l, 0) : undefined));
	const layout = computeLayout({
		columns,
		rows,
		weightsContent,
		chainLines,
		sampleCount: network.sampleCount,
		diagramContent: {width: isDrawable(network.layers) ? diagramWidth(network.layers) : 64, lines: Math.max(...network.layers) * 2},
		diagram,
	});
	diagramShown.current = !layout.tooSmall && layout.diagram.width > 0;

	if (layout.tooSmall) {
		return (
			<Text wrap="truncate-end">
				Enlarge the window to {MIN_COLUMNS}×{MIN_ROWS} (now {columns}×{rows}); q quits
			</Text>
		);
	}

	const status = (
		<StatusLine
			layers={network.layers}
			activation={network.activation}
			bias={network.bias}
			learningRate={trainer.learningRate}
			seed={trainer.seed}
			state={trainer.state}
			divergedAt={trainer.divergedAt}
			iteration={trainer.iteration}
			limit={trainer.limit}
			iterationsPerSecond={trainer.iterationsPerSecond}
			speed={trainer.speed}
			elapsedMs={trainer.elapsed}
			error={iterated ? network.loss : undefined}
			width={columns}
		/>
	);
	const keys = <KeysLine width={columns} message={message} />;
	if (help) {
		// the whole screen: at 80×24 the help needs every line
		return <HelpOverlay width={columns} height={rows - 1} />;
	}

	// the chart's x axis spans this run and, when comparing, the previous one
	const plotColumns = plotWidth(layout.chart.width - 4);
	const history = trainer.errorHistory;
	const axisStart = history.start;
	const axisEnd = Math.max(trainer.iteration, axisStart, previous?.points.at(-1)?.iteration ?? 0);
	const series = chartMode === 'error' ? history.points() : (trainer.outputHistories[0]?.points() ?? []);
	const current = resample(series, axisStart, axisEnd, plotColumns);
	const previousValues = chartMode === 'error' && previous ? resample(previous.points, 1, axisEnd, plotColumns) : undefined;
	const markers = trainer.learningRateChanges
		.filter(change => change.iteration >= axisStart)
		.map(change => ({column: columnOf(change.iteration, axisStart, axisEnd, plotColumns), learningRate: change.learningRate}));
	// short titles: at 80 columns the chart panel is under 30 wide
	const chartTitle = `${chartMode === 'error' ? 'Error' : `Predicted${outputs > 1 ? ' 1' : ''} and target`}${logScale ? ' (log scale)' : ''}`;
	
	const numeric = currentCheck && {
		gradient: currentCheck.weights[selectedRef.index]!.numeric,
		relativeDifference: currentCheck.weights[selectedRef.index]!.relativeDifference,
	};
	return (
		<Box flexDirection="column" width={columns}>
			{status}
			<Box>
				<Box flexDirection="column" width={layout.weights.width}>
					<Panel
						title="Weights"
						hint={currentCheck ? `g check: largest ${currentCheck.maxRelativeDifference.toExponential(1)}` : '↑↓ select'}
						{...layout.weights}
					>
						<WeightsTable rows={tableRows} selected={selected} height={layout.weights.height - PANEL_CHROME - 1} showCheck={currentCheck !== undefined} />
					</Panel>
					<Panel
						title={`Chain of ${selectedRef.name} (${selectedRef.from} → ${selectedRef.to})`}
						hint={iterated ? `at iteration ${trainer.iteration.toLocaleString('en-US')}` : ''}
						{...layout.chain}
					>
						<ChainPanel chain={chain} {...(numeric && {numeric})} width={layout.chain.width - 4} height={layout.chain.height - PANEL_CHROME} />
					</Panel>
				</Box>
				<Box flexDirection="column" width={layout.chart.width}>
					<Panel title={chartTitle} hint={`over iterations${network.sampleCount > 1 && chartMode === 'output' ? ', sample 1' : ''} · l log · c ${chartMode === 'error' ? 'output' : 'error'}`} {...layout.chart}>
						<ErrorChart
							mode={chartMode}
							logScale={logScale}
							current={current}
							{...(previousValues && previous && {previous: {values: previousValues, seed: previous.seed, learningRate: previous.learningRate}})}
							{...(chartMode === 'output' && {target: network.targets[0]!})}
							axisStart={axisStart}
							axisEnd={axisEnd}
							markers={markers}
							height={layout.chart.height - PANEL_CHROME}
						/>
					</Panel>
					<Box flexDirection={layout.arrangement}>
						{layout.samples.width > 0 ? (
							<Panel title="Samples" hint={network.sampleCount > 1 ? 'PgUp/PgDn' : ''} {...layout.samples}>
								<SamplesPanel rows={sampleRows(network)} start={sampleStart} height={layout.samples.height - PANEL_CHROME} width={layout.samples.width - 4} />
							</Panel>
						) : null}
						{layout.diagram.width > 0 ? (
							<Panel title="Network" hint={network.sampleCount > 1 ? 'sample 1 · d hides' : 'd hides'} {...layout.diagram}>
								<NetworkDiagram
									layers={network.layers}
									activations={firstSample}
									selected={{layer: selectedRef.layer, from: selectedRef.col, to: selectedRef.row}}
									caption={{name: selectedRef.name, from: selectedRef.from, to: selectedRef.to, value: network.weights[selectedRef.layer]![positionOf(network, selectedRef)]!}}
									width={layout.diagram.width - 4}
									height={layout.diagram.height - PANEL_CHROME}
								/>
							</Panel>
						) : null}
					</Box>
				</Box>
			</Box>
			{keys}
		</Box>
	);
}
