"""OpenID Connect sign-in: allauth's provider, plus the nonce check that allauth leaves out."""
