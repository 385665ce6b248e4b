// The functions runtime's source-links file (src/functions/source-links.ts): links.json emitted
// beside functions.js under a name made from its content, and that file's absolute URL on the
// add-in's host baked into the code. A content name means a cached file of an older build can
// never answer for this one (links.json's lists follow core.json's record order).
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { DefinePlugin, Compilation, sources } = require("webpack");

const LINKS_FILE = path.join(__dirname, "..", "src", "data", "generated", "links.json");
const PLUGIN = "MinerDebtSourceLinks";

/** The file's name and bytes as the build emits them. */
function sourceLinksAsset(file = LINKS_FILE) {
  const content = fs.readFileSync(file);
  const hash = crypto.createHash("sha256").update(content).digest("hex").slice(0, 8);
  return { name: `source-links.${hash}.json`, content };
}

class SourceLinksPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    new DefinePlugin({
      // Read again on every compilation, so `npm start` follows a data rebuild.
      __MINERDEBT_SOURCE_LINKS_URL__: DefinePlugin.runtimeValue(() => JSON.stringify(new URL(sourceLinksAsset().name, this.baseUrl).href), {
        fileDependencies: [LINKS_FILE],
      }),
    }).apply(compiler);
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = sourceLinksAsset();
        compilation.emitAsset(asset.name, new sources.RawSource(asset.content));
        compilation.fileDependencies.add(LINKS_FILE);
      });
    });
  }
}

module.exports = { SourceLinksPlugin, sourceLinksAsset, LINKS_FILE };
