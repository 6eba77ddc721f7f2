/** Where the training thread's code is: the bundle beside the entry point. */
export type Entry = {readonly workerUrl: URL; readonly importMeta: ImportMeta};

/** A command of its own, `descent NAME …`: its line in --help, and its code, loaded only when it runs. */
export type Command = {
	readonly name: string;
	readonly usage: string;
	readonly summary: string;
	readonly run: (argv: readonly string[], entry: Entry) => Promise<number>;
};

export const COMMANDS: readonly Command[] = [
	{
		name: 'exercise',
		usage: 'exercise [flags]',
		summary: 'one iteration by hand: questions, checked',
		run: async (argv, entry) => (await import('./exercise.js')).exercise(argv, entry),
	},
];
