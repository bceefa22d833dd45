import { DataTable } from "@vaart/ui";
import type { CampaignPhase } from "../campaigns/publication";
import type { CampaignResult } from "../campaigns/results";

const phaseLabels: Record<CampaignPhase, string> = {
  draft: "concept",
  scheduled: "gepland",
  live: "online",
  ended: "afgelopen",
};

const percent = new Intl.NumberFormat("nl-NL", { style: "percent", maximumFractionDigits: 1 });

/** A campaign's totals (the per-day figures go to the chart). */
export type ResultRow = Omit<CampaignResult, "days">;

/** One row per campaign: the figures marketing asked for. */
export function ResultsTable({ results }: { results: readonly ResultRow[] }) {
  return (
    <DataTable
      caption="Per campagne"
      // On a phone each campaign becomes a block of labelled figures: nothing scrolls sideways.
      narrowLayout="stack"
      columns={[
        { header: "Campagne" },
        { header: "Status" },
        { header: "Bezoeken", numeric: true },
        { header: "Aanmeldingen", numeric: true },
        { header: "Bevestigd", numeric: true },
        { header: "Conversie", numeric: true },
      ]}
      rows={results.map((result) => ({
        key: result.slug,
        header: result.title,
        attributes: { "data-campaign": result.slug },
        cells: [
          phaseLabels[result.phase],
          result.visits,
          result.signups,
          result.confirmed,
          result.conversion === null ? "–" : percent.format(result.conversion),
        ],
      }))}
    />
  );
}
