import {Box} from 'ink';
import type {Snapshot} from '../../session/views/snapshot.js';
import type {Room} from '../layout.js';
import type {PanelEntry} from '../panels/entry.js';
import {dataOf, inner, panelsOf, type Screen} from '../screen.js';
import type {DashboardState} from '../state.js';
import {Panel} from './Panel.js';

export type ColumnsProps = {readonly snapshot: Snapshot; readonly state: DashboardState; readonly screen: Screen; readonly colour: boolean};

/** One panel in its box, from its entry: its frame and title, its body; nothing while its data is on its way. */
function ShownPanel({entry, snapshot, state, screen, colour}: ColumnsProps & {readonly entry: PanelEntry}) {
	const box = screen.layout.tooSmall ? undefined : screen.layout.boxes[entry.id];
	// a panel with a view shows once its data has come (a view may say `undefined`: the chain before an iteration)
	if (!box || (entry.request && !(entry.id in snapshot.panels))) {
		return null;
	}

	const context = {snapshot, state, colour, selected: screen.selected, data: dataOf(snapshot, entry.id)};
	const {Body} = entry;
	return (
		<Panel {...entry.title(context)} {...box}>
			<Body {...context} {...inner(box)} />
		</Panel>
	);
}

/** The left column's panels over each other; on the right, the top panel (or the side one) over the bottom ones and, in a roomy window, the side one beside them. */
export function Columns(props: ColumnsProps) {
	const {layout} = props.screen;
	if (layout.tooSmall) {
		return null;
	}

	const entries = panelsOf(props.snapshot);
	const room = (name: Room) => entries.filter(entry => entry.room === name).map(entry => <ShownPanel key={entry.id} entry={entry} {...props} />);
	const side = room('side');
	return (
		<>
			{room('band')}
			<Box>
				<Box flexDirection="column" width={layout.left.width}>
					{room('left')}
				</Box>
				<Box flexDirection="column" width={layout.right.width}>
					{room('top')}
					{layout.sidePlace === 'top' || layout.sidePlace === 'right' ? side : null}
					<Box>
						<Box flexDirection={layout.arrangement}>{room('bottom')}</Box>
						{layout.sidePlace === 'bottom' ? side : null}
					</Box>
				</Box>
				{layout.sidePlace === 'column' ? <Box flexDirection="column">{side}</Box> : null}
			</Box>
		</>
	);
}
