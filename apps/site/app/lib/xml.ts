/** RFC 822 date (RSS 2.0), e.g. "Mon, 02 Oct 2023 00:00:00 GMT", from an ISO date. */
export function rfc822Date(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toUTCString();
}
