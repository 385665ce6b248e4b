// Jest globalSetup: one folder per run for the shared production build (test/support/built-dist.ts).
// Workers inherit the environment variable; globalTeardown removes the folder and its markers, so a
// run leaves nothing behind in the system temp folder.
const { tmpdir } = require("os");
const path = require("path");

module.exports = async () => {
  if (!process.env.MINERDEBT_TEST_DIST && !process.env.MINERDEBT_TEST_BUILD_DIR) {
    process.env.MINERDEBT_TEST_BUILD_DIR = path.join(tmpdir(), `minerdebt-test-dist-${process.pid}`);
  }
};
