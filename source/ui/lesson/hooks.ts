import type {Key} from 'ink';
import type {Snapshot} from '../../session/views/snapshot.js';
import type {Binding} from '../binding.js';
import type {DashboardState} from '../state.js';
import type {LessonView} from './view.js';

/** What a lesson asks of the dashboard it runs in: which panels and keys, its panel's view, its keys first, and every frame to see. */
export type LessonHooks = {
	/** The step shown: when it changes, the panels are set again. */
	readonly step: number;
	readonly shown: DashboardState['shown'];
	/** The weight selected as the step begins, when it says. */
	readonly select: number | undefined;
	readonly view: (columns: number) => LessonView;
	/** Takes a key before the dashboard does: true when it took it (or keeps it while the step changes). */
	readonly key: (input: string, key: Key) => boolean;
	/** Keeps a key that came before the step's run could take it: before its first frame, or while → was changing the step. */
	readonly wait: (input: string, key: Key) => void;
	/** The keys kept, for the step's dashboard to act on now (they are no longer kept). */
	readonly drain: () => Array<[string, Key]>;
	/** How the keys line names a dashboard key in this step, or undefined when it does not act. */
	readonly offered: (binding: Binding) => string | undefined;
	/** What a dashboard key the step does not offer says instead. */
	readonly notOffered: () => string;
	/** Each new snapshot or selection: whether the step's end is reached. */
	readonly observe: (snapshot: Snapshot, selected: number) => void;
};
