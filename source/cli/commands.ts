/** Where the training thread's code is: the bundle beside the entry point. */
export type Entry = {readonly workerUrl: URL; readonly importMeta: ImportMeta};

/** A command of its own, `descent NAME …`: its line in --help (its code is main.ts's RUNS, loaded only when it runs). */
export type Command = {
	readonly name: CommandName;
	readonly usage: string;
	readonly summary: string;
};

export type CommandName = 'exercise' | 'lesson';

export const COMMANDS: readonly Command[] = [
	{name: 'exercise', usage: 'exercise [flags]', summary: 'one iteration by hand: questions, checked'},
	{name: 'lesson', usage: 'lesson NAME|FILE', summary: 'a lesson, step by step (--list: the built-in ones)'},
];
