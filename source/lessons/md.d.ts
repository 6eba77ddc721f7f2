// a lesson's Markdown, bundled as its text (build.mjs and vitest.config.ts load .md files as text)
declare module '*.md' {
	const text: string;
	export default text;
}
