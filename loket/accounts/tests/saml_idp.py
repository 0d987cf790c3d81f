"""A SAML 2.0 identity provider on loopback, built on pysaml2's Server, for the SSO tests.

It publishes its metadata at /metadata and answers AuthnRequests at /sso (HTTP-Redirect binding)
with a signed assertion for `identity`, posted back through the browser (HTTP-POST binding).
`sign_assertion` and `tamper` let a test send what a broken or hostile IdP would send.
pysaml2 signs through the python-xmlsec binding (the library Loket's SP verifies with), so no
xmlsec1 program needs to be installed.
"""

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import xmlsec
from lxml import etree
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import (
    AUTHN_PASSWORD_PROTECTED,
    NAME_FORMAT_URI,
    NAMEID_FORMAT_PERSISTENT,
    NameID,
)
from saml2.server import Server
from saml2.sigver import CryptoBackend
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256


class PythonXmlsecBackend(CryptoBackend):
    """Signs the node pysaml2 prepared a signature template in (see saml2.sigver)."""

    version = xmlsec.__version__

    def sign_statement(self, statement, node_name, key_file, node_id):
        root = etree.fromstring(statement.encode() if isinstance(statement, str) else statement)
        xmlsec.tree.add_ids(root, ["ID"])
        node = root if root.get("ID") == node_id else root.find(f".//*[@ID='{node_id}']")
        template = node.find("{http://www.w3.org/2000/09/xmldsig#}Signature")
        context = xmlsec.SignatureContext()
        context.key = xmlsec.Key.from_file(key_file, xmlsec.constants.KeyDataFormatPem)
        context.sign(template)
        return etree.tostring(root, encoding="unicode")


class SamlIdP:
    def __init__(self, workdir: Path, cert: str, key: str) -> None:
        self.cert, self.key_file = cert, workdir / "idp-key.pem"
        self.key_file.write_text(key)
        (workdir / "idp-cert.pem").write_text(cert)
        self.cert_file = workdir / "idp-cert.pem"
        self.identity: dict[str, list[str]] = {}
        self.sign_assertion = True
        self.tamper: Callable[[str], str] = lambda xml: xml
        self.server: Server | None = None
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base_url = f"http://127.0.0.1:{self._http.server_port}"
        self.entity_id = f"{self.base_url}/metadata"

    def start(self) -> "SamlIdP":
        threading.Thread(target=self._http.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._http.shutdown()
        self._http.server_close()

    def trust(self, sp_metadata: str) -> None:
        """Register the service provider from the metadata Loket publishes."""
        self.server = Server(config=self._config(sp_metadata))
        self.server.sec.crypto = PythonXmlsecBackend()

    def metadata(self) -> str:
        return create_metadata_string(None, config=self._config(None), sign=False).decode()

    def answer(self, query: str) -> str:
        """The auto-posting form a browser receives for this AuthnRequest."""
        params = {name: values[0] for name, values in parse_qs(query).items()}
        request = self.server.parse_authn_request(params["SAMLRequest"], BINDING_HTTP_REDIRECT)
        args = self.server.response_args(request.message, [BINDING_HTTP_POST])
        uid = self.identity["uid"][0]
        response = self.server.create_authn_response(
            self.identity,
            userid=uid,
            name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=uid),
            authn={"class_ref": AUTHN_PASSWORD_PROTECTED, "authn_auth": self.entity_id},
            sign_assertion=self.sign_assertion,
            sign_response=False,
            sign_alg=SIG_RSA_SHA256,
            digest_alg=DIGEST_SHA256,
            **{key: args[key] for key in ("in_response_to", "destination", "sp_entity_id")},
        )
        xml = self.tamper(str(response))
        http = self.server.apply_binding(
            BINDING_HTTP_POST, xml, args["destination"], params.get("RelayState", ""), response=True
        )
        return http["data"]

    def _config(self, sp_metadata: str | None) -> IdPConfig:
        config = IdPConfig()
        config.load(
            {
                "entityid": self.entity_id,
                "service": {
                    "idp": {
                        "endpoints": {
                            "single_sign_on_service": [
                                (f"{self.base_url}/sso", BINDING_HTTP_REDIRECT)
                            ]
                        },
                        "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                        "policy": {
                            "default": {
                                "lifetime": {"minutes": 5},
                                "attribute_restrictions": None,
                                "name_form": NAME_FORMAT_URI,
                            }
                        },
                    }
                },
                "key_file": str(self.key_file),
                "cert_file": str(self.cert_file),
                "crypto_backend": "XMLSecurity",
                "metadata": {"inline": [sp_metadata]} if sp_metadata else {},
            }
        )
        return config

    def _handler(self):
        idp = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlsplit(self.path)
                if url.path == "/metadata":
                    self._send(200, idp.metadata(), "application/samlmetadata+xml")
                elif url.path == "/sso":
                    self._send(200, idp.answer(url.query), "text/html")
                else:
                    self._send(404, "not found", "text/plain")

            def _send(self, status, body, content_type):
                payload = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", f"{content_type}; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        return Handler
