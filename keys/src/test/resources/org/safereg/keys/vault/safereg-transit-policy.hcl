# Least-privilege Vault policy of the SafeReg server (docs/operations/vault.md).
# Wrap, unwrap and re-wrap data keys with the KEK; read key metadata (versions, public keys).
path "{{mount}}/encrypt/{{kek}}" {
  capabilities = ["update"]
}
path "{{mount}}/decrypt/{{kek}}" {
  capabilities = ["update"]
}
path "{{mount}}/rewrap/{{kek}}" {
  capabilities = ["update"]
}
path "{{mount}}/keys/{{kek}}" {
  capabilities = ["read"]
}
# Sign audit checkpoints and receipts; read the public keys to verify offline.
path "{{mount}}/sign/{{signing}}" {
  capabilities = ["update"]
}
path "{{mount}}/keys/{{signing}}" {
  capabilities = ["read"]
}
# Derive blind-index and pseudonym secrets.
path "{{mount}}/hmac/{{derive}}" {
  capabilities = ["update"]
}
path "{{mount}}/keys/{{derive}}" {
  capabilities = ["read"]
}
# Nothing else: no rotate, config, export, backup, trim or delete; no other key.
