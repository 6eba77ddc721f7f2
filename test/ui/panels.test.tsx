import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {chainOf} from '../../source/core/chain.js';
import {weightRefs} from '../../source/core/names.js';
import {Network} from '../../source/core/network.js';
import {PRESETS} from '../../source/core/presets.js';
import {ChainPanel} from '../../source/ui/components/ChainPanel.js';
import {ErrorChart} from '../../source/ui/components/ErrorChart.js';
import {HelpOverlay, PANELS} from '../../source/ui/components/HelpOverlay.js';
import {KEYS, KeysLine} from '../../source/ui/components/KeysLine.js';
import {NetworkDiagram} from '../../source/ui/components/NetworkDiagram.js';
import {SamplesPanel} from '../../source/ui/components/SamplesPanel.js';
import {StatusLine, type StatusLineProps} from '../../source/ui/components/StatusLine.js';
import {WeightsTable} from '../../source/ui/components/WeightsTable.js';
import {weightRows} from '../../source/ui/rows.js';

const tutorial = PRESETS['tutorial-3']!;

/** The tutorial's network with seed 0 after `iterations` iterations. */
function tutorialNetwork(iterations: number, preset = tutorial): Network {
	const network = new Network(preset);
	network.initialise(0);
	for (let k = 0; k < iterations; k++) {
		network.iterate(preset.learningRate);
	}

	return network;
}

const status: StatusLineProps = {
	layers: [3, 2, 1],
	activation: 'sigmoid',
	bias: false,
	learningRate: 0.001,
	seed: 0,
	state: 'running',
	divergedAt: undefined,
	iteration: 12_345,
	limit: 80_000,
	iterationsPerSecond: 10_000,
	speed: 10_000,
	elapsedMs: 1234,
	error: 0.000_123_456_78,
	width: 120,
};

describe('StatusLine', () => {
	test('shows the network, learning rate, seed, state, iteration with commas, rate, time and error', () => {
		const frame = render(<StatusLine {...status} />).lastFrame()!;
		expect(frame).toContain('3 → 2 → 1');
		expect(frame).toContain('sigmoid');
		expect(frame).toContain('no bias');
		expect(frame).toContain('learning rate 0.001');
		expect(frame).toContain('seed 0');
		expect(frame).toContain('running');
		expect(frame).toContain('iteration 12,345 / 80,000');
		expect(frame).toContain('10,000 it/s');
		expect(frame).toContain('1.2 s');
		expect(frame).toContain('error 1.23457e-4');
	});

	test('shows – for the rate until it has been measured', () => {
		expect(render(<StatusLine {...status} iterationsPerSecond={0} />).lastFrame()).toContain('– it/s');
		expect(render(<StatusLine {...status} state="paused" />).lastFrame()).toContain('0 it/s');
	});

	test('says where training diverged, and shows – before the first iteration', () => {
		const frame = render(<StatusLine {...status} state="diverged" divergedAt={321} error={undefined} />).lastFrame()!;
		expect(frame).toContain('diverged at iteration 321');
		expect(frame).toContain('error –');
	});

	test('uses "lr" on narrow terminals and stays within the width', () => {
		const frame = render(<StatusLine {...status} width={80} bias />).lastFrame()!;
		expect(frame).toContain('lr 0.001');
		expect(frame).toContain('bias');
		for (const line of frame.split('\n')) {
			expect(line.length).toBeLessThanOrEqual(80);
		}
	});
});

const rowsOf = (network: Network) => weightRows(network, weightRefs(network.layers, network.bias));

describe('WeightsTable', () => {
	test("names the tutorial's weights with their endpoints, values to 6 and gradients to 4 significant digits", () => {
		const frame = render(<WeightsTable rows={rowsOf(tutorialNetwork(1))} selected={0} height={20} showCheck={false} />).lastFrame()!;
		const lines = frame.split('\n');
		expect(lines[0]).toMatch(/weight\s+link\s+value\s+change\s+gradient/);
		expect(lines.map(line => line.trim().split(/\s+/)[0])).toEqual(['weight', 'W11', 'W21', 'W31', 'W12', 'W22', 'W32', 'W41', 'W42']);
		expect(frame).toMatch(/W11\s+x1 → h1\s+0\.548813\s+-4\.667e-7\s+4\.667e-4/);
		expect(frame).toMatch(/W41\s+h1 → out\s+0\.437399\s+-1\.882e-4\s+0\.1882/);
		expect(frame).not.toContain('below');
	});

	test('shows – for change and gradient before the first iteration', () => {
		const frame = render(<WeightsTable rows={rowsOf(tutorialNetwork(0))} selected={0} height={20} showCheck={false} />).lastFrame()!;
		expect(frame).toMatch(/W11\s+x1 → h1\s+0\.548814\s+–\s+–/);
	});

	test('scrolls with the selection and says how many rows are hidden (tutorial-10 has 22)', () => {
		const rows = rowsOf(tutorialNetwork(1, PRESETS['tutorial-10']!));
		expect(rows).toHaveLength(22);
		const top = render(<WeightsTable rows={rows} selected={0} height={8} showCheck={false} />).lastFrame()!;
		expect(top).toContain('W1,1');
		expect(top).toContain('↓ 15 below');
		expect(top).not.toContain('W11,2');
		const bottom = render(<WeightsTable rows={rows} selected={21} height={8} showCheck={false} />).lastFrame()!;
		expect(bottom).toContain('W11,2');
		expect(bottom).toContain('↑ 15 above');
		expect(bottom).not.toContain('W1,1 ');
		const middle = render(<WeightsTable rows={rows} selected={10} height={8} showCheck={false} />).lastFrame()!;
		expect(middle).toMatch(/↑ \d+ above · ↓ \d+ below/);
	});

	test('shows the gradient check column when asked', () => {
		const rows = rowsOf(tutorialNetwork(1)).map(row => ({...row, check: 3.2e-11}));
		const frame = render(<WeightsTable rows={rows} selected={0} height={20} showCheck />).lastFrame()!;
		expect(frame.split('\n')[0]).toContain('check');
		expect(frame).toContain('3.2e-11');
	});
});

