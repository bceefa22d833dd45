import type { CampaignPhase } from "../campaigns/publication";

const phaseLabels: Record<CampaignPhase, string> = {
  draft: "concept",
  scheduled: "gepland",
  live: "online",
  ended: "afgelopen",
};

const percent = new Intl.NumberFormat("nl-NL", { style: "percent", maximumFractionDigits: 1 });

export interface ResultRow {
  slug: string;
  title: string;
  phase: CampaignPhase;
  visits: number;
  signups: number;
  confirmed: number;
  conversion: number | null;
}

/** One row per campaign: the figures marketing asked for. */
export function ResultsTable({ results }: { results: readonly ResultRow[] }) {
  return (
    <table>
      <caption>Per campagne</caption>
      <thead>
        <tr>
          <th scope="col">Campagne</th>
          <th scope="col">Status</th>
          <th scope="col">Bezoeken</th>
          <th scope="col">Aanmeldingen</th>
          <th scope="col">Bevestigd</th>
          <th scope="col">Conversie</th>
        </tr>
      </thead>
      <tbody>
        {results.map((result) => (
          <tr key={result.slug} data-campaign={result.slug}>
            <th scope="row">{result.title}</th>
            <td>{phaseLabels[result.phase]}</td>
            <td>{result.visits}</td>
            <td>{result.signups}</td>
            <td>{result.confirmed}</td>
            <td>{result.conversion === null ? "–" : percent.format(result.conversion)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
