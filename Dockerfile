# Annex's HTTP interactions endpoint (`npm run serve`): stateless workers behind any load
# balancer. Build: `docker build -t annex .`; run: `docker run -p 8080:8080 --env-file .env annex`
# (DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID; no bot token). TLS goes in front (a reverse
# proxy or the platform). The gateway bot is the same image: `docker run … annex node dist/bot.cjs`.
# Node 24: an LTS line supported until April 2028 (Node 20's support ended in April 2026).
FROM node:24-slim AS build
WORKDIR /app
COPY . .
# `npm ci` runs `prepare`, which builds dist/; then the dev tools go.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:24-slim
WORKDIR /app
# WORKERS=auto: one worker per CPU the container may use (its --cpus limit), not the host's.
ENV NODE_ENV=production PORT=8080 WORKERS=auto CORPUS_DIR=/app/corpus INDEX_CACHE_DIR=/app/.annex-cache
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/corpus ./corpus
# Check the letters and save the index in the image, so every worker starts by loading it.
RUN node dist/cli.cjs validate --quiet && node dist/cli.cjs ask "index" > /dev/null \
  && chown -R node:node /app/corpus /app/.annex-cache
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/serve.cjs"]
