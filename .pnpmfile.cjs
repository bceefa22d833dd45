// Native addons (better-sqlite3) are compiled by node-gyp on machines that cannot download
// Node's headers or prebuilt binaries. Point node-gyp at the headers installed with Node
// itself. pnpm 12 passes only a few environment variables to install scripts, so this is
// set here rather than in .npmrc.
const fs = require("node:fs");
const path = require("node:path");

const prefix = path.dirname(path.dirname(process.execPath));
const hasHeaders = fs.existsSync(path.join(prefix, "include", "node", "node_version.h"));

module.exports = {
  hooks: {
    updateConfig(config) {
      // biome-ignore lint/suspicious/noUndeclaredEnvVars: read at install time, not by a turbo task.
      if (!hasHeaders || process.env.npm_config_nodedir) return config;
      config.extraEnv = { ...config.extraEnv, npm_config_nodedir: prefix };
      return config;
    },
  },
};
