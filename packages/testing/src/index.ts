export { expectNoAxeViolations, wcagTags } from "./axe.js";
export { chromiumArgs, chromiumPath } from "./chromium.js";
export {
  calibratedCpuSlowdown,
  defaultCpuSlowdown,
  type LighthouseReport,
  LighthouseRuntimeError,
  type LighthouseScores,
  type LighthouseVerdict,
  runLighthouse,
  runLighthouseBestOf,
} from "./lighthouse.js";
export { linkIn, mailsTo, mailTo, uniqueAddress } from "./outbox.js";
export { measurePageWeight, type PageWeight } from "./page-weight.js";
export { type DocSample, docSamples } from "./readme-samples.js";
export {
  type RunningCommand,
  runCommand,
  scratchRepo,
  turboCacheDir,
  waitFor,
} from "./scratch-repo.js";
export { freePort, type ServerProcess, startServerProcess } from "./server-process.js";
