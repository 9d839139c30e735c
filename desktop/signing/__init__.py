"""Bulk signing with the facility's USB token (docs/signing.md, docs/batch-format.md).

Public API:
    desktop.signing.batch: Selection, summarize, sign_ready, sign_cose_payload, batch_history
    desktop.signing.token: TokenSession, token_status
    desktop.signing.handler: SigningHandler, PinRequest, BatchSummary, CommandLineHandler, ScriptedHandler
    desktop.signing.modules: KNOWN_MODULES, resolve_module
    desktop.signing.merkle: leaf_hash, root_and_proofs, root_and_proof_texts, verify_inclusion
"""
