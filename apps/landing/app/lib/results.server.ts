import { getNewsletter } from "@vaart/web";
import { allCampaigns } from "../campaigns/campaigns.server";
import {
  campaignResults as resultsOf,
  campaignSignupsCsv as signupsCsvOf,
} from "../campaigns/results";

export function campaignResults() {
  return resultsOf(allCampaigns(), getNewsletter());
}

export function campaignSignupsCsv() {
  return signupsCsvOf(allCampaigns(), getNewsletter());
}
