import {Box, Text} from 'ink';
import type {PhaseStatus} from '../../session/views/snapshot.js';
import {formatNumber, oneMinus} from '../../session/format.js';
import {packItems, wrapText} from '../text.js';

/** What the phase computes, in words, wrapped whole: with the keys that go on when it fits two lines; its minus the numbers' under it. */
export function phaseHeading(phase: PhaseStatus, width: number): string[] {
	const description = oneMinus(phase.description);
	const full = wrapText(`phase ${phase.done} of ${phase.total} (p next, s ends the iteration): ${description}`, width);
	return full.length <= 2 ? full : wrapText(`phase ${phase.done} of ${phase.total}: ${description}`, width);
}

/** Lines the phase walk takes under the status: its heading, then its numbers. */
export function phaseLines(phase: PhaseStatus | undefined, width: number): number {
	return phase ? phaseHeading(phase, width).length + phaseValueLines(phase, width).length : 0;
}

/** Where the numbers left off the phase line can be read: the diagram on screen, the key that shows it, or nowhere (it cannot be shown). */
export type DiagramPlace = 'shown' | {readonly key: string} | 'none';

/** `(7 more in the diagram)`, `(7 more: d shows the diagram)` or `(7 more)`. */
function moreText(count: number, place: DiagramPlace): string {
	const where = place === 'shown' ? ' in the diagram' : place === 'none' ? '' : `: ${place.key} shows the diagram`;
	return ` (${count} more${where})`;
}

/** The update's numbers (a few, for the selected weight) are shown whole, wrapped; another phase's on one line. */
export function phaseValueLines(phase: PhaseStatus, width: number, place: DiagramPlace = 'none'): string[] {
	return phase.last.kind === 'update' ? packItems(valueTexts(phase.values), width) : [phaseValuesLine(phase.values, width, place)];
}

const valueTexts = (values: PhaseStatus['values']) => values.map(value => oneMinus(`${value.name} = ${value.text ?? formatNumber(value.value, 6)}`));

/** The phase's numbers, in order, as many as fit the line whole; then how many more there are. */
export function phaseValuesLine(values: PhaseStatus['values'], width: number, place: DiagramPlace): string {
	const texts = valueTexts(values);
	let line = '';
	for (const [k, text] of texts.entries()) {
		const candidate = line === '' ? text : `${line}, ${text}`;
		const more = texts.length - k - 1;
		if (candidate.length + (more > 0 ? moreText(more, place).length : 0) > width && line !== '') {
			return `${line}${moreText(texts.length - k, place)}`;
		}

		line = candidate;
	}

	return line;
}

/** During a phase walk: which phase of how many and what it computes, in words; then the numbers it computed for the followed sample, and where those left off are. */
export function PhaseLine({phase, width, place}: {readonly phase: PhaseStatus; readonly width: number; readonly place: DiagramPlace}) {
	const heading = phaseHeading(phase, width);
	return (
		<Box flexDirection="column">
			{heading.map(line => (
				<Text key={line} color="cyan">
					{line}
				</Text>
			))}
			{phaseValueLines(phase, width, place).map(line => (
				<Text key={line} bold>
					{line}
				</Text>
			))}
		</Box>
	);
}
