// npm run lint: rules chosen to catch bugs (hooks, floating promises, needless assertions),
// not to argue style; prettier formats.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'test/reference/', 'coverage/']},
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname}},
		plugins: {'react-hooks': reactHooks},
		rules: {
			...reactHooks.configs.recommended.rules,
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-unnecessary-type-assertion': 'error',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_'}],
			'@typescript-eslint/restrict-template-expressions': ['error', {allowNumber: true, allowBoolean: true}],
			'@typescript-eslint/no-confusing-void-expression': 'off',
			eqeqeq: 'error',
		},
	},
	{files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked},
	// the examples are programs for Node, as a user would write them
	{files: ['examples/**/*.js'], languageOptions: {globals: {console: 'readonly'}}},
);
