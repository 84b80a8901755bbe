#!/usr/bin/env python3
"""One component of Superfluid's 5G slice demo (EPC, MEC, CRAN, or a MEC application).

A small real service: it reads the configuration the playbook rendered, listens on the
site's address on the port the configuration asks for (0, or one taken by another process:
any free port), writes the port it got to the file `port` beside its configuration, and
answers GET /health (status, component, name, the service it belongs to, the components it
depends on) and GET /config. SIGTERM stops it.
"""
import argparse
import errno
import json
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    args = parser.parse_args()
    with open(args.config, encoding="utf-8") as handle:
        config = json.load(handle)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            if self.path == "/health":
                body = {
                    "status": "ok",
                    "component": config["component"],
                    "name": config["name"],
                    "service": config["service"],
                    "depends": config.get("depends", {}),
                }
            elif self.path == "/config":
                body = config
            else:
                self.send_response(404)
                self.end_headers()
                return
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args) -> None:
            pass

    wanted = int(config.get("port") or 0)
    try:
        server = ThreadingHTTPServer((config["listen"], wanted), Handler)
    except OSError as err:
        if wanted == 0 or err.errno != errno.EADDRINUSE:
            raise
        print(f"port {wanted} is taken: listening on a free one", file=sys.stderr)
        server = ThreadingHTTPServer((config["listen"], 0), Handler)
    # Written once listening, whole (renamed into place): a reader sees no port or the right one.
    port_file = os.path.join(os.path.dirname(os.path.abspath(args.config)), "port")
    with open(port_file + ".new", "w", encoding="utf-8") as handle:
        handle.write(f"{server.server_address[1]}\n")
    os.replace(port_file + ".new", port_file)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server.serve_forever()


if __name__ == "__main__":
    main()
