# The API image for docker compose. Neo4j runs in its own container (see docker-compose.yml).
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY src ./src
COPY scripts ./scripts
COPY seed ./seed
COPY examples ./examples
COPY explorer ./explorer
COPY tsconfig.json gateway.config.json ./
# the explorer page served at / (vite is a runtime dependency for this build)
RUN node --import tsx scripts/build-explorer.ts
USER node
EXPOSE 4000
# tsx strips the types at load time; NEO4J_URI is set by compose, so no local Neo4j is started.
CMD ["node", "--import", "tsx", "scripts/start.ts"]
