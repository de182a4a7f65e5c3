# patchsync server image: `docker build -t patchsync .`, then
#   docker run -p 8080:8080 -v patchsync-data:/data patchsync                       (SQLite in /data)
#   docker run -p 8080:8080 -e DATABASE_URL=postgres://user:pass@db:5432/patchsync patchsync
# Every setting is an environment variable (see `patchsync serve --help`).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 and argon2 ship prebuilt binaries; the toolchain is only the fallback for a
# platform without one.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# --ignore-scripts: the package's own `prepare` (a build) needs the sources, which come next; the
# native modules' install scripts are run by the rebuild.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3 argon2
COPY . .
# The image is an app that runs the server, so the drivers (optional peer dependencies of the
# package, development dependencies here) become dependencies before the dev ones are pruned.
RUN npm run build \
 && node -e "const fs = require('node:fs'); const p = require('./package.json'); for (const name of Object.keys(p.peerDependencies)) { p.dependencies[name] = p.devDependencies[name]; delete p.devDependencies[name] } fs.writeFileSync('package.json', JSON.stringify(p, null, 2))" \
 && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    DATABASE_URL=sqlite:/data/patchsync.db
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/spec ./spec
COPY --from=build /app/conformance/vectors ./conformance/vectors
COPY --from=build /app/conformance/scenarios ./conformance/scenarios
COPY --from=build /app/LICENSE ./
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# --ignore-scripts skips `prestart` (a build: the image holds the built dist/ and no compiler).
# npm passes SIGTERM on to the server, which then finishes its commits and closes.
CMD ["npm", "start", "--ignore-scripts"]
