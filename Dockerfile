# Production image: compiled JavaScript, production dependencies only.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY --from=build /app/dist ./dist
COPY bin ./bin
# PLAZA_DATA_DIR in docker-compose.yml: a named volume mounted here starts owned by node.
RUN mkdir -p /home/node/plaza && chown node:node /home/node/plaza
USER node
EXPOSE 4000
HEALTHCHECK CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# A larger young generation: requests allocate many short-lived objects (see docs/benchmarks.md).
CMD ["node", "--max-semi-space-size=64", "dist/src/main.js"]
