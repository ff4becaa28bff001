#!/usr/bin/env python3
"""Loopback HTTP proxy in front of an AWS emulator that injects faults, for fault_*_test.cpp.

A deterministic share of requests (--fault-rate, spread evenly: 0.5 faults every other request)
is answered with a fault instead of being forwarded, starting with the first request; the faults rotate through a 400 Throttling
error, a 500 InternalError and a dropped connection (closed without a reply). Every connection
is closed after one exchange: an HTTP client may silently resend a request whose reused keep-alive
connection was dropped, which would hide the fault. Prints
"<port> <pid>" on stdout once listening; stops on SIGTERM.

Usage: fault_proxy.py --upstream http://127.0.0.1:5000 [--fault-rate 0.5] [--port 0]
"""
import argparse
import http.client
import http.server
import math
import signal
import sys
import threading
import urllib.parse

THROTTLE_XML = (b"<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
                b"<Message>Rate exceeded</Message></Error>"
                b"<RequestId>fault-proxy</RequestId></ErrorResponse>")
INTERNAL_XML = (b"<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code>"
                b"<Message>injected failure</Message></Error>"
                b"<RequestId>fault-proxy</RequestId></ErrorResponse>")
FAULTS = ("throttle", "internal", "drop")


class State:
    def __init__(self, rate):
        self.rate = rate
        self.lock = threading.Lock()
        self.count = 0
        self.faults = 0

    def next_fault(self):
        """The fault for the next request, or None to forward it (an even spread of the rate)."""
        with self.lock:
            n = self.count
            self.count += 1
            if math.ceil((n + 1) * self.rate - 1e-9) > math.ceil(n * self.rate - 1e-9):
                fault = FAULTS[self.faults % len(FAULTS)]
                self.faults += 1
                return fault
            return None


def make_handler(upstream, state):
    target = urllib.parse.urlsplit(upstream)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def end_headers(self):
            self.send_header("Connection", "close")
            self.close_connection = True
            super().end_headers()

        def handle_any(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            fault = state.next_fault()
            if fault == "drop":
                self.close_connection = True
                self.connection.shutdown(2)
                return
            if fault is not None:
                payload = THROTTLE_XML if fault == "throttle" else INTERNAL_XML
                self.send_response(400 if fault == "throttle" else 500)
                self.send_header("Content-Type", "text/xml")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                return
            conn = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
            headers = {k: v for k, v in self.headers.items()}
            conn.request(self.command, self.path, body=body, headers=headers)
            reply = conn.getresponse()
            data = reply.read()
            self.send_response(reply.status)
            for name, value in reply.getheaders():
                if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)
            conn.close()

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_any

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--upstream", required=True)
    parser.add_argument("--fault-rate", type=float, default=0.5)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    state = State(args.fault_rate)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port),
                                             make_handler(args.upstream, state))
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"{server.server_address[1]} {__import__('os').getpid()}", flush=True)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
