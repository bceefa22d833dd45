export { campaignWithScripts, expectAuthoredScriptsInert } from "./authored-scripts.js";
export { expectNoAxeViolations, wcagTags } from "./axe.js";
export { chromiumArgs, chromiumPath } from "./chromium.js";
export {
  type LighthouseReport,
  LighthouseRuntimeError,
  type LighthouseScores,
  type LighthouseVerdict,
  runLighthouse,
  runLighthouseBestOf,
} from "./lighthouse.js";
export { freePort, otherAddresses, reachable } from "./network.js";
export { linkIn, mailsTo, mailTo, uniqueAddress } from "./outbox.js";
export { measurePageWeight, type PageWeight } from "./page-weight.js";
export { productionEnv } from "./production-env.js";
export { type DocSample, docSamples } from "./readme-samples.js";
export {
  type RunningCommand,
  runCommand,
  scratchRepo,
  turboCacheDir,
  waitFor,
} from "./scratch-repo.js";
export {
  ServerExitedError,
  type ServerProcess,
  startServerProcess,
  untilEveryServer,
} from "./server-process.js";
