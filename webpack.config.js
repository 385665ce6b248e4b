// Two bundles (SPEC §2): `functions` for the JavaScript-only custom functions runtime (no React,
// no Fluent) and `taskpane` (React + Fluent UI v9). `npm run build` writes dist/ for any static
// HTTPS host; MINERDEBT_BASE_URL sets the origin written into dist/manifest.xml.
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
// webpack's own minimizer plugin (a dependency of webpack, resolved from it).
const MinimizerPlugin = require(require.resolve("minimizer-webpack-plugin", { paths: [require.resolve("webpack")] }));
const { DEV_BASE_URL, resolveBaseUrl, rewriteManifest } = require("./config/base-url");

const { FUNCTION_SOURCES } = require("./config/functions-sources");
const { SourceLinksPlugin } = require("./config/source-links");

// The functions bundle's entry; it imports the files whose functions the metadata lists.
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
// The data functions.js reads: core.json and events.json embedded, links.json fetched on first
// use (config/source-links.js); detail.json is the task pane's only.
const GENERATED_DATA_FILES = ["core.json", "links.json", "events.json"].map((name) => path.join(__dirname, "src/data/generated", name));
const INTERNAL_PROPERTY = /^[a-z]+(?:[A-Z][a-z0-9]*)+$/;
// The JavaScript-only custom functions runtime of older Windows builds (before 2403, and Office
// 2021 perpetual) is an ES2016 engine (docs/taskpane.md "Functions bundle: ES2016"): functions.js
// and everything it imports are compiled in a layer of their own to ES2016 syntax, and terser
// keeps to it. test/functions/es2016-bundle.test.ts parses the built file as ES2016.
const FUNCTIONS_ECMA = 2016;
const FUNCTIONS_LAYER = "functions-es2016";

/** Every object key in the given JSON files that INTERNAL_PROPERTY would match. */
function camelCaseKeysOf(files) {
  const keys = new Set();
  const visit = (value) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (INTERNAL_PROPERTY.test(key)) keys.add(key);
        visit(inner);
      }
    }
  };
  for (const file of files) visit(JSON.parse(fs.readFileSync(file, "utf8")));
  return [...keys].sort();
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const dev = mode === "development";
  const baseUrl = resolveBaseUrl(mode);
  const outputDir = path.resolve(__dirname, process.env.MINERDEBT_DIST_DIR || "dist");
  const serving = Boolean(env.WEBPACK_SERVE);

  const functionsLoader = {
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      instance: FUNCTIONS_LAYER,
      compilerOptions: { target: `ES${FUNCTIONS_ECMA}` },
      getCustomTransformers: () => ({ after: [require("./config/es2016-transformer")()] }),
    },
  };
  const config = {
    mode,
    devtool: dev ? "source-map" : false,
    entry: {
      functions: { import: FUNCTIONS_SOURCE, layer: FUNCTIONS_LAYER },
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: outputDir,
      filename: "[name].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked by `npm test` (tsc --noEmit); the bundle build only transpiles.
          oneOf: [
            // functions.ts (the entry, in the layer by its entry) and, as modules get their
            // issuer's layer, everything it imports.
            { issuerLayer: FUNCTIONS_LAYER, use: functionsLoader },
            { include: path.resolve(__dirname, FUNCTIONS_SOURCE), use: functionsLoader },
            { use: { loader: "ts-loader", options: { transpileOnly: true } } },
          ],
        },
      ],
    },
    experiments: { layers: true },
    performance: { hints: false },
    optimization: {
      // functions.js is loaded with every workbook (budget: 35 KB gzip, BENCHMARKS.md): one more
      // terser pass, module scope and arrow functions for it; "..." keeps webpack's default
      // minimizer for every other asset (an asset minimized here is not minimized again).
      minimizer: [
        new MinimizerPlugin({
          include: /^functions\.js$/,
          minimizerOptions: {
            ecma: FUNCTIONS_ECMA,
            module: true,
            compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
            // Internal camelCase properties (sharePrice, latestQuarter, …) get short names. Data
            // fields are snake_case and Office's API is reached by lower-case names or computed
            // keys, so neither matches; the data files' own camelCase keys (asOf, …) are kept
            // because JSON.parse creates them (links.json too, fetched and parsed at run time); built-ins are kept by terser's own list.
            mangle: { properties: { regex: INTERNAL_PROPERTY, reserved: camelCaseKeysOf(GENERATED_DATA_FILES) } },
          },
        }),
        "...",
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_SOURCES }),
      new SourceLinksPlugin(baseUrl),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
        scriptLoading: "blocking",
        inject: "body",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The manifest's SupportUrl: a static help page (no script).
          { from: "src/support/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString(), baseUrl),
          },
        ],
      }),
    ],
  };

  // The dev-only workbook preview (HyperFormula grid + the real task pane) is never part of a
  // production build; `npm start` and the e2e tests build it.
  if ((dev || process.env.MINERDEBT_PREVIEW === "1") && process.env.MINERDEBT_PREVIEW !== "0") {
    const previewConfig = path.join(__dirname, "config", "preview.webpack.js");
    if (fs.existsSync(previewConfig)) require(previewConfig)(config, { mode, baseUrl });
  }

  if (serving) {
    const { httpsOptions } = require("./config/dev-certs");
    const tls = await httpsOptions();
    config.devServer = {
      port: Number(process.env.MINERDEBT_PORT || 3000),
      host: "localhost",
      server: { type: "https", options: { key: tls.key, cert: tls.cert, ...(tls.ca ? { ca: tls.ca } : {}) } },
      // Excel fetches functions.json / functions.js, and the functions the source-links file, cross-origin.
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: false,
      liveReload: false,
      client: false,
      static: false,
      onListening: (server) => {
        const port = server.server.address().port;
        printSideloadSteps(port, tls, writePortManifest(baseUrl));
      },
    };
  }
  return config;
};

/**
 * On a port other than 3000 the committed manifest.xml points at the wrong server: write the
 * rewritten one beside it (git-ignored) for uploading, and return its file name.
 */
function writePortManifest(baseUrl) {
  if (baseUrl === DEV_BASE_URL) return "manifest.xml";
  const name = `manifest.${new URL(baseUrl).host.replace(":", "-")}.xml`;
  const xml = rewriteManifest(fs.readFileSync(path.join(__dirname, "manifest.xml"), "utf8"), baseUrl);
  fs.writeFileSync(path.join(__dirname, name), xml);
  return name;
}

function printSideloadSteps(port, tls, manifestFile) {
  const origin = `https://localhost:${port}`;
  const lines = [
    "",
    `MinerDebt dev server: ${origin}/taskpane.html  (certificate: ${tls.kind}${tls.certFile ? `, ${tls.certFile}` : ""})`,
    "Sideload in Excel on the web:",
    "  1. Open a workbook at https://excel.cloud.microsoft (or office.com) in the same browser.",
    `  2. Home > Add-ins > More Settings (or 'Advanced…') > Upload My Add-in, choose ${manifestFile} from this folder.`,
    "  3. Home > Miner Debt opens the task pane; type =MINERDEBT.VERSION() in a cell.",
    tls.kind === "self-signed"
      ? `  Trust the certificate first: open ${origin}/taskpane.html in this browser and accept it, or import ${tls.certFile} into your trusted roots.`
      : "",
    `Preview without Excel (a workbook grid beside the task pane): ${origin}/preview.html`,
    "  Chrome 141+ may ask to allow access to local network devices for localhost: choose Allow.",
    "",
  ];
  console.log(lines.filter((line) => line !== "").join("\n"));
}
