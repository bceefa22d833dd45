// The load generator, run as its own process by load.ts.
import autocannon from "autocannon";

const spec = JSON.parse(process.argv[2]);
let counter = 0;
const options = {
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  headers: spec.headers ?? {},
};
if (spec.signup) {
  const run = `${process.pid}${Date.now().toString(36)}`;
  options.requests = [
    {
      method: "POST",
      setupRequest: (request) => {
        counter += 1;
        const n = counter;
        return {
          ...request,
          headers: {
            ...request.headers,
            "content-type": "application/x-www-form-urlencoded",
            // A proxy (TRUST_PROXY=1) names a different visitor for every signup, and
            // consecutive signups come from different networks (/24), as visitors do: the
            // per-IP (20/h) and per-network (60/h) limits stay at their defaults and are
            // not reached before 65,536 × 60 signups an hour.
            "x-forwarded-for": `10.${(n >> 8) & 255}.${n & 255}.${(n >> 16) & 255}`,
          },
          body: new URLSearchParams({
            email: `bench${n}.${run}@example.nl`,
            consent: "yes",
            formToken: spec.signup.formToken,
          }).toString(),
        };
      },
    },
  ];
}
const result = await autocannon(options);
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses: {
      "1xx": result["1xx"],
      "2xx": result["2xx"],
      "3xx": result["3xx"],
      "4xx": result["4xx"],
      "5xx": result["5xx"],
    },
    errors: result.errors,
  }),
);
