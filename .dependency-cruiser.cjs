/**
 * The architecture, as rules `pnpm check` enforces (docs/architecture.md draws the same layers).
 * Layers, bottom to top: leaf packages -> packages -> services -> cli. A file may import its own layer's
 * public entry points and anything below, never above; a package is entered only through its
 * `src/index.ts` (what its `exports` names), and nothing may form an import cycle.
 */
const LEAF = '(schemas|config|logger|signing|dates|text)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Import cycles between files (and so between packages) are not allowed.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-deep-import',
      severity: 'error',
      comment:
        "Enter another package through its index (`@wirehose/x`), never a path into its src/: what a package's index omits is private.",
      from: { path: '^(packages|services)/([^/]+)/' },
      to: {
        path: '^(packages|services)/([^/]+)/src/',
        pathNot: ['^$1/$2/', '^(packages|services)/[^/]+/src/index\\.ts$'],
      },
    },
    {
      name: 'no-deep-import-outside',
      severity: 'error',
      comment: 'Tests, benches and scripts use packages through their index too.',
      from: { path: '^(test|bench|scripts)/' },
      to: {
        path: '^(packages|services)/[^/]+/src/',
        pathNot: ['^(packages|services)/[^/]+/src/index\\.ts$'],
      },
    },
    {
      name: 'leaf-packages-stand-alone',
      severity: 'error',
      comment: `Leaf packages ${LEAF} import no other wirehose package.`,
      from: { path: `^packages/${LEAF}/` },
      to: { path: '^(packages|services)/([^/]+)/', pathNot: '^packages/$1/' },
    },
    {
      name: 'packages-below-services',
      severity: 'error',
      comment: 'Packages are libraries: they never import a service.',
      from: { path: '^packages/' },
      to: { path: '^services/' },
    },
    {
      name: 'services-meet-through-queues',
      severity: 'error',
      comment: 'A service never imports another service: stages meet only through queues in packages/.',
      from: { path: '^services/(?!cli/)([^/]+)/' },
      to: { path: '^services/([^/]+)/', pathNot: '^services/$1/' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A source file nothing imports is dead code (entry points and tests excepted).',
      from: {
        orphan: true,
        pathNot: [
          '(^|/)[.][^/]+[.](?:js|cjs|mjs|ts|json)$',
          '[.]d[.]ts$',
          '(^|/)tsconfig[.]json$',
          '[.]test[.]ts$',
          '^services/[^/]+/src/main[.]ts$',
          '^(bench|scripts|test)/',
          '(^|/)(vitest|eslint)[.]config[.]',
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|[.]tmp[.]m?ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
    preserveSymlinks: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
