import {Box} from 'ink';
import type {Snapshot} from '../../session/views/snapshot.js';
import {formatCount} from '../../session/format.js';
import {PANEL_CHROME} from '../layout.js';
import type {Screen} from '../screen.js';
import type {DashboardState} from '../state.js';
import {ChainPanel} from './ChainPanel.js';
import {Panel} from './Panel.js';
import {WeightsTable} from './WeightsTable.js';

export type ColumnProps = {readonly snapshot: Snapshot; readonly state: DashboardState; readonly screen: Screen; readonly colour: boolean};

/** The panel's inner size: its frame and padding taken off. */
export const inner = (box: {width: number; height: number}) => ({width: box.width - 4, height: box.height - PANEL_CHROME});

/** The weights table over the chain of the selected weight. */
export function LeftColumn({snapshot, state, screen}: ColumnProps) {
	const {layout} = screen;
	if (layout.tooSmall) {
		return null;
	}

	const {weights, chain, check, status, phase} = snapshot;
	const checkHint =
		check?.state === 'done'
			? `g check: largest ${check.worst.relativeDifference.toExponential(1)}`
			: check
				? `checking ${formatCount(check.checked)} / ${formatCount(check.of)}, any key cancels`
				: '↑↓ select';
	const weight = chain?.weight ?? screen.selected;
	return (
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
				// the chain's own weight names it: the selection may be a key ahead of the snapshot
				title={weight ? `Chain of ${weight.name}` : 'Chain'}
				detail={weight ? `(${weight.from} → ${weight.to})` : undefined}
				hint={chain ? `at iteration ${formatCount(status.iteration + (phase ? 1 : 0))}` : ''}
				{...layout.chain}
			>
				<ChainPanel
					chain={chain}
					reached={phase ? layer => phase.reached.includes(layer) : undefined}
					check={check}
					sampleLabel={screen.sampleLabel}
					notices={snapshot.notices}
					page={state.chainPage}
					{...inner(layout.chain)}
				/>
			</Panel>
		</Box>
	);
}
