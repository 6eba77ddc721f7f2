import type {Key} from 'ink';
import type {Snapshot} from '../session/views/snapshot.js';
import type {Command} from '../session/protocol.js';
import type {UiPanelId} from './panels/id.js';
import type {Action, DashboardState} from './state.js';

/** What a key may read and do. */
export type KeyContext = {
	readonly snapshot: Snapshot;
	readonly state: DashboardState;
	readonly dispatch: (action: Action) => void;
	/** Sends a command; `pending` is what the screen says until the session has done it. */
	readonly send: (command: Command, pending?: string) => void;
	readonly exit: () => void;
	/** Rows the samples panel shows: a page. */
	readonly samplePage: number;
	/** Pages the chain takes in its panel (Tab turns them). */
	readonly chainPages: number;
	/** Lines the help shows at once, and how many it has. */
	readonly help: {readonly page: number; readonly lines: number};
	/** Whether a panel is on screen now. */
	readonly shown: (id: UiPanelId) => boolean;
};

/**
 * A key: what it is called on the keys line and in help, which keystrokes it answers,
 * what it does. One table drives the handler, the keys line and the help.
 */
export type Binding = {
	readonly keys: string;
	readonly short: string;
	readonly long: string;
	readonly match: (input: string, key: Key) => boolean;
	readonly act: (context: KeyContext, input: string, key: Key) => void;
	/** Why it cannot act now (a run without its panel, a map over one input), said instead of acting: no key does nothing silently. */
	readonly refuse?: (context: KeyContext) => string | undefined;
	/** Acts while the help is open (the others do nothing then). */
	readonly inHelp?: boolean;
	/** Always on the keys line, at its end: the way to everything else. */
	readonly always?: boolean;
	/** A race's own key: first on the keys line in a race, and not on it otherwise. */
	readonly race?: boolean;
};

/** A key pressed: it acts, or says why it cannot. */
export function press(binding: Binding, context: KeyContext, input: string, key: Key): void {
	const why = binding.refuse?.(context);
	if (why === undefined) {
		binding.act(context, input, key);
	} else {
		context.dispatch({type: 'say', text: why});
	}
}

/** A plain keystroke: Ctrl-C is not c. */
export const is =
	(...inputs: string[]) =>
	(input: string, key: Key) =>
		!key.ctrl && !key.meta && inputs.includes(input);

/** The keys that quit (Esc closes the help first): the one place they are written. */
export const isQuit = (input: string, key: Key) => input === 'q' || key.escape || (key.ctrl && input === 'c');
