#!/usr/bin/env python3
"""One component of Superfluid's 5G slice demo (EPC, MEC, CRAN, or a MEC application).

A small real service: it reads the configuration the playbook rendered, listens on the
site's address, and answers GET /health (status, component, the addresses of the
components it depends on) and GET /config. SIGTERM stops it.
"""
import argparse
import json
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

    server = ThreadingHTTPServer((config["listen"], int(config["port"])), Handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server.serve_forever()


if __name__ == "__main__":
    main()