describe('ErrorChart', () => {
	const falling = Array.from({length: 50}, (_, k) => 0.3 * 0.9 ** k);
	const props = {mode: 'error', logScale: false, current: falling, axisStart: 1, axisEnd: 80_000, markers: [], height: 12} as const;

	test('draws the series with asciichart, axis labels and the iteration range under it', () => {
		const frame = render(<ErrorChart {...props} />).lastFrame()!;
		const lines = frame.split('\n');
		expect(lines.length).toBeLessThanOrEqual(12);
		expect(frame).toContain('┤');
		expect(frame).toContain('0.300');
		expect(lines.at(-1)).toContain('iterations 1 … 80,000');
	});

	test('on a log scale the labels span the decades', () => {
		const frame = render(<ErrorChart {...props} logScale />).lastFrame()!;
		expect(frame).toContain('0.300');
		expect(frame).toMatch(/0\.0017|1\.7\de-3/);
	});

	test('marks learning-rate changes under the plot', () => {
		const frame = render(<ErrorChart {...props} markers={[{column: 10, learningRate: 0.002}]} />).lastFrame()!;
		expect(frame).toContain('▲lr 0.00200');
	});

	test('says what to do before there is a curve', () => {
		expect(render(<ErrorChart {...props} current={[]} />).lastFrame()).toContain('press s to step');
		expect(render(<ErrorChart {...props} current={[0.33]} />).lastFrame()).toContain('after one iteration: 0.330000');
	});

	test('never throws on NaN or Infinity (a diverged run)', () => {
		const frame = render(<ErrorChart {...props} current={[1, 2, Number.NaN, Number.POSITIVE_INFINITY, 3]} />).lastFrame()!;
		expect(frame).toContain('┤');
	});
});

describe('ChainPanel', () => {
	test("gives the tutorial's g1 … g5 for W11 and their product, the table's gradient", () => {
		const network = tutorialNetwork(1);
		const [w11] = weightRefs(network.layers, false);
		const chain = chainOf(network, w11!);
		const frame = render(<ChainPanel chain={chain} width={60} height={10} />).lastFrame()!;
		expect(frame).toMatch(/g1 = dError\/dPredicted\s+= 1\.157/);
		expect(frame).toMatch(/g2 = dPredicted\/dSOP3\s+= 0\.1725/);
		expect(frame).toMatch(/g3 = dSOP3\/dActiv1\s+= 0\.4376/);
		expect(frame).toMatch(/g4 = dActiv1\/dSOP1\s+= 0\.05345/);
		expect(frame).toMatch(/g5 = dSOP1\/dW11\s+= 0\.1000/);
		expect(frame).toContain(`gradient = g1·g2·g3·g4·g5 = 4.667e-4`);
	});

	test('for W42, three factors: g1 · g2 · g3 with g3 = Activ2', () => {
		const network = tutorialNetwork(1);
		const w42 = weightRefs(network.layers, false).find(ref => ref.name === 'W42')!;
		const frame = render(<ChainPanel chain={chainOf(network, w42)} width={60} height={10} />).lastFrame()!;
		expect(frame).toMatch(/g3 = dSOP3\/dW42/);
		expect(frame).toContain('gradient = g1·g2·g3 = 0.1888');
		expect(frame).not.toContain('g4');
	});

	test('with several samples and outputs: the backpropagated form and the mean over samples', () => {
		const network = new Network({
			layers: [2, 3, 2],
			activation: 'tanh',
			bias: true,
			samples: [
				{x: [0.5, -1], t: [0.1, 0.9]},
				{x: [1, 2], t: [0.3, 0.2]},
			],
		});
		network.initialise(3);
		network.iterate(0.1);
		const ref = weightRefs(network.layers, true)[0]!;
		const chain = chainOf(network, ref);
		const frame = render(<ChainPanel chain={chain} width={80} height={12} />).lastFrame()!;
		expect(chain.form).toBe('backpropagated');
		expect(frame).toContain('Σ w · dError/dSOP over the next layer');
		expect(frame).toContain('sample 1 of 2');
		expect(frame).toContain('gradient = mean over 2 samples');
	});

	test('shows the finite-difference gradient when a check has run', () => {
		const network = tutorialNetwork(1);
		const chain = chainOf(network, weightRefs(network.layers, false)[0]!);
		const frame = render(<ChainPanel chain={chain} numeric={{gradient: 4.666_66e-4, relativeDifference: 2e-10}} width={80} height={10} />).lastFrame()!;
		expect(frame).toContain('finite differences  = 4.66666e-4');
		expect(frame).toContain('relative difference = 2.0e-10');
	});

	test('asks for a step before the first iteration', () => {
		expect(render(<ChainPanel chain={undefined} width={60} height={10} />).lastFrame()).toContain('step once (s)');
	});
});

