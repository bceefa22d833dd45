import type { SignupFormData, SignupOutcome } from "@vaart/web/signup-form";
import { CampaignBlocks, type PageBlock } from "../components/CampaignBlocks";
import { CampaignSignup } from "../components/CampaignSignup";
import { LandingFrame } from "../components/LandingFrame";

export interface CampaignPageProps {
  /** The site's address: where the frame's name and footer lead. */
  siteUrl: string;
  /** Shown through a preview link: a banner says so. */
  preview: boolean;
  /** Every block of the campaign file, in its order. */
  blocks: PageBlock[];
  /** The signup block's form: it posts to the campaign page with the visit's UTM values. */
  signup: {
    action: string;
    form: SignupFormData;
    utm: Record<string, string>;
    copy: { title?: string | undefined; intro?: string | undefined; submit?: string | undefined };
  } | null;
  /** The answer to a signup that did not go through. */
  outcome?: SignupOutcome | undefined;
}

/** A campaign landing page (`/<campaign-slug>`): its blocks in the landing frame. */
export function CampaignPage({ siteUrl, preview, blocks, signup, outcome }: CampaignPageProps) {
  return (
    <LandingFrame siteUrl={siteUrl} preview={preview}>
      <CampaignBlocks
        blocks={blocks}
        signup={
          signup ? (
            <CampaignSignup
              action={signup.action}
              form={signup.form}
              outcome={outcome}
              utm={signup.utm}
              copy={signup.copy}
            />
          ) : null
        }
      />
    </LandingFrame>
  );
}
