#!/usr/bin/env python3
"""A stand-in for the MEC Traffic Offload Function's service API, for tests only.

It implements exactly the API documented in the Superfluidity deliverable, section
5.2.2.2 (no real TOF exists on the test machines):
  GET    /service          200, the configured services
  POST   /service          200 configured; 400 bad request; 409 a service of that name exists
  DELETE /service/{name}   200 deleted; 404 not found
A service is { name, rules { priority*, nw_src*, nw_dst, protocol, tp_src, tp_dst,
endpoint }, chain { ue_net: [ip], net_ue: [ip] } } (* required).
"""
import argparse
import ipaddress
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SERVICES: dict = {}


def ip_or_net(value) -> bool:
    try:
        ipaddress.ip_network(str(value), strict=False)
        return True
    except ValueError:
        return False


def problems(service) -> list:
    found = []
    if not isinstance(service, dict):
        return ["the body must be a service object"]
    if not isinstance(service.get("name"), str) or not service["name"]:
        found.append("name is required")
    rules = service.get("rules")
    if not isinstance(rules, dict):
        return found + ["rules is required"]
    if "priority" not in rules or not str(rules["priority"]).isdigit():
        found.append("rules.priority is required (a number)")
    if not ip_or_net(rules.get("nw_src", "")):
        found.append("rules.nw_src is required: an IP or IP/mask")
    for key in ("nw_dst", "endpoint"):
        if key in rules and not ip_or_net(rules[key]):
            found.append(f"rules.{key} must be an IP or IP/mask")
    if "protocol" in rules and str(rules["protocol"]) not in ("1", "6", "17"):
        found.append("rules.protocol must be 1, 6 or 17")
    chain = service.get("chain", {})
    for key in ("ue_net", "net_ue"):
        if not all(ip_or_net(ip) for ip in chain.get(key, [])):
            found.append(f"chain.{key} must list IPs")
    return found


class Handler(BaseHTTPRequestHandler):
    def reply(self, code: int, body=None) -> None:
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/service":
            self.reply(200, list(SERVICES.values()))
        else:
            self.reply(404, {"error": "not found"})

    def do_POST(self) -> None:  # noqa: N802
        if self.path != "/service":
            return self.reply(404, {"error": "not found"})
        try:
            service = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"null")
        except ValueError:
            return self.reply(400, {"error": "the body is not JSON"})
        wrong = problems(service)
        if wrong:
            return self.reply(400, {"error": "; ".join(wrong)})
        if service["name"] in SERVICES:
            return self.reply(409, {"error": f"service {service['name']} exists"})
        SERVICES[service["name"]] = service
        return self.reply(200, {"configured": service["name"]})

    def do_DELETE(self) -> None:  # noqa: N802
        prefix = "/service/"
        name = self.path[len(prefix):] if self.path.startswith(prefix) else ""
        if name not in SERVICES:
            return self.reply(404, {"error": "not found"})
        del SERVICES[name]
        return self.reply(200, {"deleted": name})

    def log_message(self, *_args) -> None:
        pass


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8181)
    args = parser.parse_args()
    ThreadingHTTPServer((args.listen, args.port), Handler).serve_forever()
