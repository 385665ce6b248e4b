// Jest globalTeardown: removes the shared build folder that global-setup.js named (see there).
const { rmSync } = require("fs");

module.exports = async () => {
  const dir = process.env.MINERDEBT_TEST_BUILD_DIR;
  if (!dir) return;
  for (const leftover of [dir, `${dir}.lock`, `${dir}.failed`]) rmSync(leftover, { recursive: true, force: true });
};
