import {Text} from 'ink';
import type {PhaseStatus} from '../../core/snapshot.js';

/** During a phase walk: which phase, of how many, and what it computed, in words. */
export function PhaseLine({phase, width}: {readonly phase: PhaseStatus; readonly width: number}) {
	const text = `phase ${phase.done} of ${phase.total} (p next, s finishes the iteration) · ${phase.description}`;
	return (
		<Text color="cyan" wrap="truncate-end">
			{text.length <= width ? text : `phase ${phase.done}/${phase.total} · ${phase.description}`}
		</Text>
	);
}
