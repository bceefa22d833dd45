// The limit to compare against: a minimal node:http server that answers every request with
// the same bytes (already gzipped) and headers the site sends for the article page.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [bodyFile, headersFile, port] = process.argv.slice(2);
const body = readFileSync(bodyFile);
const headers = JSON.parse(readFileSync(headersFile, "utf8"));
createServer((_request, response) => {
  response.writeHead(200, { ...headers, "Content-Length": body.length });
  response.end(body);
}).listen(Number(port), "127.0.0.1", () => process.send?.("ready"));
