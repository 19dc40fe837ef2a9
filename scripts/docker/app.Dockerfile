# One image per app: docker build --build-arg APP=citizen -f scripts/docker/app.Dockerfile .
FROM node:20-bookworm-slim
ARG APP=citizen
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 APP=${APP}
COPY . .
RUN npm ci && npx turbo run build --filter=@ktp/${APP}
ENV NODE_ENV=production
CMD ["sh", "-c", "cd apps/$APP && exec node --conditions=react-server --import tsx server.ts"]
