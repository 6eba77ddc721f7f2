/**
 * A registry: one entry per choice (an activation, a loss, an optimizer …), keyed by the
 * name the user types. Each entry is written once; its name, the list of names for --help
 * and the check of a typed name all come from it.
 */
export type Registry<Name extends string, Entry> = {
	readonly entries: Readonly<Record<Name, Entry & {readonly name: Name}>>;
	readonly names: readonly Name[];
	readonly has: (name: string) => name is Name;
	readonly get: (name: Name) => Entry & {readonly name: Name};
};

/** `registry<Entry>()({name: entry, …})`: the entries' type is declared, their names are inferred. */
export function registry<Entry>() {
	return <Name extends string>(entries: Record<Name, Entry>): Registry<Name, Entry> => build(entries);
}

function build<Name extends string, Entry>(entries: Record<Name, Entry>): Registry<Name, Entry> {
	const named = Object.fromEntries(Object.entries(entries).map(([name, entry]) => [name, {...(entry as Entry), name}])) as Record<
		Name,
		Entry & {readonly name: Name}
	>;
	const has = (name: string): name is Name => Object.hasOwn(entries, name);
	return {entries: named, names: Object.keys(entries) as Name[], has, get: name => named[name]};
}
