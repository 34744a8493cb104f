# syntax=docker/dockerfile:1
# One recipe for every teamseat process; SERVICE picks the workspace to run:
#   docker build --build-arg SERVICE=services/team-service -t teamseat/team-service:0.1.0 .
# SERVICE is one of services/webhook-gateway, services/team-service, services/entitlement-service,
# tools/revenuecat-emulator. docker-compose.yml and deploy/k8s build and run exactly these four.

# Pinned to a Node 22 LTS release; bump it deliberately (and pin the digest in your registry mirror).
ARG NODE_IMAGE=node:22.23.3-alpine

# Only the package manifests, so the dependency layers below stay cached until a package.json or the
# lockfile changes (a source edit changes this stage, not its output).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json -delete \
    && (find . -depth -mindepth 1 -type d -exec rmdir {} + 2>/dev/null || true)

# Builds exactly what `npm run build` builds (proto code generation + tsc -b over every workspace), once for
# all four images: SERVICE is declared after the build so the layers are shared.
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY --from=manifests /src/ ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY scripts/ scripts/
COPY proto/ proto/
COPY packages/ packages/
COPY services/ services/
COPY tools/ tools/
RUN npm run build
ARG SERVICE
# Fail early on a wrong SERVICE, then gather only what the runtime needs: every package's dist (they are
# small), the service's own dist and the protos (a few KB; @teamseat/grpc can load them instead of the
# embedded descriptors), laid out as in the repository so workspace links and PROTO_ROOT resolve.
RUN test -n "$SERVICE" && test -f "$SERVICE/dist/main.js" \
    && mkdir -p /out && cp -R proto /out/proto \
    && for dir in packages/* "$SERVICE"; do \
         if [ -d "$dir/dist" ]; then mkdir -p "/out/$dir" && cp -R "$dir/dist" "/out/$dir/"; fi; \
       done

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production
WORKDIR /app
COPY --from=manifests /src/ ./
# Production dependencies of this one workspace (and the workspaces it links); npm and yarn are removed
# afterwards: nothing runs them in production and they are the largest part of the base image's attack surface.
RUN npm ci --omit=dev --no-audit --no-fund --workspace "$SERVICE" \
    && npm cache clean --force \
    && rm -rf /usr/local/lib/node_modules/npm /usr/local/bin/npm /usr/local/bin/npx \
              /usr/local/lib/node_modules/corepack /usr/local/bin/corepack /opt/yarn-* \
              /usr/local/bin/yarn /usr/local/bin/yarnpkg /root/.npm /tmp/*
COPY --from=build /out/ ./
WORKDIR /app/${SERVICE}
# The base image's `node` user, given by number so Kubernetes can verify runAsNonRoot.
USER 1000:1000
# node is PID 1 (never npm): it receives SIGTERM itself and runs the service's graceful shutdown.
CMD ["node", "dist/main.js"]
