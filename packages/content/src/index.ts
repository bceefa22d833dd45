export {
  ContentError,
  logoDirectory,
  logoFiles,
  logoUrl,
  logoUrlPrefix,
  type Organisation,
  organisations,
} from "./organisations.js";
export { newsletterPaths, siteIdentity } from "./site.js";
