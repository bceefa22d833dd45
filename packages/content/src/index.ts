export {
  ContentError,
  logoDirectory,
  logoFiles,
  logoUrlPrefix,
  type Organisation,
  organisations,
} from "./organisations.js";
export { newsletterPaths, siteIdentity } from "./site.js";