describe('SamplesPanel', () => {
	test('one sample: inputs, target, predicted output and error as a list', () => {
		const frame = render(
			<SamplesPanel rows={[{inputs: [0.1, 0.4, 4.1], target: [0.2], predicted: [0.778_476_6], error: 0.334_635}]} start={0} height={6} width={50} />,
		).lastFrame()!;
		expect(frame).toMatch(/inputs\s+0\.1, 0\.4, 4\.1/);
		expect(frame).toMatch(/target\s+0\.2/);
		expect(frame).toMatch(/predicted\s+0\.7785/);
		expect(frame).toMatch(/error\s+0\.3346/);
	});

	test('many samples: a line each, scrolling with a note', () => {
		const rows = Array.from({length: 20}, (_, s) => ({inputs: [s, s + 1], target: [s % 2], predicted: [0.5], error: 0.25}));
		const frame = render(<SamplesPanel rows={rows} start={4} height={6} width={70} />).lastFrame()!;
		expect(frame).toContain('#5 ');
		expect(frame).not.toContain('#4 ');
		expect(frame).toContain('samples 5–9 of 20');
	});
});

describe('NetworkDiagram', () => {
	const network = tutorialNetwork(1);
	const activations = network.activations.map((layer, l) => layer.subarray(0, network.layers[l]));

	test('draws every neuron with its activation and highlights the selected connection', () => {
		const frame = render(
			<NetworkDiagram
				layers={[3, 2, 1]}
				activations={activations}
				selected={{layer: 0, from: 2, to: 1}}
				caption={{name: 'W32', from: 'x3', to: 'h2', value: 0.645_894}}
				width={60}
				height={12}
			/>,
		).lastFrame()!;
		for (const neuron of ['x1 0.100', 'x2 0.400', 'x3 4.10', 'h1 0.', 'h2 0.', 'out 0.778']) {
			expect(frame).toContain(neuron);
		}

		expect(frame).toMatch(/x3 4\.10\s+─+┘/);
		expect(frame).toMatch(/┌─+▶ h2/);
		expect(frame).toContain('W32 = 0.645894 (x3 → h2)');
	});

	test('summarises networks too wide to draw', () => {
		const wide = new Network({layers: [20, 3, 1], activation: 'sigmoid', bias: false, samples: [{x: Array.from({length: 20}, () => 1), t: [0]}]});
		wide.initialise(0);
		wide.iterate(0.1);
		const frame = render(
			<NetworkDiagram
				layers={wide.layers}
				activations={wide.activations}
				selected={{layer: 0, from: 0, to: 0}}
				caption={{name: 'W1,1', from: 'x1', to: 'h1', value: 0.5}}
				width={80}
				height={10}
			/>,
		).lastFrame()!;
		expect(frame).toContain('too wide to draw');
		expect(frame).toContain('inputs: 20 neurons');
	});
});

describe('KeysLine and HelpOverlay', () => {
	test('the keys line always offers help and quit, and fits the width', () => {
		// ink-testing-library's terminal is 100 columns wide
		for (const width of [80, 100]) {
			const frame = render(<KeysLine width={width} />).lastFrame()!;
			expect(frame).toContain('space run/pause');
			expect(frame).toContain('g grad check');
			expect(frame).toContain('? help');
			expect(frame).toContain('q quit');
			expect(frame.length).toBeLessThanOrEqual(width);
		}
	});

	test('a message replaces the keys', () => {
		expect(render(<KeysLine width={80} message="wrote run.json" />).lastFrame()).toBe('wrote run.json');
	});

	test('help explains every panel and every key', () => {
		const frame = render(<HelpOverlay width={100} height={40} />).lastFrame()!;
		for (const [panel] of PANELS) {
			expect(frame).toContain(panel);
		}

		for (const [key, , long] of KEYS) {
			expect(frame).toContain(`${key}: ${long}`);
		}
	});
});
