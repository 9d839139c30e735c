"""Merkle proofs verify for every leaf of every tree size, and fail for anything else."""

from __future__ import annotations

import hashlib

import pytest

from desktop.signing.merkle import leaf_hash, node_hash, root_and_proofs, verify_inclusion


def naive_root(leaves):
    """RFC 6962 MTH written straight from the RFC's recursive definition."""
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b"\x01" + naive_root(leaves[:k]) + naive_root(leaves[k:])).digest()


@pytest.mark.parametrize("size", [1, 2, 3, 4, 5, 7, 8, 9, 31, 33, 100])
def test_every_proof_verifies(size):
    leaves = [leaf_hash(f"record {i}".encode()) for i in range(size)]
    root, proofs = root_and_proofs(leaves)
    assert root == naive_root(leaves)
    for i, leaf in enumerate(leaves):
        assert verify_inclusion(leaf, i, size, proofs[i], root)
        assert not verify_inclusion(leaf_hash(b"forged"), i, size, proofs[i], root)
        if size > 1:
            assert not verify_inclusion(leaf, (i + 1) % size, size, proofs[i], root)


def test_leaf_and_node_domains_differ():
    a, b = leaf_hash(b"a"), leaf_hash(b"b")
    assert leaf_hash(a + b) != node_hash(a, b)


def test_rfc6962_empty_tree_leaf_vector():
    # RFC 6962 test vector: the hash of the empty leaf
    assert leaf_hash(b"").hex() == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
