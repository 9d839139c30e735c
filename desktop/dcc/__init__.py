"""The EU Digital COVID Certificate format (Qt-free): payloads, COSE signing, HC1 codes, trust lists.

The public API, re-exported here:

- building a payload: ``build_vaccination_dcc``, ``lookup_vaccine``, ``dose_fields``,
  ``split_vietnamese_name``, ``icao_transliterate``, ``new_uvci``
- checking it: ``validate_payload`` -> list of ``Problem``
- signing: ``Signer`` protocol, ``KeySigner``, ``kid_for_certificate``, ``encode_hc1``
- reading and verifying: ``decode_hc1``, ``verify_hc1`` -> ``VerificationResult`` (never raises;
  bounded cost for any input), ``TrustList``
- other countries' signing certificates: ``trust_import`` (EU gateway JSON, PEM/DER, VaxDesk lists)

See docs/certificate-format.md for the formats and the rules behind them.
"""

from desktop.dcc.cose import ES256, PS256, KeySigner, Signer, kid_for_certificate
from desktop.dcc.errors import CertificateUnreadable, PayloadRefused
from desktop.dcc.hc1 import DecodedCertificate, VerificationResult, decode_hc1, encode_hc1, verify_hc1
from desktop.dcc.names import icao_transliterate, split_vietnamese_name
from desktop.dcc.payload import DEFAULT_ISSUER, build_vaccination_dcc
from desktop.dcc.problems import Problem
from desktop.dcc.trustlist import TrustList
from desktop.dcc.uvci import luhn38, new_uvci, uvci_valid_checksum
from desktop.dcc.vaccines import Vaccine, dose_fields, lookup_vaccine
from desktop.dcc.validate import validate_payload

__all__ = [
    "DEFAULT_ISSUER", "ES256", "PS256", "CertificateUnreadable", "DecodedCertificate", "KeySigner",
    "PayloadRefused", "Problem", "Signer", "TrustList", "Vaccine", "VerificationResult",
    "build_vaccination_dcc", "decode_hc1", "dose_fields", "encode_hc1", "icao_transliterate",
    "kid_for_certificate", "lookup_vaccine", "luhn38", "new_uvci", "split_vietnamese_name",
    "uvci_valid_checksum", "validate_payload", "verify_hc1",
]
