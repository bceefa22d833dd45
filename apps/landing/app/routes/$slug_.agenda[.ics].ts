import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFile } from "../campaigns/calendar";
import { campaignRequest } from "../lib/campaign-request.server";
import { landingOrigin } from "../lib/urls.server";

/** "Add to calendar": the campaign's event as an iCalendar file, made on the server. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { campaign, headers } = await campaignRequest(request, context, params.slug, new Date(), {
    plainGone: true,
  });
  const event = campaign.blocks.find((block) => block.type === "event");
  if (!event) return new Response("Niet gevonden", { status: 404, headers });
  const origin = landingOrigin(request);
  const body = calendarFile({
    uid: `${campaign.slug}-${event.date}@${new URL(origin).hostname}`,
    name: event.name,
    date: event.date,
    start: event.start,
    end: event.end,
    location: event.address ? `${event.location}, ${event.address}` : event.location,
    ...(event.details ? { description: event.details } : {}),
    url: `${origin}/${campaign.slug}`,
    now: new Date(),
  });
  return new Response(body, {
    headers: {
      ...headers,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${campaign.slug}.ics"`,
    },
  });
}
