"""A small OpenID Connect provider for the tests, on loopback: the authorization-code flow with RS256 ID
tokens signed by PyJWT (keys from cryptography), a JWKS, a token and a userinfo endpoint. It signs in
whoever `person` says, as the ministry's provider would after its own password page."""

import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

CLIENT_ID, CLIENT_SECRET = "b40-site", "b40-secret"


class Provider:
    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.person = {}
        self.codes = {}  # code → (claims, nonce)
        self.tokens = {}  # access token → claims
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/authorize":
                    return provider.authorize(self, query)
                if url.path == "/jwks":
                    jwk = json.loads(RSAAlgorithm.to_jwk(provider.key.public_key())) | {
                        "kid": "k1",
                        "use": "sig",
                    }
                    return provider.reply(self, {"keys": [jwk]})
                if url.path == "/userinfo":
                    token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                    return provider.reply(
                        self, provider.tokens.get(token), 200 if token in provider.tokens else 401
                    )
                return provider.reply(self, {"error": "not_found"}, 404)

            def do_POST(self):
                form = {
                    k: v[0]
                    for k, v in parse_qs(
                        self.rfile.read(int(self.headers["Content-Length"])).decode()
                    ).items()
                }
                provider.token(self, form)

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def settings(self):
        return {
            "OIDC_ENABLED": True,
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.base}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.base}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.base}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.base}/jwks",
        }

    def reply(self, handler, body, status=200, headers=()):
        handler.send_response(status)
        for name, value in headers:
            handler.send_header(name, value)
        data = json.dumps(body).encode() if body is not None else b""
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def authorize(self, handler, query):
        if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
            return self.reply(handler, {"error": "invalid_request"}, 400)
        code = secrets.token_urlsafe(16)
        self.codes[code] = (dict(self.person), query.get("nonce"))
        target = f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"
        self.reply(handler, None, 302, [("Location", target)])

    def token(self, handler, form):
        if (form.get("client_id"), form.get("client_secret")) != (CLIENT_ID, CLIENT_SECRET):
            return self.reply(handler, {"error": "invalid_client"}, 401)
        if form.get("code") not in self.codes:
            return self.reply(handler, {"error": "invalid_grant"}, 400)
        claims, nonce = self.codes.pop(form["code"])
        now = int(time.time())
        id_token = jwt.encode(
            {"iss": self.base, "aud": CLIENT_ID, "iat": now, "exp": now + 300, "nonce": nonce, **claims},
            self.key,
            algorithm="RS256",
            headers={"kid": "k1"},
        )
        access = secrets.token_urlsafe(16)
        self.tokens[access] = claims
        self.reply(handler, {"access_token": access, "id_token": id_token, "token_type": "Bearer"})

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
