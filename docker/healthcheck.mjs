// The image's HEALTHCHECK: asks /healthz where the app listens (HOST and PORT, as the app reads
// them). An address that means "every interface" is reached on loopback; an IPv6 one in brackets.
const host = process.env.HOST ?? '';
const target = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
const port = process.env.PORT || '3000';
fetch(`http://${target}:${port}/healthz`, { signal: AbortSignal.timeout(4000) }).then(
  (res) => process.exit(res.ok ? 0 : 1),
  () => process.exit(1),
);
