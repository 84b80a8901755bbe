# The Superfluid image: one image, two roles (ROLE=api | worker | all).
FROM node:20-bookworm-slim

# ansible-core runs the playbooks, in a bubblewrap sandbox each; git serves and fetches the
# playbook repos; sshpass gives password SSH credentials to ssh.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ansible-core git ca-certificates openssh-client bubblewrap sshpass \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so that source edits do not invalidate this layer.
COPY package.json package-lock.json ./
COPY packages/dialogs/package.json packages/dialogs/
COPY backend/package.json backend/
COPY frontend/package.json frontend/
COPY test/package.json test/
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build

# DATA_DIR: git mirrors, run folders, secret key. Mount a volume here. The backend refuses
# to run as root: it runs as `node`, and DATA_DIR is its own.
RUN mkdir -p /data && chown node:node /data && chmod 0700 /data
ENV ROLE=all \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
USER node
VOLUME ["/data"]
EXPOSE 3000
CMD ["node", "backend/dist/main.js"]
