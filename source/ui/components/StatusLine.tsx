import {Box} from 'ink';
import {describeLayers} from '../../core/names.js';
import type {RaceStatus} from '../../session/views/lanes.js';
import type {RunFacts, Status} from '../../session/views/snapshot.js';
import {formatCount, formatDuration, formatError, formatPercent, formatRate, formatSpeed} from '../../session/format.js';
import {fitParts, type Part} from '../text.js';
import {labelSays, laneColour} from '../lanes.js';
import {Line} from './Line.js';

export type StatusLineProps = {
	readonly run: RunFacts;
	readonly status: Status;
	/** A key's effect still on its way (`pausing …`): shown instead of the state. */
	readonly pending: string | undefined;
	/** In a race: which lane the line (and the panels) show. */
	readonly race?: RaceStatus | undefined;
	readonly width: number;
};

const stateColor: Record<Status['state'], string> = {running: 'green', paused: 'yellow', done: 'cyan', diverged: 'red'};

/** Two lines: what is training and with which choices, then how far it is and how well. Parts that do not fit are left out whole. */
export function StatusLine({run, status, pending, race, width}: StatusLineProps) {
	const part = (rank: number, ...segments: Part['segments']): Part => ({rank, segments});
	const batch = run.fullBatch ? undefined : `batch ${run.batchSize} of ${formatCount(run.trainCount)}`;
	// in a race, what the lane's label says (`lr 0.001`, `adam`) is said once, there
	const label = race?.lanes[race.selected]?.label;
	const unsaid = (words: string) => label === undefined || !labelSays(label, words);
	const first: Part[] = [
		part(0, {text: 'descent', bold: true, color: 'magenta'}, {text: ` ${describeLayers(run.layers)}`}),
		...(race
			? [
					part(
						0,
						{text: `lane ${race.selected + 1} of ${race.lanes.length}: `},
						{text: race.lanes[race.selected]!.label, bold: true, color: laneColour(race.selected).text},
					),
				]
			: []),
		part(1, {text: run.activation}),
		part(5, {text: run.bias ? 'bias' : 'no bias'}),
		...run.choices.filter(choice => unsaid(choice)).map(choice => part(2, {text: choice})),
		// the batch says what the error is of (a batch's, not every sample's): it outlasts the other choices
		...(batch && unsaid(`batch ${run.batchSize}`) ? [part(1, {text: batch})] : []),
		...(run.testCount > 0 ? [part(3, {text: `${formatCount(run.testCount)} test samples`})] : []),
		...(unsaid(`lr ${formatRate(status.learningRate)}`)
			? [part(1, {text: width >= 100 ? 'learning rate ' : 'lr '}, {text: formatRate(status.learningRate), bold: true})]
			: []),
		// the seed reproduces a random-seed run: it outlasts the optional parts
		part(1, {text: `seed ${run.seed}`}),
		part(6, {text: `speed ${formatSpeed(status.speed)}`}),
	];
	const state =
		status.state === 'diverged'
			? `diverged at iteration ${formatCount(status.divergedAt ?? status.iteration)}`
			: status.reached
				? `done: error ≤ ${status.reached.error} at iteration ${formatCount(status.reached.iteration)}`
				: status.state;
	const towards = status.stopAt === undefined ? '' : ` to ${formatCount(status.stopAt)}`;
	// the rate is measured over a second or two of running: "–" until then
	const rate = status.state === 'running' ? (status.iterationsPerSecond > 0 ? `${formatCount(status.iterationsPerSecond)} it/s` : '– it/s') : '0 it/s';
	const errorLabel = !status.errorRecorded ? (status.iteration === 0 ? 'initial error' : "loaded weights' error") : run.fullBatch ? 'error' : 'batch error';
	const second: Part[] = [
		part(0, pending ? {text: pending, bold: true, color: 'yellow'} : {text: `${state}${towards}`, bold: true, color: stateColor[status.state]}),
		part(0, {text: 'iteration '}, {text: formatCount(status.iteration), bold: true}, {text: ` / ${formatCount(run.limit)}`}),
		...(run.fullBatch ? [] : [part(2, {text: `epoch ${formatCount(status.epoch)}`})]),
		part(5, {text: rate}),
		part(6, {text: formatDuration(status.elapsedMs)}),
		part(1, {text: `${errorLabel} `}, {text: formatError(status.error), bold: true}),
		...(status.testError === undefined ? [] : [part(2, {text: 'test error '}, {text: formatError(status.testError), bold: true})]),
		...(status.accuracy === undefined ? [] : [part(1, {text: `accuracy ${formatPercent(status.accuracy)}`})]),
		...(status.testAccuracy === undefined ? [] : [part(3, {text: `test ${formatPercent(status.testAccuracy)}`})]),
	];
	return (
		<Box flexDirection="column" width={width}>
			<Line segments={fitParts(first, width)} />
			<Line segments={fitParts(second, width)} />
		</Box>
	);
}
