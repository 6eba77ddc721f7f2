import type {ReactNode} from 'react';
import type {DataOf, PanelId, PanelRequests} from '../../session/views/panels.js';
import type {Snapshot} from '../../session/views/snapshot.js';
import type {WeightRow} from '../../session/views/weights.js';
import type {Binding} from '../binding.js';
import type {Box, Room} from '../layout.js';
import type {DashboardState} from '../state.js';

import type {UiPanelId} from './id.js';

/** What a panel's parts read: the snapshot, the dashboard's own state, the selected weight's row. */
export type PanelContext = {
	readonly snapshot: Snapshot;
	readonly state: DashboardState;
	readonly colour: boolean;
	readonly selected: WeightRow | undefined;
};

export type BodyProps<Id extends UiPanelId> = PanelContext & {
	/** The panel's data from the session (undefined for the chart, which reads the histories). */
	readonly data: Id extends PanelId ? DataOf<Id> : undefined;
	/** Inside the frame. */
	readonly width: number;
	readonly height: number;
};

/**
 * A panel, declared once: its title and hint, its line in the help, its room and the size it
 * would like, its keys (the one that shows and hides it first), what it asks of the session
 * for the box it is given, and what it draws.
 */
export type PanelEntry<Id extends UiPanelId = UiPanelId> = {
	readonly id: Id;
	/** Its name in the help, and one sentence. */
	readonly help: readonly [string, string];
	readonly room: Room;
	/** The key that shows and hides it, when it has one; `auto` panels show where they fit until it is pressed. */
	readonly toggle?: {readonly keys: string; readonly short: string; readonly long: string};
	/** What a run needs for it to show (`image data with classes: --preset mnist`): its keys say so in a run without it. */
	readonly needs?: string;
	/** Keys that act on it, besides its toggle. */
	readonly keys?: readonly Binding[];
	readonly title: (context: PanelContext & {readonly data: BodyProps<Id>['data'] | undefined}) => {
		readonly title: string;
		readonly detail?: string;
		readonly hint: string;
	};
	/** The width and lines its content would like (width 0: as wide as the room gives). */
	readonly wants: (context: PanelContext & {readonly data: BodyProps<Id>['data'] | undefined}) => {
		readonly width: number;
		readonly lines: number;
		readonly minLines?: number;
	};
	/** What it asks of the session for a box of this inner size (panels with a view only). */
	readonly request?: Id extends PanelId
		? (box: Box, context: PanelContext & {readonly data: BodyProps<Id>['data'] | undefined}) => NonNullable<PanelRequests[Id]>
		: never;
	readonly Body: (props: BodyProps<Id>) => ReactNode;
};

/** An entry, typed by its id (so its request and data are its view's). */
export const panel = <Id extends UiPanelId>(entry: PanelEntry<Id>): PanelEntry<Id> => entry;
