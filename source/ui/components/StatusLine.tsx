import {Box, Text} from 'ink';
import type {Activation} from '../../core/network.js';
import type {TrainerState} from '../../core/trainer.js';
import {describeLayers} from '../../core/names.js';
import {formatCount, formatDuration, formatNumber, formatSpeed} from '../format.js';

export type StatusLineProps = {
	readonly layers: readonly number[];
	readonly activation: Activation;
	readonly bias: boolean;
	readonly learningRate: number;
	readonly seed: number;
	readonly state: TrainerState;
	readonly divergedAt: number | undefined;
	readonly iteration: number;
	readonly limit: number;
	readonly iterationsPerSecond: number;
	readonly speed: number;
	readonly elapsedMs: number;
	/** Loss of the last iteration's forward pass; undefined before the first. */
	readonly error: number | undefined;
	readonly width: number;
};

const stateColor: Record<TrainerState, string> = {running: 'green', paused: 'yellow', done: 'cyan', diverged: 'red'};

/** Two lines: what is training, then how far it is. */
export function StatusLine(props: StatusLineProps) {
	const {state, divergedAt} = props;
	const stateText = state === 'diverged' ? `diverged at iteration ${formatCount(divergedAt ?? props.iteration)}` : state;
	// the rate is measured over half a second of running: "–" until then
	const measured = props.iterationsPerSecond > 0 ? formatCount(props.iterationsPerSecond) : '–';
	const rate = state === 'running' ? `${measured} it/s` : '0 it/s';
	// "learning rate" in full where it fits
	const rateLabel = props.width >= 100 ? 'learning rate' : 'lr';
	return (
		<Box flexDirection="column" width={props.width}>
			<Text wrap="truncate-end">
				<Text bold color="magenta">
					descent
				</Text>{' '}
				{describeLayers(props.layers)} · {props.activation} · {props.bias ? 'bias' : 'no bias'} · {rateLabel}{' '}
				<Text bold>{props.learningRate}</Text> · seed {props.seed} · speed {formatSpeed(props.speed)}
			</Text>
			<Text wrap="truncate-end">
				<Text bold color={stateColor[state]}>
					{stateText}
				</Text>{' '}
				· iteration <Text bold>{formatCount(props.iteration)}</Text> / {formatCount(props.limit)} · {rate} ·{' '}
				{formatDuration(props.elapsedMs)} · error <Text bold>{formatNumber(props.error, 6)}</Text>
			</Text>
		</Box>
	);
}
