// Adds the dev-only workbook preview to a webpack config (webpack.config.js calls this for
// development builds and when MINERDEBT_PREVIEW=1; production dist/ never contains it):
// - the `preview` bundle (HyperFormula grid + the real task pane) and preview.html;
// - office.js from the @microsoft/office-js package at office-js/office.js, so the preview runs
//   with no CDN (outside Office, Office.onReady then resolves with host null).
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const ROOT = path.join(__dirname, "..");
const OFFICE_JS_DIR = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

// office.js loads these siblings by itself when it starts outside Office (strings for the page's
// locale, falling back to en-us); without them the console reports 404s.
const OFFICE_JS_FILES = ["office.js", "o15apptofilemappingtable.js", "en-us/office_strings.js"];

module.exports = function addPreview(config /* , { mode, baseUrl } */) {
  config.entry = { ...config.entry, preview: "./src/preview/index.tsx" };
  config.plugins.push(
    new HtmlWebpackPlugin({
      filename: "preview.html",
      template: "./src/preview/preview.html",
      chunks: ["preview"],
      scriptLoading: "defer",
    }),
    new CopyWebpackPlugin({
      patterns: OFFICE_JS_FILES.map((file) => ({
        from: path.join(OFFICE_JS_DIR, file),
        to: path.join("office-js", file),
        noErrorOnMissing: file !== "office.js",
      })),
    }),
  );
  return config;
};
